using LearningReviews.Infrastructure.Scheduling;

namespace LearningReviews.UnitTests.Email;

/// <summary>The scheduler's tables are read from the schema Quartz carries; these check that reading.</summary>
public sealed class QuartzTablesTests
{
    [Theory, InlineData("postgres"), InlineData("sqlServer")]
    public void Every_table_Quartz_needs_is_read_with_its_key(string dialect)
    {
        var tables = QuartzTables.Read(dialect);

        var names = tables.Select(t => t.Name.ToUpperInvariant()).ToList();
        foreach (var expected in new[] { "QRTZ_JOB_DETAILS", "QRTZ_TRIGGERS", "QRTZ_SIMPLE_TRIGGERS", "QRTZ_CRON_TRIGGERS",
                     "QRTZ_FIRED_TRIGGERS", "QRTZ_SCHEDULER_STATE", "QRTZ_LOCKS", "QRTZ_CALENDARS" })
        {
            Assert.Contains(expected, names);
        }
        Assert.All(tables, t => Assert.NotEmpty(t.Key));
        var triggers = tables.Single(t => t.Name.Equals("QRTZ_TRIGGERS", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(["SCHED_NAME", "TRIGGER_NAME", "TRIGGER_GROUP"], triggers.Key.Select(k => k.ToUpperInvariant()));
        Assert.Contains(triggers.ForeignKeys, f => f.PrincipalTable.Equals("QRTZ_JOB_DETAILS", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(triggers.Indexes, i => i.Descending.Any(d => d));
    }

    [Fact]
    public void On_SQL_Server_every_key_column_has_a_length_an_index_can_hold()
    {
        foreach (var table in QuartzTables.Read("sqlServer"))
        {
            var keyBytes = table.Key.Sum(key =>
            {
                var column = table.Columns.Single(c => c.Name == key);
                Assert.Matches(@"^nvarchar\(\d+\)$", column.StoreType);
                return 2 * int.Parse(column.StoreType[9..^1], System.Globalization.CultureInfo.InvariantCulture);
            });
            Assert.True(keyBytes <= 900, $"{table.Name}'s key is {keyBytes} bytes");
        }
    }
}
