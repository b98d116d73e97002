namespace LearningReviews.Infrastructure.Persistence;

/// <summary>The database engines the application runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded file database: the default, nothing to install.</summary>
    Sqlite,
    /// <summary>A shared server database for deployments with several web instances.</summary>
    PostgreSQL,
    /// <summary>Microsoft SQL Server, which many partnerships' IT departments already run.</summary>
    SqlServer,
}

/// <summary>Bound from the "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}
