using System.Data.Common;
using System.Globalization;
using LearningReviews.Domain.Identity;
using LearningReviews.Infrastructure.Identity;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LearningReviews.IntegrationTests.Persistence;

/// <summary>
/// A database made by release 1 (its hand-written migrations, kept as SQL scripts in Fixtures/) is
/// filled with a row in every table and then opened by today's application: the startup migration
/// path adopts it, upgrades it, and every row reads back as it was written.
/// </summary>
public sealed class Release1UpgradeTests
{
    private const string Password = "Release-One-Password-7";
    private const string ProtectorPurpose = "Release1UpgradeTests";

    private static readonly DateTime When = new(2026, 11, 20, 9, 30, 15, DateTimeKind.Utc);
    private static readonly Guid AgencyId = Guid.Parse("0193a000-0000-7000-8000-000000000001");
    private static readonly Guid LocalityId = Guid.Parse("0193a000-0000-7000-8000-000000000002");
    private static readonly Guid ThemeId = Guid.Parse("0193a000-0000-7000-8000-000000000003");
    private static readonly Guid CaseId = Guid.Parse("0193a000-0000-7000-8000-000000000004");
    private static readonly Guid ReviewId = Guid.Parse("0193a000-0000-7000-8000-000000000005");
    private static readonly Guid PointId = Guid.Parse("0193a000-0000-7000-8000-000000000006");
    private static readonly Guid FormId = Guid.Parse("0193a000-0000-7000-8000-000000000007");
    private const string UserId = "6f1e2d3c-1111-4222-8333-944455556666";
    private const string RoleId = "0a1b2c3d-1111-4222-8333-944455556666";
    private const string Email = "release1.admin@example.org";

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_release_1_database_upgrades_with_every_row_intact(Provider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var (keyXml, protectedPayload) = MakeRelease1Key();
        Dictionary<string, List<string>> before;
        await using (var connection = Open(database))
        {
            await ExecuteAsync(connection, await File.ReadAllTextAsync(FixturePath(provider)));
            await FillEveryTableAsync(connection, provider, keyXml);
            before = await DumpAsync(connection, Release1Tables.Where(t => t != "DataProtectionKeys"));
        }

        await using var app = new AppFactory(database);
        // The upgrade happens after release 1 wrote its rows, as it would in life (the test clock
        // otherwise starts months earlier, which would put the old audit row after the chain began).
        app.Clock.SetUtcNow(new DateTimeOffset(When).AddDays(14));
        _ = app.Server; // the real startup: adopt, migrate, ensure roles

        await using (var connection = Open(database))
        {
            var after = await DumpAsync(connection, before.Keys);
            foreach (var (table, rows) in before)
            {
                Assert.True(rows.Count > 0, $"The test wrote no row into {table}");
                foreach (var row in rows)
                {
                    Assert.Contains(row, after[table]);
                }
            }
        }

        // The key ring was carried into the new table: a cookie protected by release 1 still opens.
        var protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(ProtectorPurpose);
        Assert.Equal("signed in before the upgrade", protector.Unprotect(protectedPayload));
        var keys = await app.WithDbAsync(db => db.DataProtectionKeys.ToListAsync());
        Assert.Equal(keyXml, Assert.Single(keys).Xml);

        // The application reads the old rows through its own model, and the old account signs in.
        var review = await app.WithDbAsync(db => db.Reviews
            .Include(r => r.Cases).Include(r => r.Participants).Include(r => r.LearningPoints).ThenInclude(p => p.Themes)
            .Include(r => r.Actions).Include(r => r.Stages).Include(r => r.Themes).Include(r => r.OutcomesForms).ThenInclude(f => f.Comments)
            .SingleAsync(r => r.Id == ReviewId));
        Assert.Equal(("LR-2026-001", When), (review.Reference, review.CreatedAt));
        Assert.Equal(new DateOnly(2027, 1, 31), Assert.Single(review.Actions).DueDate);
        Assert.NotNull(Assert.Single(review.Actions).SourceStageKey); // given by the action plans' startup step
        Assert.Equal("Fathers were not asked — ‘Ÿ’", Assert.Single(Assert.Single(review.OutcomesForms).Comments).Text);
        Assert.Single(Assert.Single(review.LearningPoints).Themes);
        using var browser = new TestBrowser(app.NewBrowser());
        await browser.SignInAsync(Email, Password);

        // The old audit row stays outside the hash chain; the sign-in starts it.
        var chain = await app.WithDbAsync(db => LearningReviews.Infrastructure.Auditing.AuditChain.VerifyAsync(db));
        Assert.True(chain.Intact, chain.Problem);
        Assert.Equal(1, chain.Unchained.Total);
        Assert.True(chain.Verified >= 1);

        await using var db2 = app.Database.NewContext();
        var applied = await db2.Database.GetAppliedMigrationsAsync();
        Assert.Contains(applied, id => id.EndsWith("_" + DatabaseMigrator.BaselineName, StringComparison.Ordinal));
        Assert.Empty(await db2.Database.GetPendingMigrationsAsync());
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Migrating_an_adopted_database_again_changes_nothing(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var connection = Open(database))
        {
            await ExecuteAsync(connection, await File.ReadAllTextAsync(FixturePath(provider)));
        }

        for (var start = 0; start < 2; start++)
        {
            using var scope = BuildMigratorScope(database);
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        }

        await using var db = database.NewContext();
        var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
        Assert.Single(applied, id => id.EndsWith("_" + DatabaseMigrator.BaselineName, StringComparison.Ordinal));
        Assert.Contains(DatabaseMigrator.Release1LastMigration, applied);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    private static IServiceScope BuildMigratorScope(TestDatabase database)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<LearningReviewsDbContext>(o =>
            LearningReviews.Infrastructure.DependencyInjection.ConfigureProvider(o, database.AppProvider, database.ConnectionString, Path.GetTempPath()));
        services.AddScoped<DatabaseMigrator>();
        return services.BuildServiceProvider().CreateScope();
    }

