using System;
using System.Collections.Generic;
using System.Text;

namespace Impact.ApiSubmissions;

/// <summary>
/// The form-urlencoded body of a submission (<see cref="ApiSubmission.Payload"/>), decoded exactly once,
/// as impact.com decoded it: every field in its original order, typed views of the documented keys,
/// the items, and the means to edit the payload and format it again for a resubmission.
/// </summary>
/// <remarks>
/// <para>
/// Keys are case-sensitive. A key may occur more than once: every occurrence is kept, in order, and the
/// readers by name (the indexer, the typed properties) return the first. Typed readers never throw: a value
/// that does not convert reads as null while its text stays readable through the indexer.
/// </para>
/// <para>
/// Reading from several threads at once is safe; editing is not, and must not overlap any other use.
/// </para>
/// </remarks>
public sealed partial class SubmissionPayload
{
    private const int MinimumCapacity = 4;

    private readonly string _source;
    private readonly Dictionary<string, int> _firstIndex;
    private PayloadEntry[] _entries;
    private int _count;
    private bool _edited;
    private bool _hasDuplicates;
    private int _version;

    /// <summary>Creates an empty payload, to build one in code with <see cref="Set(string, string)"/> and <see cref="Add"/>.</summary>
    public SubmissionPayload()
        : this(string.Empty, MinimumCapacity)
    {
    }

    private SubmissionPayload(string source, int capacity)
    {
        _source = source;
        _entries = new PayloadEntry[capacity];
        _firstIndex = new Dictionary<string, int>(capacity, StringComparer.Ordinal);
    }

    /// <summary>Parses a form-urlencoded payload. Every string is a payload: content is never rejected.</summary>
    /// <param name="payload">The payload text, e.g. <see cref="ApiSubmission.Payload"/>.</param>
    /// <returns>The parsed payload; empty for an empty string.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="payload"/> is null (the only failure).</exception>
    /// <remarks>
    /// <para>
    /// Each kind of malformed input reads by a fixed rule: those of the WHATWG URL standard's
    /// <c>application/x-www-form-urlencoded</c> parser, which web servers' form decoders commonly follow.
    /// </para>
    /// <list type="bullet">
    /// <item><description>'&amp;' separates fields. Empty segments (<c>a=1&amp;&amp;b=2</c>, a leading or trailing '&amp;') make no field.</description></item>
    /// <item><description>The first '=' separates the key from the value; any later '=' belongs to the value.</description></item>
    /// <item><description>A segment without '=' (<c>flag</c>) is a key whose value is empty; it formats back without '='.</description></item>
    /// <item><description>An empty key (<c>=5</c>) is kept as a field whose key is the empty string; <see cref="Validate()"/> reports it.</description></item>
    /// <item><description>'+' is a space; %XX (hex in either case) is one byte; consecutive bytes are read as UTF-8.</description></item>
    /// <item><description>A '%' not followed by two hex digits (<c>50%OFF</c>, a trailing <c>%</c> or <c>%4</c>) is kept literally; <see cref="Validate()"/> reports it.</description></item>
    /// <item><description>Escaped bytes that are not UTF-8 become U+FFFD, one per maximal invalid subsequence (the Unicode and WHATWG rule); <see cref="Validate()"/> reports them. Unescaped characters, ASCII or not, are kept as they are.</description></item>
    /// <item><description>There is no length limit: time and memory grow linearly with the length, and a value is decoded only when read.</description></item>
    /// </list>
    /// </remarks>
    public static SubmissionPayload Parse(string payload)
    {
        if (payload is null)
        {
            throw new ArgumentNullException(nameof(payload));
        }

        // Sized once: a payload has at most one field more than it has '&'.
        int separators = 0;
        foreach (char c in payload)
        {
            if (c == '&')
            {
                separators++;
            }
        }

        var result = new SubmissionPayload(payload, Math.Max(MinimumCapacity, separators + 1));
        int start = 0;
        while (start <= payload.Length)
        {
            int end = payload.IndexOf('&', start);
            if (end < 0)
            {
                end = payload.Length;
            }

            if (end > start)
            {
                result.AppendParsed(start, end);
            }

            start = end + 1;
        }

        return result;
    }

