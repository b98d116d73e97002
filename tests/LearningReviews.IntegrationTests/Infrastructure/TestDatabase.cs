using LearningReviews.Infrastructure;
using LearningReviews.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LearningReviews.IntegrationTests.Infrastructure;

/// <summary>
/// A new, empty database for one test: a SQLite file in a temporary folder, or a database in the
/// throwaway PostgreSQL cluster that tests/run-all.sh starts (found through LR_TEST_POSTGRES).
/// Disposing it deletes it.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _folder;
    private readonly string? _postgresName;

    private TestDatabase(Provider provider, string connectionString, string? folder, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _folder = folder;
        _postgresName = postgresName;
    }

    public Provider Provider { get; }
    public string ConnectionString { get; }
    public DatabaseProvider AppProvider => Provider == Provider.Sqlite ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSQL;

    public static async Task<TestDatabase> CreateAsync(Provider provider)
    {
        if (provider == Provider.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "lr-tests-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            return new TestDatabase(provider, $"Data Source={Path.Combine(folder, "test.db")};Pooling=false", folder, null);
        }

        var admin = AdminConnectionString();
        var name = "lr_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false };
        return new TestDatabase(provider, builder.ConnectionString, null, name);
    }

    /// <summary>A DbContext on this database with the application's own configuration.</summary>
    public LearningReviewsDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<LearningReviewsDbContext>();
        DependencyInjection.ConfigureProvider(options, AppProvider, ConnectionString, Path.GetTempPath());
        return new LearningReviewsDbContext(options.Options);
    }

    private static string AdminConnectionString() =>
        Environment.GetEnvironmentVariable("LR_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "LR_TEST_POSTGRES is not set, so the PostgreSQL tests have no server. Run the tests with " +
                "`bash tests/run-all.sh`, which starts a throwaway PostgreSQL cluster, or set LR_TEST_POSTGRES " +
                "to an admin connection string.");

    public async ValueTask DisposeAsync()
    {
        if (_folder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* best effort: it is in /tmp */ }
        }
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(AdminConnectionString());
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
