namespace Impact.ApiSubmissions.Cli.Infrastructure;

/// <summary>
/// The smallest container Spectre.Console.Cli needs: instances registered up front, types built through
/// their widest public constructor from what is registered, and <c>IEnumerable&lt;T&gt;</c> for every
/// registration of T.
/// </summary>
internal sealed class TypeRegistrar : ITypeRegistrar
{
    private readonly Dictionary<Type, List<Func<object>>> _factories = new();

    public void Register(Type service, Type implementation) => Add(service, () => Create(implementation));

    public void RegisterInstance(Type service, object implementation) => Add(service, () => implementation);

    public void RegisterLazy(Type service, Func<object> factory)
    {
        var lazy = new Lazy<object>(factory);
        Add(service, () => lazy.Value);
    }

    public ITypeResolver Build() => new Resolver(this);

    private void Add(Type service, Func<object> factory)
    {
        if (!_factories.TryGetValue(service, out var list))
        {
            _factories[service] = list = new List<Func<object>>();
        }

        list.Add(factory);
    }

    private object? Resolve(Type? type)
    {
        if (type is null)
        {
            return null;
        }

        if (_factories.TryGetValue(type, out var factories))
        {
            return factories[^1]();
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>))
        {
            var element = type.GetGenericArguments()[0];
            var all = _factories.TryGetValue(element, out var registered) ? registered.Select(f => f()).ToArray() : Array.Empty<object>();
            var array = Array.CreateInstance(element, all.Length);
            Array.Copy(all, array, all.Length);
            return array;
        }

        return type.IsAbstract || type.IsInterface ? null : Create(type);
    }

    private object Create(Type type)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"{type.Name} has no public constructor.");
        var arguments = constructor.GetParameters()
            .Select(p => Resolve(p.ParameterType) ?? throw new InvalidOperationException($"Nothing registered for {p.ParameterType.Name}, needed by {type.Name}."))
            .ToArray();
        return constructor.Invoke(arguments);
    }

    private sealed class Resolver : ITypeResolver
    {
        private readonly TypeRegistrar _registrar;

        public Resolver(TypeRegistrar registrar) => _registrar = registrar;

        public object? Resolve(Type? type) => _registrar.Resolve(type);
    }
}
