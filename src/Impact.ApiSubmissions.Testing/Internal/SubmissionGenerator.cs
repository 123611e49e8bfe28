using System;
using System.Collections.Generic;
using System.Globalization;

namespace Impact.ApiSubmissions.Testing.Internal;

/// <summary>
/// Generates a realistic data set from a seed: the same seed, count and "now" always give the same
/// submissions. Submissions spread over the 90 days before "now", oldest first. About 3% are still
/// Queued and 3% In Progress (submitted in the last quarter hour); of the complete ones about a third
/// carry errors, Validation or Contract Error, with one to three documented reason codes.
/// </summary>
internal static class SubmissionGenerator
{
    // First octets of ordinary public IPv4 space (no private, loopback, link-local or multicast ranges).
    private static readonly int[] PublicFirstOctets = { 23, 24, 45, 50, 64, 66, 67, 68, 71, 73, 74, 76, 81, 82, 86, 98, 104, 107, 108, 142, 151, 173, 174, 184, 185, 195, 209, 212, 216 };

    public static IEnumerable<ApiSubmission> Generate(int seed, int count, SubmissionDefaults defaults)
    {
        foreach (var plan in DataSetSpread.Plan(new DeterministicRandom(seed), count, defaults.Now, TimeSpan.FromMinutes(20), 'A'))
        {
            yield return Create(plan.Random, plan.BatchId, plan.Submitted, plan.Status, defaults);
        }
    }

    private static ApiSubmission Create(DeterministicRandom random, string batchId, DateTimeOffset submittedAt, SubmissionStatus status, SubmissionDefaults defaults)
    {
        var typeRoll = random.NextDouble();
        var type = typeRoll < 0.80 ? SubmissionType.Conversion : typeRoll < 0.93 ? SubmissionType.Modification : SubmissionType.Reversal;
        var program = random.Pick(SampleCatalog.Programs);
        var eventType = random.Pick(program.EventTypes);
        var submitted = AccountClock.ToAccountTime(submittedAt);

        string? errorType = null;
        var reasons = new List<string>();
        if (status == SubmissionStatus.Complete)
        {
            var errorRoll = random.NextDouble();
            var (errorChance, validationShare) = type == SubmissionType.Conversion ? (0.38, 0.4) : (0.15, 0.7);
            if (errorRoll < errorChance)
            {
                errorType = errorRoll < errorChance * validationShare ? SampleCatalog.Validation : SampleCatalog.ContractError;
                var pool = errorType == SampleCatalog.Validation ? SampleCatalog.ValidationReasons : SampleCatalog.ContractReasons;
                var reasonCount = random.Chance(0.75) ? 1 : random.Chance(0.8) ? 2 : 3;
                while (reasons.Count < reasonCount)
                {
                    var reason = random.Pick(pool);
                    if (!reasons.Contains(reason))
                    {
                        reasons.Add(reason);
                    }
                }
            }
        }

        var orderMissing = reasons.Contains("OID_MISSING");
        var noItems = reasons.Contains("NO_ITEM");
        var orderId = orderMissing ? null : (random.Chance(0.05) ? "00" + random.Digits(9) : random.Digits(1).Replace('0', '7') + random.Digits(12));
        var usesEventCode = random.Chance(0.5);
        var eventDate = AccountClock.ToAccountTime(submittedAt - TimeSpan.FromSeconds(random.Next(1, 6 * 3600)));

        var payload = type == SubmissionType.Conversion
            ? ConversionPayload(random, program, eventType, usesEventCode, eventDate, orderId, noItems)
            : AdjustmentPayload(random, type, program, eventType, orderId, noItems);

        return SpecExamples.Fill(ApiSubmissionsModelFactory.ApiSubmission(
            batchId: batchId,
            accountId: defaults.AccountId,
            submissionDate: submitted,
            campaignId: program.CampaignId,
            actionTrackerId: eventType.ActionTrackerId,
            mediaPartnerId: random.Pick(SampleCatalog.MediaPartnerIds),
            eventCode: usesEventCode ? eventType.Code : null,
            orderId: orderId,
            payload: payload,
            type: type,
            status: status,
            completionDate: status == SubmissionStatus.Complete
                ? AccountClock.ToAccountTime(submittedAt + TimeSpan.FromSeconds(random.Next(4, 40 * 60)))
                : null,
            errorType: errorType is null ? (SubmissionErrorType?)null : new SubmissionErrorType(errorType),
            errorReason: reasons.Count > 0 ? string.Join(" ", reasons) : null,
            uri: defaults.UriFor(batchId)));
    }

