using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;

namespace LearningReviews.Infrastructure.Persistence;

/// <summary>
/// Creates or upgrades the schema at startup. A database made by release 1 (whose hand-written
/// migrations ended with <see cref="Release1LastMigration"/>) already has the schema that each
/// provider's first generated migration, Release1Baseline, describes: that migration is recorded as
/// applied instead of run, and the later migrations then run as usual.
/// </summary>
public sealed class DatabaseMigrator(LearningReviewsDbContext db, ILogger<DatabaseMigrator> logger)
{
    public const string Release1LastMigration = "20261123080000_OutcomesForms";
    public const string BaselineName = "Release1Baseline";

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await AdoptRelease1DatabaseAsync(cancellationToken);
        // MigrateAsync on an up-to-date database still takes the migrations lock and compares the model with
        // the last snapshot: 13 to 32 seconds of every start on the loaded benchmark machine
        // (docs/performance.md). Nothing pending (and a history table present) means nothing to do; the
        // model's agreement with the migrations is checked by the tests (MigrationTests).
        if (await db.GetService<IHistoryRepository>().ExistsAsync(cancellationToken)
            && !(await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            return;
        }
        await db.Database.MigrateAsync(cancellationToken);
    }

    private async Task AdoptRelease1DatabaseAsync(CancellationToken cancellationToken)
    {
        var baseline = db.GetService<IMigrationsAssembly>().Migrations.Keys
            .FirstOrDefault(id => id.EndsWith("_" + BaselineName, StringComparison.Ordinal));
        if (baseline is null)
        {
            return; // this provider's migrations start after release 1 (SQL Server): nothing to adopt
        }

        var history = db.GetService<IHistoryRepository>();
        if (!await history.ExistsAsync(cancellationToken))
        {
            return; // a new database
        }
        var applied = (await history.GetAppliedMigrationsAsync(cancellationToken)).Select(row => row.MigrationId).ToHashSet();
        if (!applied.Contains(Release1LastMigration) || applied.Contains(baseline))
        {
            return;
        }

        logger.LogInformation("Adopting a release 1 database: recording {Migration} as applied", baseline);
        var insert = history.GetInsertScript(new HistoryRow(baseline, ProductInfo.GetVersion()));
        try
        {
            await db.Database.ExecuteSqlRawAsync(insert, cancellationToken);
        }
        catch (DbException)
        {
            // Another instance may have adopted the same database a moment ago: its row is the one we
            // wanted. Anything else is a real failure.
            if (!(await history.GetAppliedMigrationsAsync(cancellationToken)).Any(row => row.MigrationId == baseline))
            {
                throw;
            }
        }
    }
}