    /// <summary>
    /// Parses a form-urlencoded payload by the rules of <see cref="Parse"/>, without throwing on any input.
    /// </summary>
    /// <param name="payload">The payload text, or null.</param>
    /// <param name="result">The parsed payload; an empty payload when <paramref name="payload"/> is null.</param>
    /// <returns>False only when <paramref name="payload"/> is null: every string is a payload.</returns>
    public static bool TryParse(string? payload, out SubmissionPayload result)
    {
        if (payload is null)
        {
            result = new SubmissionPayload();
            return false;
        }

        result = Parse(payload);
        return true;
    }

    /// <summary>The number of fields, repeated keys counted each time.</summary>
    public int Count => _count;

    /// <summary>True after an edit: <see cref="ToString"/> then rebuilds the text instead of returning the original.</summary>
    public bool IsEdited => _edited;

    /// <summary>Every field in order, repeated keys included: a snapshot that later edits do not change.</summary>
    public IReadOnlyList<PayloadField> Fields
    {
        get
        {
            var fields = new PayloadField[_count];
            for (int i = 0; i < _count; i++)
            {
                fields[i] = FieldAt(i);
            }

            return fields;
        }
    }

    /// <summary>
    /// The fields whose keys the SDK does not model (neither a documented key, nor a custom slot, nor a
    /// documented item attribute), e.g. the keys of a Modification or Reversal: a snapshot, in original order.
    /// </summary>
    public IReadOnlyList<PayloadField> AdditionalFields
    {
        get
        {
            var fields = new List<PayloadField>();
            for (int i = 0; i < _count; i++)
            {
                if (!IsModeled(i))
                {
                    fields.Add(FieldAt(i));
                }
            }

            return fields;
        }
    }

    /// <summary>Gets the first value of a key, or sets it (see <see cref="Set(string, string)"/>).</summary>
    /// <param name="key">The decoded key, case-sensitive.</param>
    /// <returns>The first value decoded, or null when the key is absent. A key written without '=' reads as "".</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public string? this[string key]
    {
        get
        {
            int index = IndexOf(key);
            return index < 0 ? null : ValueAt(index);
        }

        set => Set(key, value);
    }

    /// <summary>Whether the payload has the key.</summary>
    /// <param name="key">The decoded key, case-sensitive.</param>
    /// <returns>True when at least one field has this key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <summary>Every value of a key, in order.</summary>
    /// <param name="key">The decoded key, case-sensitive.</param>
    /// <returns>The values; empty when the key is absent.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public IReadOnlyList<string> GetValues(string key)
    {
        int first = IndexOf(key);
        if (first < 0)
        {
            return Array.Empty<string>();
        }

        var values = new List<string> { ValueAt(first) };
        if (_hasDuplicates)
        {
            for (int i = first + 1; i < _count; i++)
            {
                if (KeyEquals(i, key))
                {
                    values.Add(ValueAt(i));
                }
            }
        }

        return values;
    }

    /// <summary>
    /// Sets a key to one value. The first field with the key takes the value in place and any later fields with
    /// the key are removed; a new key is added at the end; a null value removes the key.
    /// </summary>
    /// <param name="key">The decoded key, case-sensitive; may be empty.</param>
    /// <param name="value">The decoded value (encoded when formatted), or null to remove the key.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <remarks>Setting a key to the value it already has, once, changes nothing, so the original text is kept.</remarks>
    public void Set(string key, string? value)
    {
        if (value is null)
        {
            Remove(key);
            return;
        }

        int index = IndexOf(key);
        if (index < 0)
        {
            Append(key, value);
            return;
        }

        if (_hasDuplicates)
        {
            RemoveLaterOccurrences(key, index);
        }

        if (string.Equals(ValueAt(index), value, StringComparison.Ordinal))
        {
            return;
        }

        _entries[index] = PayloadEntry.FromCode(key, value);
        MarkEdited();
    }

