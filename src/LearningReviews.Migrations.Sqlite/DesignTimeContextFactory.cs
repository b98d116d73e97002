using LearningReviews.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LearningReviews.Migrations.Sqlite;

/// <summary>
/// Lets `dotnet ef migrations add` build the model for Sqlite without starting the web application.
/// Adding a migration compares the model with this project's snapshot and never connects, so the
/// connection string only has to be well formed.
/// </summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<LearningReviewsDbContext>
{
    public LearningReviewsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<LearningReviewsDbContext>()
            .UseConfiguredProvider(DatabaseProvider.Sqlite, "Data Source=design-time.db", Path.GetTempPath());
        return new LearningReviewsDbContext((DbContextOptions<LearningReviewsDbContext>)options.Options);
    }
}
