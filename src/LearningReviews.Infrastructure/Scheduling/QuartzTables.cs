using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningReviews.Infrastructure.Scheduling;

/// <summary>
/// Quartz.NET's job-store tables (QRTZ_…) as part of the EF model, so the application's own migrations
/// create and upgrade them like any other table, on the providers where the scheduler keeps its schedule
/// in the database (PostgreSQL and SQL Server; SQLite runs the scheduler in memory).
/// </summary>
/// <remarks>
/// The tables are read from the schema script that Quartz itself carries for each database (the one its
/// "create if missing" option runs), not copied by hand: after a Quartz upgrade that changes its schema,
/// `dotnet ef migrations add` sees the difference and writes the upgrade. Quartz checks at startup that
/// every table and column it needs is there, so a mismatch stops the application with a clear message.
/// Tables are shared-type entities (property bags): nothing in the application reads them through EF.
/// </remarks>
public static partial class QuartzTables
{
    /// <summary>The table prefix Quartz uses unless told otherwise; the scheduler is configured with the same.</summary>
    public const string TablePrefix = "QRTZ_";

    /// <summary>Adds the tables when the provider is one whose scheduler uses the database job store.</summary>
    public static void AddTo(ModelBuilder builder, DatabaseFacade database)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(database);
        var dialect = database.IsNpgsql() ? "postgres" : database.IsSqlServer() ? "sqlServer" : null;
        if (dialect is null) return;
        // PostgreSQL folds Quartz's unquoted names to lower case; EF quotes names, so it must use them folded.
        Func<string, string> name = dialect == "postgres" ? n => n.ToLowerInvariant() : n => n.ToUpperInvariant();
        foreach (var table in Read(dialect))
        {
            AddTable(builder, table, name);
        }
    }

    /// <summary>The tables described by Quartz's schema script for one dialect ("postgres", "sqlServer").</summary>
    public static IReadOnlyList<QuartzTable> Read(string dialect)
    {
        var resource = $"Quartz.Impl.AdoJobStore.Schema.create_{dialect}.sql";
        using var stream = typeof(Quartz.IJob).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The Quartz package no longer carries {resource}; see docs/email.md.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    internal static List<QuartzTable> Parse(string script)
    {
        var tables = new List<QuartzTable>();
        var indexes = new List<(string Table, QuartzIndex Index)>();
        foreach (var statement in script.Split("--;;"))
        {
            var table = CreateTable().Match(statement);
            if (table.Success)
            {
                tables.Add(ParseTable(table.Groups["name"].Value, table.Groups["body"].Value));
                continue;
            }
            var index = CreateIndex().Match(statement);
            if (index.Success)
            {
                var columns = index.Groups["columns"].Value.Split(',', StringSplitOptions.TrimEntries)
                    .Select(c => c.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    .ToList();
                indexes.Add((index.Groups["table"].Value, new QuartzIndex(
                    index.Groups["name"].Value.Replace("{1}", TablePrefix, StringComparison.Ordinal),
                    [.. columns.Select(c => c[0])],
                    [.. columns.Select(c => c.Length > 1 && c[1].Equals("desc", StringComparison.OrdinalIgnoreCase))])));
            }
        }
        foreach (var (tableName, index) in indexes)
        {
            tables.Single(t => t.Name.Equals(TablePrefix + tableName, StringComparison.OrdinalIgnoreCase)).Indexes.Add(index);
        }
        if (tables.Count == 0) throw new InvalidOperationException("Quartz's schema script describes no tables.");
        return tables;
    }

    private static QuartzTable ParseTable(string name, string body)
    {
        var table = new QuartzTable(TablePrefix + name);
        foreach (var raw in body.Split('\n'))
        {
            var line = raw.Trim().TrimEnd(',');
            if (line.Length == 0) continue;
            var key = PrimaryKey().Match(line);
            if (key.Success)
            {
                table.Key.AddRange(Names(key.Groups["columns"].Value));
                continue;
            }
            var foreign = ForeignKey().Match(line);
            if (foreign.Success)
            {
                table.ForeignKeys.Add(new QuartzForeignKey(Names(foreign.Groups["columns"].Value),
                    TablePrefix + foreign.Groups["principal"].Value, Names(foreign.Groups["principalColumns"].Value),
                    foreign.Groups["cascade"].Success));
                continue;
            }
            var column = Column().Match(line);
            if (!column.Success) throw new InvalidOperationException($"Unexpected line in Quartz's schema for {name}: {line}");
            var rest = column.Groups["rest"].Value;
            var defaultValue = DefaultClause().Match(rest);
            table.Columns.Add(new QuartzColumn(column.Groups["name"].Value, column.Groups["type"].Value,
                IsRequired: rest.Contains("not null", StringComparison.OrdinalIgnoreCase),
                DefaultSql: defaultValue.Success ? defaultValue.Groups["value"].Value : null));
        }
        return table;
    }

    private static string[] Names(string list) => list.Split(',', StringSplitOptions.TrimEntries);

    private static void AddTable(ModelBuilder builder, QuartzTable table, Func<string, string> name)
    {
        builder.SharedTypeEntity<Dictionary<string, object>>("Quartz." + table.Name, entity =>
        {
            entity.ToTable(name(table.Name));
            foreach (var column in table.Columns)
            {
                AddColumn(entity, column, name);
            }
            entity.HasKey([.. table.Key.Select(name)]);
            foreach (var index in table.Indexes)
            {
                entity.HasIndex([.. index.Columns.Select(name)], name(index.Name)).IsDescending([.. index.Descending]);
            }
            foreach (var foreign in table.ForeignKeys)
            {
                entity.HasOne("Quartz." + foreign.PrincipalTable).WithMany()
                    .HasForeignKey([.. foreign.Columns.Select(name)])
                    .HasPrincipalKey([.. foreign.PrincipalColumns.Select(name)])
                    .OnDelete(foreign.Cascade ? DeleteBehavior.Cascade : DeleteBehavior.NoAction);
            }
        });
    }

    private static void AddColumn(EntityTypeBuilder<Dictionary<string, object>> entity, QuartzColumn column, Func<string, string> name)
    {
        var storeType = column.StoreType.ToLowerInvariant();
        var length = LengthOf().Match(storeType);
        var baseType = storeType.Contains('(', StringComparison.Ordinal) ? storeType[..storeType.IndexOf('(', StringComparison.Ordinal)] : storeType;
        var clrType = baseType switch
        {
            "text" or "varchar" or "nvarchar" => typeof(string),
            "bool" or "bit" => typeof(bool),
            "bigint" => typeof(long),
            "integer" or "int" => typeof(int),
            "smallint" => typeof(short),
            "bytea" or "varbinary" => typeof(byte[]),
            "numeric" => typeof(decimal),
            _ => throw new InvalidOperationException($"Quartz column {column.Name} has a type this model does not know: {column.StoreType}"),
        };
        // Value types are nullable in the bag, with the column's own NOT NULL kept: a database default on a
        // non-nullable bool would make EF warn that it can never tell "false" from "not set".
        if (clrType.IsValueType) clrType = typeof(Nullable<>).MakeGenericType(clrType);
        var property = entity.IndexerProperty(clrType, name(column.Name))
            .HasColumnType(column.StoreType)
            .IsRequired(column.IsRequired);
        if (length.Success && int.TryParse(length.Groups["length"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var max)
            && clrType == typeof(string))
        {
            property.HasMaxLength(max);
        }
        if (column.DefaultSql is not null) property.HasDefaultValueSql(column.DefaultSql);
    }

    [GeneratedRegex(@"CREATE TABLE (?:IF NOT EXISTS )?\{0\}(?<name>\w+)\s*\((?<body>.*)\)\s*;", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex CreateTable();

    [GeneratedRegex(@"CREATE INDEX (?:IF NOT EXISTS )?(?<name>\w*\{1\}\w+) ON \{0\}(?<table>\w+)\s*\((?<columns>[^)]*)\)\s*;", RegexOptions.IgnoreCase)]
    private static partial Regex CreateIndex();

    [GeneratedRegex(@"^(?:CONSTRAINT \S+ )?PRIMARY KEY \((?<columns>[^)]*)\)$", RegexOptions.IgnoreCase)]
    private static partial Regex PrimaryKey();

    [GeneratedRegex(@"^(?:CONSTRAINT \S+ )?FOREIGN KEY \((?<columns>[^)]*)\) REFERENCES \{0\}(?<principal>\w+) \((?<principalColumns>[^)]*)\)(?<cascade> ON DELETE CASCADE)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ForeignKey();

    [GeneratedRegex(@"^(?<name>\w+)\s+(?<type>\w+(?:\([\w,]+\))?)(?<rest>.*)$")]
    private static partial Regex Column();

    [GeneratedRegex(@"DEFAULT (?<value>\S+)", RegexOptions.IgnoreCase)]
    private static partial Regex DefaultClause();

    [GeneratedRegex(@"\((?<length>\d+)\)$")]
    private static partial Regex LengthOf();
}

public sealed record QuartzTable(string Name)
{
    public List<QuartzColumn> Columns { get; } = [];
    public List<string> Key { get; } = [];
    public List<QuartzForeignKey> ForeignKeys { get; } = [];
    public List<QuartzIndex> Indexes { get; } = [];
}

public sealed record QuartzColumn(string Name, string StoreType, bool IsRequired, string? DefaultSql);

public sealed record QuartzForeignKey(string[] Columns, string PrincipalTable, string[] PrincipalColumns, bool Cascade);

public sealed record QuartzIndex(string Name, string[] Columns, bool[] Descending);
