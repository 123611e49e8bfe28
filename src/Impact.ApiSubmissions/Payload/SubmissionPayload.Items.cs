using System;
using System.Collections.Generic;

namespace Impact.ApiSubmissions;

// The items: ItemSku{i}, ItemQuantity{i}, ... ItemMoney{i}_{k}, grouped by their index.
public sealed partial class SubmissionPayload
{
    private ItemMap? _itemMap;

    /// <summary>
    /// The items, ordered by index, each built from the keys that end in its index (<c>ItemSku2</c>,
    /// <c>ItemPrice2</c>, <c>ItemText2_5</c>, ...), wherever those keys stand in the payload. Indexes may have
    /// gaps: a payload with items 1 and 3 has two items, whose <see cref="PayloadItem.Index"/> is 1 and 3.
    /// </summary>
    /// <value>A snapshot of the items present when read; each item reads and edits the payload live.</value>
    /// <remarks>
    /// An item key is <c>Item</c>, a name of ASCII letters, the index (1 or more, no leading zero) and, for the slot
    /// attributes, <c>_</c> and the slot number. A key of that shape with a name or slot the SDK does not model
    /// (<c>ItemColor1</c>) belongs to its item as one of its <see cref="PayloadItem.AdditionalFields"/>. Any other key
    /// starting with <c>Item</c> (<c>ItemSku01</c>, <c>ItemSku</c>) belongs to no item.
    /// </remarks>
    public IReadOnlyList<PayloadItem> Items => GetItemMap().Items;

    /// <summary>A view of the item with the given index, whether or not the payload has any key for it yet.</summary>
    /// <param name="index">The item's index, 1 or more.</param>
    /// <returns>The item; setting one of its properties adds the key (and so the item) to the payload.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is less than 1.</exception>
    public PayloadItem GetItem(int index)
    {
        if (index < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "Item indexes start at 1.");
        }

