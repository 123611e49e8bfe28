using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Impact.ApiSubmissions.Serialization;
using Impact.ApiSubmissions.Testing;
using Newtonsoft.Json;

namespace Impact.ApiSubmissions.Benchmarks;

/// <summary>
/// Listing 100,000 submissions (100 pages of 1,000) from a loopback mock impact.com:
/// the SDK against the floor (the same bytes read and scanned with JsonTextReader, no objects built)
/// and against the naive approach (ReadAsStringAsync + JsonConvert.DeserializeObject per page).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class ListingBenchmarks : LoopbackListing
{
    [GlobalSetup]
    public void Setup() => Start();

    [GlobalCleanup]
    public void Cleanup() => Stop();

    [Benchmark(Baseline = true, Description = "Floor: JsonTextReader scan")]
    public async Task<int> Floor()
    {
        var tokens = 0;
        for (var page = 1; page <= Pages; page++)
        {
            using var response = await _http.GetAsync(PagePath(page), HttpCompletionOption.ResponseHeadersRead);
            using var stream = await response.Content.ReadAsStreamAsync();
            using var reader = new JsonTextReader(new StreamReader(stream, Encoding.UTF8)) { DateParseHandling = DateParseHandling.None };
            while (reader.Read())
            {
                tokens++;
            }
        }

        return tokens;
    }

    [Benchmark(Description = "SDK: GetApiSubmissionsAsync")]
    public async Task<int> Sdk()
    {
        var count = 0;
        await foreach (var submission in _client.GetApiSubmissionsAsync(new ApiSubmissionListOptions { PageSize = 1000 }))
        {
            count++;
        }

        return count;
    }

    [Benchmark(Description = "Naive: ReadAsString + DeserializeObject")]
    public async Task<int> Naive()
    {
        var count = 0;
        for (var page = 1; page <= Pages; page++)
        {
            var text = await _http.GetStringAsync(PagePath(page));
            var parsed = JsonConvert.DeserializeObject<ApiSubmissionPage>(text, _settings)!;
            count += parsed.Submissions.Count;
        }

        return count;
    }
}

/// <summary>
/// Whether memory stays bounded by the pages in flight: the live managed heap (after a full collection)
/// is sampled after every page while listing 10 or 100 pages of 1,000. Its peak growth should not grow
/// with the total. The timings of this class are not meaningful (each sample forces a collection).
/// </summary>
[Config(typeof(PeakHeapConfig))]
[SimpleJob(launchCount: 1, warmupCount: 0, iterationCount: 1, invocationCount: 1)]
public class MemoryBoundBenchmarks : LoopbackListing
{
    private string _method = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        Start();
        PeakHeap.Start();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        PeakHeap.Save(nameof(MemoryBoundBenchmarks), $"{_method}|Pages={Pages}");
        Stop();
    }

    [Benchmark(Baseline = true, Description = "SDK: GetApiSubmissionsAsync")]
    public async Task<int> Sdk()
    {
        _method = nameof(Sdk);
        var count = 0;
        await foreach (var submission in _client.GetApiSubmissionsAsync(new ApiSubmissionListOptions { PageSize = 1000, MaxConcurrency = 4 }))
        {
            if (++count % 1000 == 0)
            {
                PeakHeap.Sample();
            }
        }

        return count;
    }

    [Benchmark(Description = "Naive, keeping every page")]
    public async Task<int> NaiveKeepingPages()
    {
        _method = nameof(NaiveKeepingPages);
        var pages = new List<ApiSubmissionPage>();
        for (var page = 1; page <= Pages; page++)
        {
            var text = await _http.GetStringAsync(PagePath(page));
            pages.Add(JsonConvert.DeserializeObject<ApiSubmissionPage>(text, _settings)!);
            PeakHeap.Sample();
        }

        return pages.Sum(p => p.Submissions.Count);
    }
}

