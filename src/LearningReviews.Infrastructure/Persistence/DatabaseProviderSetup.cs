using LearningReviews.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace LearningReviews.Infrastructure.Persistence;

/// <summary>
/// The one place that knows which database engines exist. Each engine has its own set of migrations,
/// made by the EF Core tools in its own project (docs/decisions/0001-migrations-per-provider.md), so
/// each set can use its engine's own types and SQL. Adding an engine is a package, a case here, a
/// migrations project and a connection string.
/// </summary>
public static class DatabaseProviderSetup
{
    public const string SqliteMigrationsAssembly = "LearningReviews.Migrations.Sqlite";
    public const string PostgreSqlMigrationsAssembly = "LearningReviews.Migrations.PostgreSQL";
    public const string SqlServerMigrationsAssembly = "LearningReviews.Migrations.SqlServer";

    /// <summary>Points the context at the engine, its connection and its migrations.</summary>
    public static DbContextOptionsBuilder UseConfiguredProvider(this DbContextOptionsBuilder db,
        DatabaseProvider provider, string? connectionString, string contentRootPath)
    {
        ArgumentNullException.ThrowIfNull(db);
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                db.UseSqlite(connectionString ?? DefaultSqliteConnectionString(contentRootPath),
                    sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly));
                db.AddInterceptors(SqliteConnectionSetup.Instance);
                break;
            case DatabaseProvider.PostgreSQL:
                db.UseNpgsql(RequireConnectionString(provider, connectionString),
                    npgsql => npgsql.MigrationsAssembly(PostgreSqlMigrationsAssembly));
                break;
            case DatabaseProvider.SqlServer:
                db.UseSqlServer(RequireConnectionString(provider, connectionString),
                    sqlServer => sqlServer.MigrationsAssembly(SqlServerMigrationsAssembly));
                break;
            default:
                throw new InvalidOperationException(
                    $"Unknown database provider '{provider}'. Use Sqlite, PostgreSQL or SqlServer.");
        }
        return db;
    }

    /// <summary>
    /// The few places where an engine cannot hold the model as the entity configurations describe it.
    /// Called at the end of <see cref="LearningReviewsDbContext"/>'s model building.
    /// </summary>
    public static void ApplyEngineLimits(ModelBuilder builder, DatabaseFacade database)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(database);
        if (database.IsSqlServer())
        {
            // SQL Server refuses two cascade paths into one table (error 1785). Deleting a review reaches
            // Actions directly and through LearningPoints, so on SQL Server the learning point link is
            // cleared by EF Core instead of by the database. The review's actions are always loaded with
            // it (ReviewQueries), so removing a learning point still unlinks its actions.
            builder.Entity<ReviewAction>()
                .HasOne(a => a.LearningPoint).WithMany().HasForeignKey(a => a.LearningPointId)
                .OnDelete(DeleteBehavior.ClientSetNull);
        }
    }

    /// <summary>With no configuration the database is a file under data/ in the content root.</summary>
    public static string DefaultSqliteConnectionString(string contentRootPath)
    {
        var folder = Path.Combine(contentRootPath, "data");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "learningreviews.db")}";
    }

    private static string RequireConnectionString(DatabaseProvider provider, string? connectionString) =>
        string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException(
                $"Database:Provider is {provider} but ConnectionStrings:Default is not set.")
            : connectionString;
}