    /// <summary>Sets a key to a whole number, written in invariant culture (see <see cref="Set(string, string)"/>).</summary>
    /// <param name="key">The decoded key, case-sensitive.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public void Set(string key, long value) => Set(key, PayloadValues.Format(value));

    /// <summary>Sets a key to a decimal number, written in invariant culture with '.' (see <see cref="Set(string, string)"/>).</summary>
    /// <param name="key">The decoded key, case-sensitive.</param>
    /// <param name="value">The value, written with its scale (<c>1.50m</c> gives <c>1.50</c>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public void Set(string key, decimal value) => Set(key, PayloadValues.Format(value));

    /// <summary>Sets a key to a date and time in ISO 8601 with its own offset, e.g. <c>2024-08-01T23:55:24-08:00</c> (see <see cref="Set(string, string)"/>).</summary>
    /// <param name="key">The decoded key, case-sensitive.</param>
    /// <param name="value">The value; a fraction of a second is written only when there is one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public void Set(string key, DateTimeOffset value) => Set(key, PayloadValues.Format(value));

    /// <summary>Sets a key to <c>true</c> or <c>false</c> (see <see cref="Set(string, string)"/>).</summary>
    /// <param name="key">The decoded key, case-sensitive.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public void Set(string key, bool value) => Set(key, PayloadValues.Format(value));