    private static string ConversionPayload(
        DeterministicRandom random,
        SampleCatalog.Program program,
        SampleCatalog.EventType eventType,
        bool usesEventCode,
        DateTimeOffset eventDate,
        string? orderId,
        bool noItems)
    {
        var payload = new PayloadBuilder().Set("CampaignId", Text(program.CampaignId));
        if (usesEventCode)
        {
            payload.Set("EventTypeCode", eventType.Code);
        }
        else
        {
            payload.Set("EventTypeId", Text(eventType.ActionTrackerId));
        }

        payload.Set("EventDate", AccountClock.ToWire(eventDate));
        if (orderId is not null)
        {
            payload.Set("OrderId", orderId);
        }

        // Some submitters encode the click id twice: ':' arrives as %253A, as in impact.com's example.
        var clickId = random.Chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 14)
            + (random.Chance(0.3) ? "%3A" : "")
            + random.Chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 18);
        payload.Set("ClickId", clickId)
            .Set("CustomerId", random.Chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 26));
        if (random.Chance(0.25))
        {
            payload.Set("OrderPromoCode", random.Pick(SampleCatalog.PromoCodes));
        }

        payload.Set("CustomerStatus", random.Chance(0.6) ? "NEW" : "RETURNING")
            .Set("CustomerPostCode", random.Pick(SampleCatalog.PostCodes))
            .Set("CurrencyCode", program.CurrencyCode);
        if (random.Chance(0.3))
        {
            payload.Set("OrderDiscount", Text(random.Next(1, 20)));
        }

        // A public unicast IPv4 address, as a customer's browser would have.
        payload.Set("IpAddress", $"{random.Pick(PublicFirstOctets)}.{random.Next(0, 256)}.{random.Next(0, 256)}.{random.Next(1, 255)}");

        if (!noItems)
        {
            AddItems(random, payload, random.Next(1, 5));
        }

        return payload.ToString();
    }

    private static string AdjustmentPayload(
        DeterministicRandom random,
        SubmissionType type,
        SampleCatalog.Program program,
        SampleCatalog.EventType eventType,
        string? orderId,
        bool noItems)
    {
        var payload = new PayloadBuilder()
            .Set("CampaignId", Text(program.CampaignId))
            .Set("ActionTrackerId", Text(eventType.ActionTrackerId))
            .Set("ActionId", $"{program.CampaignId}.{eventType.ActionTrackerId}.{random.Digits(7)}");
        if (orderId is not null)
        {
            payload.Set("OrderId", orderId);
        }

        if (type == SubmissionType.Reversal)
        {
            return payload.Set("Reason", random.Pick(SampleCatalog.ReversalReasons)).ToString();
        }

        payload.Set("Reason", random.Pick(SampleCatalog.ModificationReasons));
        if (!noItems)
        {
            AddItems(random, payload, random.Next(1, 3));
        }

        return payload.ToString();
    }

    private static void AddItems(DeterministicRandom random, PayloadBuilder payload, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var product = random.Pick(SampleCatalog.Products);
            payload.AddItem(product.Sku, product.Name, product.Category, random.Chance(0.7) ? 1 : random.Next(2, 6), product.Price);
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
