using System.Data.Common;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.IntegrationTests.Persistence;

public sealed class MigrationTests
{
    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Migrating_an_empty_database_leaves_no_pending_model_changes(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();

        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The entity configurations differ from the {provider} migrations' snapshot: add a migration for every provider (docs/database.md).");
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task The_migrated_schema_has_every_table_and_column_of_the_model(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        await db.Database.MigrateAsync();

        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var sql = db.Database.GenerateCreateScript(); // only to learn how this provider quotes names
        var quote = sql.Contains('"', StringComparison.Ordinal) ? "\"" : "`";
        foreach (var table in db.Model.GetRelationalModel().Tables)
        {
            var columns = string.Join(", ", table.Columns.Select(c => quote + c.Name + quote));
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {columns} FROM {quote}{table.Name}{quote} WHERE 1 = 0";
            // Throws if the migration forgot a table or a column that the model maps.
            await using DbDataReader reader = await command.ExecuteReaderAsync();
            Assert.Equal(table.Columns.Count(), reader.FieldCount);
        }
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task The_application_migrates_its_database_at_startup_and_reports_healthy(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var browser = app.NewBrowser();

        var response = await browser.GetAsync("/health");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        await using var db = app.Database.NewContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }
}
