using System;
using System.Collections.Generic;
using System.Linq;
using Npgsql;

namespace Impact.ApiSubmissions.Storage;

/// <summary>Reads a <c>postgres://user:password@host:port/database?key=value</c> URI as an Npgsql connection string; anything else passes as it is.</summary>
internal static class PostgresUri
{
    public static bool IsUri(string text) =>
        text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    public static string ToConnectionString(string text)
    {
        if (!IsUri(text))
        {
            return text;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            throw new FormatException("the postgres:// URI is not well formed.");
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(new[] { ':' }, 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        foreach (var pair in uri.Query.TrimStart('?').Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split(new[] { '=' }, 2)))
        {
            var key = Uri.UnescapeDataString(pair[0]);
            var value = pair.Length == 2 ? Uri.UnescapeDataString(pair[1]) : string.Empty;
            if (string.Equals(key, "host", StringComparison.OrdinalIgnoreCase))
            {
                // libpq's way to name a Unix socket folder: postgres://user@/db?host=/tmp
                builder.Host = value;
            }
            else
            {
                builder[key] = value;
            }
        }

        return builder.ConnectionString;
    }
}