/// <summary>A mock impact.com on loopback holding <see cref="Pages"/> pages of 1,000 submissions, and clients for it.</summary>
public abstract class LoopbackListing
{
    protected ImpactMockServer _server = null!;
    protected HttpClient _http = null!;
    protected ApiSubmissionsClient _client = null!;
    protected JsonSerializerSettings _settings = null!;

    [Params(10, 100)]
    public int Pages { get; set; }

    protected void Start()
    {
        _server = ImpactMockServer.Start(new ImpactMockServerOptions { Seed = 1, SubmissionCount = Pages * 1000 });
        _http = _server.CreateHttpClient();
        _client = _server.CreateClient();
        _settings = ImpactJson.CreateSettings();
    }

    protected void Stop()
    {
        _client.Dispose();
        _http.Dispose();
        _server.Dispose();
    }

    protected string PagePath(int page) => $"Advertisers/{_server.AccountSid}/APISubmissions?Page={page}&PageSize=1000";
}

/// <summary>
/// With 200 ms of server latency per page, listing 20 pages one at a time against four at a time.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class PrefetchBenchmarks
{
    private ImpactMockServer _server = null!;
    private ApiSubmissionsClient _client = null!;

    [Params(1, 4)]
    public int MaxConcurrency { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _server = ImpactMockServer.Start(new ImpactMockServerOptions { Seed = 1, SubmissionCount = 20_000 });
        _server.SetLatency(TimeSpan.FromMilliseconds(200));
        _client = _server.CreateClient();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _server.Dispose();
    }

    [Benchmark]
    public async Task<int> ListTwentyPages()
    {
        var count = 0;
        await foreach (var _ in _client.GetApiSubmissionsAsync(new ApiSubmissionListOptions { PageSize = 1000, MaxConcurrency = MaxConcurrency }))
        {
            count++;
        }

        return count;
    }
}

/// <summary>
/// Peak growth of the live managed heap during a benchmark run. The benchmark process writes it to a file;
/// the column, in the host process, reads it.
/// </summary>
internal static class PeakHeap
{
    private static long _baseline;
    private static long _peak;

    public static string Folder => Path.Combine(Path.GetTempPath(), "impact-benchmarks-peak-heap");

    /// <summary>Takes the baseline: the live heap with the server's data set loaded.</summary>
    public static void Start()
    {
        _baseline = GC.GetTotalMemory(forceFullCollection: true);
        _peak = 0;
    }

    /// <summary>Records the live heap's growth over the baseline (a full collection first, so garbage does not count).</summary>
    public static void Sample()
    {
        var now = GC.GetTotalMemory(forceFullCollection: true) - _baseline;
        if (now > _peak)
        {
            _peak = now;
        }
    }

    public static void Save(string type, string key)
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Path.Combine(Folder, Sanitize(type + "|" + key) + ".txt"), _peak.ToString(CultureInfo.InvariantCulture));
    }

    public static string? Read(string type, string key)
    {
        var path = Path.Combine(Folder, Sanitize(type + "|" + key) + ".txt");
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    private static string Sanitize(string text) => new(text.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());
}

internal sealed class PeakHeapConfig : ManualConfig
{
    public PeakHeapConfig() => AddColumn(new PeakHeapColumn());

    private sealed class PeakHeapColumn : IColumn
    {
        public string Id => nameof(PeakHeapColumn);
        public string ColumnName => "Peak live heap growth";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Size;
        public string Legend => "Largest growth of the live managed heap (after a full collection) over the loaded data set, sampled after every page";
        public bool IsAvailable(Summary summary) => true;
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var pages = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Pages")?.Value;
            var raw = PeakHeap.Read(benchmarkCase.Descriptor.Type.Name, $"{benchmarkCase.Descriptor.WorkloadMethod.Name}|Pages={pages}");
            return raw is null ? "-" : $"{long.Parse(raw, CultureInfo.InvariantCulture) / (1024.0 * 1024.0):0.0} MB";
        }
    }
}
