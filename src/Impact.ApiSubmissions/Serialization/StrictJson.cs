using System.Runtime.CompilerServices;

namespace Impact.ApiSubmissions.Serialization;

/// <summary>
/// Checks that UTF-8 bytes are one JSON value as RFC 8259 defines it, before Newtonsoft reads them: its reader
/// accepts comments, trailing commas, single quotes, unquoted names and members with no value, and a body
/// like that is not what impact.com sends. Fails with the line and position of the first problem.
/// </summary>
internal sealed class StrictJson
{
    private const int MaxDepth = 64;

    // MethodImplOptions.AggressiveOptimization (absent from netstandard2.0's reference; .NET Core 3.0 and later honour it):
    // the scan runs once per byte of every page, and a process's first listing would otherwise run it as unoptimised
    // tier-0 code (about 10 ms a page instead of 1) until tiered compilation catches up, twenty pages later.
    private const MethodImplOptions Optimized = (MethodImplOptions)512;
    private readonly byte[] _bytes;
    private readonly int _end;
    private int _at;
    private int _depth;

    private StrictJson(byte[] bytes, int length)
    {
        _bytes = bytes;
        _end = length;
    }

    /// <summary>Throws <see cref="ImpactWireFormatException"/> unless the bytes are empty (only white space) or one valid JSON value.</summary>
    [MethodImpl(Optimized)]
    public static void Validate(byte[] bytes, int length)
    {
        var json = new StrictJson(bytes, length);
        if (length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            json._at = 3;
        }

        json.SkipWhiteSpace();
        if (json._at == length)
        {
            return;
        }

        json.Value();
        json.SkipWhiteSpace();
        if (json._at < length)
        {
            throw json.Fail("content after the JSON value");
        }
    }

    [MethodImpl(Optimized)]
    private void Value()
    {
        if (_at >= _end)
        {
            throw Truncated();
        }

        switch (_bytes[_at])
        {
            case (byte)'{':
                Container((byte)'}', member: true);
                break;
            case (byte)'[':
                Container((byte)']', member: false);
                break;
            case (byte)'"':
                String();
                break;
            case (byte)'t':
                Literal("true");
                break;
            case (byte)'f':
                Literal("false");
                break;
            case (byte)'n':
                Literal("null");
                break;
            case var c when c == '-' || (c >= '0' && c <= '9'):
                Number();
                break;
            case (byte)',' or (byte)'}' or (byte)']':
                throw Fail("a value is missing");
            default:
                throw Fail(Unexpected());
        }
    }

    [MethodImpl(Optimized)]
    private void Container(byte close, bool member)
    {
        if (++_depth > MaxDepth)
        {
            throw Fail($"nesting deeper than {MaxDepth} levels");
        }

        _at++;
        SkipWhiteSpace();
        if (Peek() == close)
        {
            _at++;
            _depth--;
            return;
        }

        while (true)
        {
            SkipWhiteSpace();
            if (member)
            {
                if (Peek() != '"')
                {
                    throw _at >= _end ? Truncated() : Fail(Peek() == close ? "a trailing comma" : Peek() == '\'' ? "a name in single quotes" : "a member name that is not a quoted string");
                }

                String();
                SkipWhiteSpace();
                if (Peek() != ':')
                {
                    throw _at >= _end ? Truncated() : Fail("a member name not followed by ':'");
                }

                _at++;
                SkipWhiteSpace();
                if (Peek() == ',' || Peek() == close)
                {
                    throw Fail("a member with no value");
                }
            }
            else
            {
                if (Peek() == close)
                {
                    throw Fail("a trailing comma");
                }
            }

            Value();
            SkipWhiteSpace();
            var next = Peek();
            if (next == ',')
            {
                _at++;
                continue;
            }

            if (next == close)
            {
                _at++;
                _depth--;
                return;
            }

            throw _at >= _end ? Truncated() : Fail(next == '/' ? "a comment" : $"'{(char)next}' where ',' or '{(char)close}' belongs");
        }
    }

