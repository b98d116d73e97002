using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LearningReviews.Infrastructure.Persistence;

/// <summary>
/// Settings every SQLite connection needs, applied when it opens (they belong to the connection, not the file).
/// </summary>
/// <remarks>
/// busy_timeout: without it SQLite answers "busy" at once when another connection holds the write lock,
/// and Microsoft.Data.Sqlite then sleeps 150 ms before trying again; under ten concurrent users that
/// stretched a review page's p99 to most of a second. With it SQLite itself waits for the lock, in steps
/// of a few milliseconds. synchronous=NORMAL is the setting SQLite recommends with WAL (which EF Core turns
/// on when it creates the file): a commit is durable once the WAL is checkpointed; a power cut may lose
/// the last commits but never corrupts the file.
/// </remarks>
public sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    public static readonly SqliteConnectionSetup Instance = new();

    /// <summary>How long a writer waits for another to finish before giving up with "database is locked".</summary>
    public const int BusyTimeoutMilliseconds = 10_000;

    private const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Gives SQLite's query planner statistics. Without them (the app never ran ANALYZE) it guessed, and for
    /// a Head of Locality My work's plan grew with the square of the data. The first time it analyses every
    /// table; later starts run PRAGMA optimize, which re-analyses only tables that changed a lot.
    /// analysis_limit keeps each table's analysis to a sample, so this takes milliseconds, not seconds.
    /// </summary>
    public static async Task OptimizeAsync(DbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsSqlite()) return;
        var analysed = await db.Database.SqlQueryRaw<int>(
            "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'").SingleAsync(cancellationToken) > 0;
        await db.Database.ExecuteSqlRawAsync(
            analysed ? "PRAGMA analysis_limit = 1000; PRAGMA optimize = 0x10002;" : "PRAGMA analysis_limit = 1000; ANALYZE;", cancellationToken);
    }
}