        return new PayloadItem(this, index);
    }

    /// <summary>Adds an item after the last one, by setting its <c>ItemSku{i}</c>.</summary>
    /// <param name="sku">The item's SKU.</param>
    /// <returns>The new item, whose index is one more than the highest index present (1 for the first item).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sku"/> is null.</exception>
    public PayloadItem AddItem(string sku)
    {
        if (sku is null)
        {
            throw new ArgumentNullException(nameof(sku));
        }

        int[] indexes = GetItemMap().ItemIndexes;
        var item = new PayloadItem(this, indexes.Length == 0 ? 1 : indexes[indexes.Length - 1] + 1);
        item.Sku = sku;
        return item;
    }

    /// <summary>Removes every key of an item; the other items keep their indexes.</summary>
    /// <param name="index">The item's index.</param>
    /// <returns>True when the payload had at least one key for the item.</returns>
    public bool RemoveItem(int index)
    {
        var map = GetItemMap();
        int group = Array.BinarySearch(map.ItemIndexes, index);
        if (group < 0)
        {
            return false;
        }

        var removed = new bool[_count];
        int first = int.MaxValue;
        for (int f = map.GroupStarts[group]; f < map.GroupStarts[group + 1]; f++)
        {
            removed[map.Fields[f].Entry] = true;
            first = Math.Min(first, map.Fields[f].Entry);
        }

        RemoveWhere(first, i => removed[i]);
        return true;
    }

    /// <summary>The entry of one attribute of one item, or -1.</summary>
    internal int FindItemField(int index, PayloadItemAttribute attribute, int slot)
    {
        var map = GetItemMap();
        int group = Array.BinarySearch(map.ItemIndexes, index);
        if (group < 0)
        {
            return -1;
        }

        for (int f = map.GroupStarts[group]; f < map.GroupStarts[group + 1]; f++)
        {
            if (map.Fields[f].Attribute == attribute && map.Fields[f].Slot == slot)
            {
                return map.Fields[f].Entry;
            }
        }

        return -1;
    }

    /// <summary>The fields of one item in payload order; with <paramref name="unknownOnly"/>, only those the SDK does not model.</summary>
    internal IReadOnlyList<PayloadField> ItemFields(int index, bool unknownOnly)
    {
        var map = GetItemMap();
        int group = Array.BinarySearch(map.ItemIndexes, index);
        if (group < 0)
        {
            return Array.Empty<PayloadField>();
        }

        var fields = new List<PayloadField>();
        for (int f = map.GroupStarts[group]; f < map.GroupStarts[group + 1]; f++)
        {
            if (!unknownOnly || map.Fields[f].Attribute is null)
            {
                fields.Add(FieldAt(map.Fields[f].Entry));
            }
        }

        return fields;
    }

    internal ItemMap GetItemMap()
    {
        var map = _itemMap;
        if (map is null || map.Version != _version)
        {
            map = BuildItemMap();
            _itemMap = map;
        }

        return map;
    }

    private ItemMap BuildItemMap()
    {
        int candidates = 0;
        for (int i = 0; i < _count; i++)
        {
            if (PayloadItemKey.HasPrefix(KeyAt(i)))
            {
                candidates++;
            }
        }

        var fields = candidates == 0 ? Array.Empty<ItemFieldRef>() : new ItemFieldRef[candidates];
        int found = 0;
        bool ordered = true;
        for (int i = 0; i < _count && found < candidates; i++)
        {
            if (PayloadItemKey.TryClassify(KeyAt(i), out int item, out var attribute, out int slot))
            {
                if (found > 0 && item < fields[found - 1].Item)
                {
                    ordered = false;
                }

                fields[found++] = new ItemFieldRef(i, item, attribute, slot);
            }
        }

        if (!ordered)
        {
            // Group by index, keeping payload order within an item: sort on (index, position).
            var keys = new long[found];
            for (int f = 0; f < found; f++)
            {
                keys[f] = ((long)fields[f].Item << 32) | (uint)fields[f].Entry;
            }

            Array.Sort(keys, fields, 0, found);
        }

        int groups = 0;
        for (int f = 0; f < found; f++)
        {
            if (f == 0 || fields[f].Item != fields[f - 1].Item)
            {
                groups++;
            }
        }

        var indexes = new int[groups];
        var starts = new int[groups + 1];
        var items = new PayloadItem[groups];
        for (int f = 0, g = -1; f < found; f++)
        {
            if (f == 0 || fields[f].Item != fields[f - 1].Item)
            {
                g++;
                indexes[g] = fields[f].Item;
                starts[g] = f;
                items[g] = new PayloadItem(this, fields[f].Item);
            }
        }

        starts[groups] = found;
        return new ItemMap(_version, indexes, starts, fields, items);
    }

    /// <summary>The items of one version of the payload, and where each item's fields are; read-only, so it is also the list <see cref="Items"/> returns.</summary>
    internal sealed class ItemMap(int version, int[] itemIndexes, int[] groupStarts, ItemFieldRef[] fields, PayloadItem[] items) : IReadOnlyList<PayloadItem>
    {
        public int Version { get; } = version;

        /// <summary>The item indexes present, ascending.</summary>
        public int[] ItemIndexes { get; } = itemIndexes;

        /// <summary>Where each item's fields start in <see cref="Fields"/>, plus the end.</summary>
        public int[] GroupStarts { get; } = groupStarts;

        public ItemFieldRef[] Fields { get; } = fields;

        public IReadOnlyList<PayloadItem> Items => this;

        public int Count => items.Length;

        public PayloadItem this[int index] => items[index];

        public IEnumerator<PayloadItem> GetEnumerator() => ((IEnumerable<PayloadItem>)items).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    internal readonly struct ItemFieldRef
    {
        public ItemFieldRef(int entry, int item, PayloadItemAttribute? attribute, int slot)
        {
            Entry = entry;
            Item = item;
            Attribute = attribute;
            Slot = attribute is null ? 0 : slot;
        }

        public int Entry { get; }

        public int Item { get; }

        /// <summary>The attribute; null for a name or slot the SDK does not model.</summary>
        public PayloadItemAttribute? Attribute { get; }

        public int Slot { get; }
    }
}
