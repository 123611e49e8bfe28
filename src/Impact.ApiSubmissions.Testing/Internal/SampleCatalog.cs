using System.Collections.Generic;

namespace Impact.ApiSubmissions.Testing.Internal;

/// <summary>The fixed vocabulary the generated data set draws from: programs, products, error codes.</summary>
internal static class SampleCatalog
{
    public sealed record EventType(int ActionTrackerId, string Code);

    public sealed record Program(int CampaignId, string CurrencyCode, IReadOnlyList<EventType> EventTypes);

    public sealed record Product(string Sku, string Name, string Category, decimal Price);

    public static IReadOnlyList<Program> Programs { get; } = new[]
    {
        new Program(1000, "USD", new[] { new EventType(4000, "ACME_SALE"), new EventType(4010, "ACME_APP_SALE") }),
        new Program(1001, "EUR", new[] { new EventType(4100, "ACME_EU_SALE") }),
        new Program(1002, "USD", new[] { new EventType(4200, "ROADRUNNER_SALE"), new EventType(4201, "ROADRUNNER_RENEWAL") }),
    };

    public static IReadOnlyList<Product> Products { get; } = new[]
    {
        new Product("12345", "Anvil", "Anvils", 10m),
        new Product("55555", "Hammer", "Hammers", 6.99m),
        new Product("20011", "Rocket Skates", "Transport", 149.95m),
        new Product("20012", "Jet-Propelled Pogo Stick", "Transport", 89.5m),
        new Product("30101", "Giant Rubber Band", "Launchers", 12.49m),
        new Product("30102", "Instant Hole", "Tools", 24m),
        new Product("40001", "Bird Seed (5 lb)", "Bait", 4.75m),
        new Product("40002", "Iron Bird Seed", "Bait", 7.25m),
        new Product("50010", "Dehydrated Boulders", "Geology", 19.99m),
        new Product("50011", "Earthquake Pills", "Pharmacy", 3.5m),
        new Product("60001", "Tornado Seeds", "Garden", 8m),
        new Product("60002", "Giant Magnet", "Tools", 59m),
        new Product("70001", "Spring-Powered Shoes", "Footwear", 39.9m),
        new Product("70002", "Nuts & Bolts, assorted", "Hardware", 2.25m),
        new Product("80001", "Do-It-Yourself Tornado Kit", "Garden", 29.99m),
    };

    public static IReadOnlyList<int> MediaPartnerIds { get; } = new[]
    {
        10000, 10001, 10017, 10042, 10099, 11230, 11875, 12004, 13311, 14000, 15522, 16001, 18888, 19270, 20415,
    };

    public static IReadOnlyList<string> PromoCodes { get; } = new[] { "10OFF-FORGE", "SPRING25", "FREESHIP", "WELCOME5", "ROADRUNNER" };

    public static IReadOnlyList<string> PostCodes { get; } = new[] { "93107", "10001", "94105", "60601", "73301", "98101", "30301", "02108" };

    /// <summary>impact.com's known error types.</summary>
    public const string Validation = "Validation";

    /// <inheritdoc cref="Validation"/>
    public const string ContractError = "Contract Error";

    /// <summary>Documented reason codes that describe malformed or inconsistent data.</summary>
    public static IReadOnlyList<string> ValidationReasons { get; } = new[]
    {
        "ACTIONTRACKER_CAMPAIGN_MISMATCH", "ACTIONTRACKER_NOT_ACTIVE", "ACTIONTRACKER_NOT_FOUND", "BLACKLISTED_SOURCE_IP",
        "CALL_DUPLICATE", "CAMPAIGN_NOT_FOUND", "CONV_DUPLICATE", "MALFORMED", "NO_ITEM", "OID_MISSING",
    };

    /// <summary>Documented reason codes for valid data that earns no payout under the contract.</summary>
    public static IReadOnlyList<string> ContractReasons { get; } = new[]
    {
        "ACTION_REF_NOT_FOUND", "ACTIONTERMS_NOT_FOUND", "BLOCKED_BY_PROMOCODE", "CALL_DURATION_TOO_SHORT",
        "CALL_FOR_CALL_PER_CONV_AT", "CALL_INCOMPLETE", "CALL_OUTSIDE_DAILY_RANGE", "CONTRACT_NOT_FOUND",
        "CREDITING_RULE_MISMATCH", "MAX_RECURRENCES_REACHED", "NO_VALID_ACTION_REF", "OTHER_REF_PRIORITIZED",
        "OUTSIDE_ASSOCIATION_WINDOW", "PARTNER_NOT_ACTIVE", "REFTYPE_NOT_ACCEPTED", "RESTRICTED_PROMOCODE", "UNCLAIMED",
    };

    public static IReadOnlyList<string> ModificationReasons { get; } = new[] { "ITEM_RETURNED", "PRICE_ADJUSTMENT", "PARTIAL_RETURN" };

    public static IReadOnlyList<string> ReversalReasons { get; } = new[] { "ORDER_CANCELLED", "CUSTOMER_RETURN", "FRAUD" };
}