    private static readonly string[] Release1Tables =
    [
        "Agencies", "Localities", "AspNetRoles", "AspNetUsers", "AspNetRoleClaims", "AspNetUserClaims",
        "AspNetUserLogins", "AspNetUserRoles", "AspNetUserTokens", "Themes", "Cases", "Reviews", "ReviewCases",
        "Participants", "LearningPoints", "Actions", "ReviewThemes", "LearningPointThemes", "AuditEvents",
        "DataProtectionKeys", "ReviewStageRecords", "ReviewTransitions", "OutcomesForms", "OutcomesComments",
    ];

    /// <summary>A real key made the way release 1 made one, and a payload protected with it.</summary>
    private static (string KeyXml, string Payload) MakeRelease1Key()
    {
        var folder = Directory.CreateTempSubdirectory("lr-release1-keys-");
        try
        {
            var provider = DataProtectionProvider.Create(folder, builder => builder.SetApplicationName("LearningReviews"));
            var payload = provider.CreateProtector(ProtectorPurpose).Protect("signed in before the upgrade");
            var xml = System.Xml.Linq.XElement.Load(folder.GetFiles("key-*.xml").Single().FullName)
                .ToString(System.Xml.Linq.SaveOptions.DisableFormatting);
            return (xml, payload);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task FillEveryTableAsync(DbConnection connection, Provider provider, string keyXml)
    {
        var user = new ApplicationUser { Id = UserId, UserName = Email, Email = Email };
        var hash = new PasswordHasher<ApplicationUser>().HashPassword(user, Password);
        async Task Insert(string table, params (string Column, object? Value)[] values)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", values.Select(v => $"\"{v.Column}\""))}) " +
                                  $"VALUES ({string.Join(", ", values.Select((_, i) => "@p" + i))})";
            for (var i = 0; i < values.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@p" + i;
                parameter.Value = Release1Value(provider, values[i].Value);
                command.Parameters.Add(parameter);
            }
            await command.ExecuteNonQueryAsync();
        }
        var stamp = Guid.NewGuid();
        Guid Id(int n) => Guid.Parse($"0193a000-0000-7000-8000-0000000001{n:00}");

        await Insert("Agencies", ("Id", AgencyId), ("Name", "Police"), ("IsActive", true));
        await Insert("Localities", ("Id", LocalityId), ("Name", "North"), ("IsActive", true));
        await Insert("AspNetRoles", ("Id", RoleId), ("Name", Roles.Administrator), ("NormalizedName", Roles.Administrator.ToUpperInvariant()), ("ConcurrencyStamp", "r-stamp"));
        await Insert("AspNetUsers", ("Id", UserId), ("DisplayName", "Ada Release"), ("AgencyId", AgencyId), ("LocalityId", LocalityId),
            ("IsActive", true), ("IsDemo", false), ("CreatedAt", When), ("DeactivatedAt", null), ("UserName", Email),
            ("NormalizedUserName", Email.ToUpperInvariant()), ("Email", Email), ("NormalizedEmail", Email.ToUpperInvariant()),
            ("EmailConfirmed", true), ("PasswordHash", hash), ("SecurityStamp", "SECURITYSTAMP1"), ("ConcurrencyStamp", "u-stamp"),
            ("PhoneNumber", "01234 567890"), ("PhoneNumberConfirmed", false), ("TwoFactorEnabled", false), ("LockoutEnd", null),
            ("LockoutEnabled", true), ("AccessFailedCount", 0));
        await Insert("AspNetRoleClaims", ("Id", 7), ("RoleId", RoleId), ("ClaimType", "permission"), ("ClaimValue", "all"));
        await Insert("AspNetUserClaims", ("Id", 8), ("UserId", UserId), ("ClaimType", "team"), ("ClaimValue", "north"));
        await Insert("AspNetUserLogins", ("LoginProvider", "Partnership SSO"), ("ProviderKey", "ada-1"), ("ProviderDisplayName", "SSO"), ("UserId", UserId));
        await Insert("AspNetUserRoles", ("UserId", UserId), ("RoleId", RoleId));
        await Insert("AspNetUserTokens", ("UserId", UserId), ("LoginProvider", "[AspNetUserStore]"), ("Name", "AuthenticatorKey"), ("Value", "KEY123"));
        await Insert("Themes", ("Id", ThemeId), ("Name", "Voice of the child"));
        await Insert("Cases", ("Id", CaseId), ("Label", "Child A"), ("LocalityId", LocalityId), ("CaseRecordNumber", "CR-9"), ("CreatedAt", When), ("CreatedBy", UserId));
        await Insert("Reviews", ("Id", ReviewId), ("Reference", "LR-2026-001"), ("ReferenceYear", 2026), ("ReferenceNumber", 1),
            ("MethodologyKey", "desktop-review"), ("DefinitionVersion", 1), ("Title", "Child A"), ("Status", "InProgress"),
            ("CurrentStageKey", "commission"), ("ReasonSelected", "learning"), ("ReasonDetail", "Détail"), ("LocalityId", LocalityId),
            ("CreatedAt", When), ("CreatedBy", UserId), ("ModifiedAt", When), ("ModifiedBy", UserId), ("ConcurrencyToken", stamp),
            ("LinkedFromReviewId", null), ("ClosedAt", null));
        await Insert("ReviewCases", ("ReviewId", ReviewId), ("CaseId", CaseId));
        await Insert("Participants", ("Id", Id(1)), ("ReviewId", ReviewId), ("UserId", UserId), ("Name", "Ada Release"), ("Email", Email),
            ("AgencyId", AgencyId), ("Role", "LeadAuthor"), ("InvitationStatus", "Accepted"), ("AttendanceStatus", "Attended"),
            ("CreatedAt", When), ("CreatedBy", UserId), ("ModifiedAt", When), ("ModifiedBy", UserId), ("ConcurrencyToken", stamp), ("CaseId", CaseId));
        await Insert("LearningPoints", ("Id", PointId), ("ReviewId", ReviewId), ("Text", "Think family"), ("Position", 1),
            ("CreatedAt", When), ("CreatedBy", UserId), ("ModifiedAt", When), ("ModifiedBy", UserId), ("ConcurrencyToken", stamp));
        await Insert("Actions", ("Id", Id(2)), ("ReviewId", ReviewId), ("LearningPointId", PointId), ("What", "Update the template"),
            ("OwnerName", "Team Manager"), ("OwnerUserId", UserId), ("AgencyId", AgencyId), ("DueDate", new DateOnly(2027, 1, 31)),
            ("ImpactMeasure", "Audit"), ("Status", "InProgress"), ("CompletedAt", When), ("CreatedAt", When), ("CreatedBy", UserId),
            ("ModifiedAt", When), ("ModifiedBy", UserId), ("ConcurrencyToken", stamp));
        await Insert("ReviewThemes", ("ReviewId", ReviewId), ("ThemeId", ThemeId));
        await Insert("LearningPointThemes", ("LearningPointId", PointId), ("ThemeId", ThemeId));
        await Insert("AuditEvents", ("Id", Id(3)), ("OccurredAt", When), ("UserId", UserId), ("UserName", Email), ("Action", "Viewed"),
            ("EntityType", "Review"), ("EntityId", ReviewId.ToString()), ("ReviewId", ReviewId), ("IpAddress", "127.0.0.1"), ("Detail", "opened"));
        await Insert("DataProtectionKeys", ("Id", Id(4)), ("FriendlyName", "key-release-1"), ("Xml", keyXml), ("CreatedAt", When));
        await Insert("ReviewStageRecords", ("Id", Id(5)), ("ReviewId", ReviewId), ("StageKey", "commission"), ("Cycle", 1), ("Status", "InProgress"),
            ("AnswersJson", "{\"why\":\"Ÿes\"}"), ("ChecklistJson", "[]"), ("StartedAt", When), ("CompletedAt", null), ("CompletedBy", null),
            ("CreatedAt", When), ("CreatedBy", UserId), ("ModifiedAt", When), ("ModifiedBy", UserId), ("ConcurrencyToken", stamp));
        await Insert("ReviewTransitions", ("Id", Id(6)), ("ReviewId", ReviewId), ("Kind", "Started"), ("FromStage", null), ("ToStage", "commission"),
            ("Reason", "begun"), ("UserId", UserId), ("UserName", Email), ("OccurredAt", When));
        await Insert("OutcomesForms", ("Id", FormId), ("ReviewId", ReviewId), ("Version", 1), ("Status", "CirculatedForComment"),
            ("VersionReason", "first"), ("CirculatedAt", When), ("CommentsCloseOn", new DateOnly(2026, 12, 1)), ("FinalisedAt", null),
            ("FinalisedBy", null), ("SnapshotJson", "{}"), ("SentAt", When), ("SentTo", "Subgroup"), ("CreatedAt", When), ("CreatedBy", UserId),
            ("ModifiedAt", When), ("ModifiedBy", UserId), ("ConcurrencyToken", stamp));
        await Insert("OutcomesComments", ("Id", Id(7)), ("FormId", FormId), ("SectionKey", "learning"), ("Text", "Fathers were not asked — ‘Ÿ’"),
            ("AuthorUserId", UserId), ("AuthorName", "Ada Release"), ("CreatedAt", When), ("Response", "Agreed"), ("Resolved", true),
            ("RespondedBy", "Lead"), ("RespondedAt", When));
    }

    /// <summary>Values as release 1 stored them: on SQLite, EF Core's text forms; on PostgreSQL, native types.</summary>
    private static object Release1Value(Provider provider, object? value)
    {
        if (value is null) return DBNull.Value;
        if (provider == Provider.PostgreSQL) return value;
        return value switch
        {
            Guid g => g.ToString().ToUpperInvariant(),
            DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            bool b => b ? 1 : 0,
            _ => value,
        };
    }

    /// <summary>Every row of each table as text, column by column, so before and after can be compared.</summary>
    /// <summary>Columns later migrations added to release 1's tables; checked on their own, not in the dump.</summary>
    private static readonly HashSet<string> AddedSinceRelease1 =
    [
        "AuditEvents.Sequence", "AuditEvents.PreviousHash", "AuditEvents.Hash",
        // Issue 12: the managed theme list and the action plan's evidence, re-check and source.
        "Themes.ConcurrencyToken", "Themes.CreatedAt", "Themes.CreatedBy", "Themes.Description", "Themes.IsRetired",
        "Themes.ModifiedAt", "Themes.ModifiedBy", "Themes.Position",
        "Actions.CancellationReason", "Actions.EvidenceOfImpact", "Actions.RecheckOn", "Actions.Source",
        "Actions.SourceKey", "Actions.SourceStageKey",
        // The action plans' startup step (ActionSourcesStep) records which stage each old action came from, as
        // the system, so an old action's change stamp moves; what the action says is compared in full.
        "Actions.ModifiedAt", "Actions.ModifiedBy", "Actions.ConcurrencyToken",
        // Issue 12: the agency's safeguarding lead and the subgroup that owns a review's action plan.
        "Agencies.LeadUserId", "Reviews.SubgroupId",
    ];

    private static async Task<Dictionary<string, List<string>>> DumpAsync(DbConnection connection, IEnumerable<string> tables)
    {
        var dump = new Dictionary<string, List<string>>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount)
                    .Where(i => !AddedSinceRelease1.Contains(table + "." + reader.GetName(i)))
                    .OrderBy(reader.GetName, StringComparer.Ordinal)
                    .Select(i => reader.GetName(i) + "=" + Text(reader.GetValue(i)))));
            }
            dump[table] = rows;
        }
        return dump;
    }

    private static string Text(object value) => value switch
    {
        DBNull => "<null>",
        DateTime d => d.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static DbConnection Open(TestDatabase database)
    {
        DbConnection connection = database.Provider == Provider.Sqlite
            ? new SqliteConnection(database.ConnectionString)
            : new NpgsqlConnection(database.ConnectionString);
        connection.Open();
        return connection;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql.TrimStart('\uFEFF');
        await command.ExecuteNonQueryAsync();
    }

    private static string FixturePath(Provider provider) => Path.Combine(AppContext.BaseDirectory, "Persistence", "Fixtures",
        provider == Provider.Sqlite ? "release1-sqlite.sql" : "release1-postgresql.sql");
}