    /// <summary>Adds a field at the end, even when the key is already present (a repeated key).</summary>
    /// <param name="key">The decoded key, case-sensitive; may be empty.</param>
    /// <param name="value">The decoded value; may be empty.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="value"/> is null.</exception>
    public void Add(string key, string value)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        Append(key, value);
    }

    /// <summary>Removes every field with the key.</summary>
    /// <param name="key">The decoded key, case-sensitive.</param>
    /// <returns>True when at least one field was removed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public bool Remove(string key)
    {
        int first = IndexOf(key);
        if (first < 0)
        {
            return false;
        }

        RemoveWhere(first, i => KeyEquals(i, key));
        return true;
    }

    /// <summary>
    /// Formats the payload as form-urlencoded text, ready to submit again.
    /// </summary>
    /// <returns>
    /// The original text, unchanged to the byte, while the payload has not been edited. After an edit: the
    /// fields joined by single '&amp;' characters, each parsed field still in its original text, each field set
    /// in code encoded as UTF-8 %XX escapes in upper-case hex with a space as '+' (ASCII letters, digits and
    /// <c>- . _ ~ : / @ ,</c> unescaped). Parsing the result gives back the same keys and values.
    /// </returns>
    /// <remarks>
    /// What an edited payload cannot reproduce: empty segments of the original (<c>&amp;&amp;</c>, a leading or
    /// trailing '&amp;'), which make no field; the original spelling of a value that was set again in code
    /// (lower-case hex, <c>%20</c> for a space, unneeded escapes); and an unpaired UTF-16 surrogate in a value set
    /// in code, which UTF-8 cannot carry and is written as U+FFFD.
    /// </remarks>
    public override string ToString()
    {
        if (!_edited)
        {
            return _source;
        }

        var builder = new StringBuilder(_source.Length + 16);
        for (int i = 0; i < _count; i++)
        {
            if (i > 0)
            {
                builder.Append('&');
            }

            ref readonly PayloadEntry entry = ref _entries[i];
            if (entry.IsParsed)
            {
                builder.Append(_source, entry.Start, entry.Length);
            }
            else
            {
                PayloadEncoder.Append(builder, entry.Key);
                builder.Append('=');
                PayloadEncoder.Append(builder, entry.Value!);
            }
        }

        return builder.ToString();
    }

    internal int Version => _version;

    internal int IndexOf(string key)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        return _firstIndex.TryGetValue(key, out int index) ? index : -1;
    }

    internal string KeyAt(int index) => _entries[index].Key;

    internal string ValueAt(int index)
    {
        ref PayloadEntry entry = ref _entries[index];
        if (entry.Value is null)
        {
            // Several readers may decode the same value at once: each stores an equal string.
            entry.Value = entry.HasEqualsSign ? PayloadDecoder.Decode(_source, entry.ValueStart, entry.ValueLength) : string.Empty;
        }

        return entry.Value;
    }

    internal PayloadField FieldAt(int index)
    {
        ref readonly PayloadEntry entry = ref _entries[index];
        string key = entry.Key;
        string value = ValueAt(index);
        string encoded = entry.IsParsed ? _source.Substring(entry.Start, entry.Length) : PayloadEncoder.EncodeField(key, value);
        return new PayloadField(key, value, encoded);
    }

    /// <summary>Decodes a field again, to learn what its key and value text got wrong.</summary>
    internal PayloadDecodeIssues DecodeIssuesAt(int index)
    {
        ref readonly PayloadEntry entry = ref _entries[index];
        var issues = PayloadDecodeIssues.None;
        if (entry.IsParsed)
        {
            PayloadDecoder.Decode(_source, entry.Start, entry.KeyLength, ref issues);
            PayloadDecoder.Decode(_source, entry.ValueStart, entry.ValueLength, ref issues);
        }

        return issues;
    }

    /// <summary>Removes the fields from <paramref name="from"/> on that <paramref name="remove"/> selects, keeping the order of the rest.</summary>
    internal void RemoveWhere(int from, Func<int, bool> remove)
    {
        int kept = from;
        for (int i = from; i < _count; i++)
        {
            if (!remove(i))
            {
                _entries[kept++] = _entries[i];
            }
        }

        Array.Clear(_entries, kept, _count - kept);
        _count = kept;
        _firstIndex.Clear();
        _hasDuplicates = false;
        for (int i = 0; i < _count; i++)
        {
            AddToIndex(i);
        }

        MarkEdited();
    }

    /// <summary>Adds the segment [<paramref name="start"/>, <paramref name="end"/>) of the source as a field.</summary>
    private void AppendParsed(int start, int end)
    {
        int equals = _source.IndexOf('=', start, end - start);
        int keyLength = equals < 0 ? end - start : equals - start;
        AppendEntry(PayloadEntry.Parsed(PayloadDecoder.Decode(_source, start, keyLength), start, end - start, keyLength));
    }

    private void Append(string key, string value)
    {
        AppendEntry(PayloadEntry.FromCode(key, value));
        MarkEdited();
    }

    private void AppendEntry(in PayloadEntry entry)
    {
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        _entries[_count] = entry;
        AddToIndex(_count);
        _count++;
    }

    /// <summary>Indexes the first field of each key; a later field with the same key only marks the payload as having duplicates.</summary>
    private void AddToIndex(int index)
    {
        string key = _entries[index].Key;
        if (_firstIndex.ContainsKey(key))
        {
            _hasDuplicates = true;
        }
        else
        {
            _firstIndex.Add(key, index);
        }
    }

    private void RemoveLaterOccurrences(string key, int first)
    {
        for (int i = first + 1; i < _count; i++)
        {
            if (KeyEquals(i, key))
            {
                RemoveWhere(i, j => KeyEquals(j, key));
                return;
            }
        }
    }

    private bool KeyEquals(int index, string key) => string.Equals(_entries[index].Key, key, StringComparison.Ordinal);

    private bool IsModeled(int index)
    {
        string key = _entries[index].Key;
        if (PayloadItemKey.TryClassify(key, out _, out var attribute, out _))
        {
            return attribute is not null;
        }

        return PayloadKeys.TryGetKind(key, out _);
    }

    private void MarkEdited()
    {
        _edited = true;
        _version++;
    }
}
