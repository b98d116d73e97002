using LearningReviews.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace LearningReviews.IntegrationTests.Persistence;

/// <summary>
/// No SQL Server engine runs here, so these checks prove what can be proven without one: the model
/// builds on the SQL Server provider, its migrations describe it, their script is valid T-SQL, and
/// the schema stays inside limits SQL Server enforces (index key size, one cascade path per table).
/// What they cannot show is the app running against a real SQL Server (README, "SQL Server").
/// </summary>
public sealed class SqlServerSchemaTests
{
    private const int MaxIndexKeyBytes = 900;

    private static LearningReviewsDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<LearningReviewsDbContext>()
            .UseConfiguredProvider(DatabaseProvider.SqlServer,
                "Server=sqlserver.invalid;Database=learningreviews;TrustServerCertificate=true", Path.GetTempPath());
        return new LearningReviewsDbContext((DbContextOptions<LearningReviewsDbContext>)options.Options);
    }

    [Fact]
    public void The_model_builds_on_SQL_Server_and_its_migrations_describe_it()
    {
        using var db = NewContext();

        Assert.True(db.Database.IsSqlServer());
        Assert.Contains(db.Model.GetRelationalModel().Tables, t => t.Name == "Reviews");
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model differs from the SQL Server migrations' snapshot: add a migration for every provider (docs/database.md).");
    }

    [Fact]
    public void The_idempotent_migration_script_is_valid_T_SQL()
    {
        using var db = NewContext();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var batches = System.Text.RegularExpressions.Regex.Split(script, @"^\s*GO\s*$",
            System.Text.RegularExpressions.RegexOptions.Multiline | System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        var errors = new List<string>();
        foreach (var batch in batches.Where(b => !string.IsNullOrWhiteSpace(b)))
        {
            using var reader = new StringReader(batch);
            parser.Parse(reader, out var batchErrors);
            errors.AddRange(batchErrors.Select(e => $"line {e.Line}: {e.Message} in: {batch.Trim()[..Math.Min(200, batch.Trim().Length)]}"));
        }

        Assert.Empty(errors);
        foreach (var migration in db.Database.GetMigrations())
        {
            Assert.Contains($"N'{migration}'", script, StringComparison.Ordinal);
        }
        foreach (var table in db.Model.GetRelationalModel().Tables)
        {
            Assert.Contains($"CREATE TABLE [{table.Name}]", script, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_key_and_index_fits_in_a_SQL_Server_index_key()
    {
        using var db = NewContext();
        var problems = new List<string>();
        foreach (var table in db.Model.GetRelationalModel().Tables)
        {
            var keys = table.Indexes.Select(i => (i.Name, i.Columns))
                .Concat(table.UniqueConstraints.Select(u => (u.Name, u.Columns)))
                .Concat(table.ForeignKeyConstraints.Select(f => (f.Name, f.Columns)));
            foreach (var (name, columns) in keys)
            {
                var bytes = 0;
                foreach (var column in columns)
                {
                    var size = KeyBytes(column.StoreType);
                    if (size is null) problems.Add($"{table.Name}.{column.Name} ({column.StoreType}) in {name} cannot be indexed");
                    bytes += size ?? 0;
                }
                if (bytes > MaxIndexKeyBytes) problems.Add($"{name} on {table.Name} is {bytes} bytes, over {MaxIndexKeyBytes}");
            }
        }
        Assert.Empty(problems);
    }

    [Fact]
    public void No_table_is_reached_by_two_cascade_paths()
    {
        // SQL Server refuses a foreign key that would give a table a second cascading (or set-null)
        // path from the same table, or a cycle (error 1785).
        using var db = NewContext();
        var cascades = db.Model.GetRelationalModel().Tables
            .SelectMany(t => t.ForeignKeyConstraints)
            .Where(f => f.OnDeleteAction is ReferentialAction.Cascade or ReferentialAction.SetNull)
            .ToLookup(f => f.PrincipalTable.Name, f => f.Table.Name);
        var problems = new List<string>();
        foreach (var root in cascades.Select(g => g.Key))
        {
            var reached = new Dictionary<string, int>(StringComparer.Ordinal);
            var stack = new Stack<(string Table, int Depth)>([(root, 0)]);
            while (stack.Count > 0)
            {
                var (table, depth) = stack.Pop();
                if (depth > 20) { problems.Add($"cycle through {table}"); break; }
                foreach (var dependent in cascades[table])
                {
                    reached[dependent] = reached.GetValueOrDefault(dependent) + 1;
                    stack.Push((dependent, depth + 1));
                }
            }
            problems.AddRange(reached.Where(r => r.Value > 1).Select(r => $"{r.Key} is reached {r.Value} ways from {root}"));
        }
        Assert.Empty(problems);
    }

    /// <summary>Bytes a value of the store type takes in an index key; null when it cannot be a key.</summary>
    private static int? KeyBytes(string storeType)
    {
        var type = storeType.ToLowerInvariant();
        if (type.Contains("(max)", StringComparison.Ordinal)) return null;
        var open = type.IndexOf('(', StringComparison.Ordinal);
        var length = open < 0 ? 0 : int.Parse(type[(open + 1)..type.IndexOf(')', StringComparison.Ordinal)].Split(',')[0],
            System.Globalization.CultureInfo.InvariantCulture);
        return (open < 0 ? type : type[..open]) switch
        {
            "nvarchar" or "nchar" => length <= 450 ? length * 2 : null,
            "varchar" or "char" or "varbinary" or "binary" => length,
            "uniqueidentifier" => 16,
            "int" => 4,
            "bigint" => 8,
            "smallint" => 2,
            "tinyint" or "bit" => 1,
            "date" => 3,
            "datetime2" or "datetime" or "datetimeoffset" => 10,
            "decimal" or "numeric" => 17,
            _ => null,
        };
    }
}
