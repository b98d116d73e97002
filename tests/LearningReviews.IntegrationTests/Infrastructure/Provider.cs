namespace LearningReviews.IntegrationTests.Infrastructure;

/// <summary>The database engines every data test runs on; test names show which one ran.</summary>
public enum Provider
{
    Sqlite,
    PostgreSQL,
}