    [MethodImpl(Optimized)]
    private void String()
    {
        _at++;
        while (_at < _end)
        {
            var c = _bytes[_at];
            if (c == '"')
            {
                _at++;
                return;
            }

            if (c < 0x20)
            {
                throw Fail("a control character inside a string");
            }

            if (c == '\\')
            {
                _at++;
                var escape = Peek();
                if (escape == 'u')
                {
                    for (var i = 1; i <= 4; i++)
                    {
                        if (_at + i >= _end)
                        {
                            throw Truncated();
                        }

                        if (!IsHex(_bytes[_at + i]))
                        {
                            throw Fail("an invalid \\u escape");
                        }
                    }

                    _at += 4;
                }
                else if (escape < 0)
                {
                    throw Truncated();
                }
                else if ("\"\\/bfnrt".IndexOf((char)escape) < 0)
                {
                    throw Fail("an invalid escape in a string");
                }
            }

            _at++;
        }

        throw Truncated();
    }

    [MethodImpl(Optimized)]
    private void Number()
    {
        if (Peek() == '-')
        {
            _at++;
        }

        if (Peek() == '0')
        {
            _at++;
        }
        else if (!Digits())
        {
            throw _at >= _end ? Truncated() : Fail("a number JSON does not allow");
        }

        if (Peek() == '.')
        {
            _at++;
            if (!Digits())
            {
                throw _at >= _end ? Truncated() : Fail("a number JSON does not allow");
            }
        }

        if (Peek() == 'e' || Peek() == 'E')
        {
            _at++;
            if (Peek() == '+' || Peek() == '-')
            {
                _at++;
            }

            if (!Digits())
            {
                throw _at >= _end ? Truncated() : Fail("a number JSON does not allow");
            }
        }
    }

    [MethodImpl(Optimized)]
    private bool Digits()
    {
        var start = _at;
        while (Peek() is >= '0' and <= '9')
        {
            _at++;
        }

        return _at > start;
    }

    [MethodImpl(Optimized)]
    private void Literal(string word)
    {
        for (var i = 0; i < word.Length; i++, _at++)
        {
            if (_at >= _end)
            {
                throw Truncated();
            }

            if (_bytes[_at] != word[i])
            {
                throw Fail(Unexpected());
            }
        }
    }

    [MethodImpl(Optimized)]
    private void SkipWhiteSpace()
    {
        while (_at < _end && _bytes[_at] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
        {
            _at++;
        }
    }

    [MethodImpl(Optimized)]
    private int Peek() => _at < _end ? _bytes[_at] : -1;

    [MethodImpl(Optimized)]
    private static bool IsHex(byte c) => c is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';

    private string Unexpected() => Peek() switch
    {
        '/' => "a comment",
        '\'' => "a string in single quotes",
        var c when c >= 0x20 && c < 0x7F => $"an unexpected '{(char)c}'",
        var c => $"an unexpected byte 0x{c:X2}",
    };

    private ImpactWireFormatException Truncated()
    {
        var (line, position) = Where();
        return ImpactWireFormatException.Invalid($"The JSON ends early, at line {line}, position {position}: the body looks truncated", FieldHere(), truncated: true);
    }

    private ImpactWireFormatException Fail(string problem)
    {
        var (line, position) = Where();
        return ImpactWireFormatException.Invalid($"The body is not valid JSON at line {line}, position {position}: {problem}", FieldHere(), truncated: false);
    }

    // The JSON path of the member the scan stopped in (e.g. APISubmission[3].Payload), read again up to that byte by
    // Newtonsoft's reader, which keeps the path. Only on the failure path: the scan itself keeps no names.
    private string FieldHere()
    {
        var reader = new Newtonsoft.Json.JsonTextReader(new System.IO.StreamReader(new System.IO.MemoryStream(_bytes, 0, System.Math.Min(_at, _end), writable: false), System.Text.Encoding.UTF8));
        try
        {
            while (reader.Read())
            {
            }
        }
        catch (Newtonsoft.Json.JsonException)
        {
            // Expected: the text up to the problem is itself incomplete. The path so far is what we want.
        }

        return reader.Path;
    }

    // 1-based line and character position of the current byte (UTF-8 continuation bytes are not characters).
    private (int Line, int Position) Where()
    {
        var line = 1;
        var position = 1;
        for (var i = 0; i < _at && i < _end; i++)
        {
            if (_bytes[i] == '\n')
            {
                line++;
                position = 1;
            }
            else if ((_bytes[i] & 0xC0) != 0x80)
            {
                position++;
            }
        }

        return (line, position);
    }
}
