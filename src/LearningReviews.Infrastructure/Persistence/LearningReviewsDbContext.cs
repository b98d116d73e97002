using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Files;
using LearningReviews.Domain.Chronology;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Domain.Meetings;
using LearningReviews.Domain.Organisation;
using LearningReviews.Domain.Outcomes;
using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure.Email;
using LearningReviews.Infrastructure.Scheduling;
using LearningReviews.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Infrastructure.Persistence;

public class LearningReviewsDbContext(DbContextOptions<LearningReviewsDbContext> options)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    /// <summary>
    /// Length of Identity's string keys (user and role ids, login providers, token names). SQL Server
    /// limits an index key to 900 bytes; the widest of Identity's keys joins three of these columns,
    /// so 128 characters each (256 bytes as nvarchar) keeps every key within it.
    /// </summary>
    public const int IdentityKeyLength = 128;

    /// <summary>
    /// Longest passkey credential id kept (the table's key). WebAuthn allows up to 1023 bytes, SQL Server's
    /// index key 900; authenticators in use make ids of 16 to 64 bytes, and longer ones are refused when the
    /// passkey is added.
    /// </summary>
    public const int MaxPasskeyCredentialIdBytes = 900;

    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<Locality> Localities => Set<Locality>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<Review> Reviews => Set<Review>();
    public DbSet<ReviewCase> ReviewCases => Set<ReviewCase>();
    public DbSet<Participant> Participants => Set<Participant>();
    public DbSet<LearningPoint> LearningPoints => Set<LearningPoint>();
    public DbSet<ReviewAction> Actions => Set<ReviewAction>();
    public DbSet<ActionHistory> ActionHistory => Set<ActionHistory>();
    public DbSet<ActionEscalation> ActionEscalations => Set<ActionEscalation>();
    public DbSet<ActionDigest> ActionDigests => Set<ActionDigest>();
    public DbSet<Theme> Themes => Set<Theme>();
    public DbSet<Domain.Subgroups.Subgroup> Subgroups => Set<Domain.Subgroups.Subgroup>();
    public DbSet<Domain.Subgroups.SubgroupMember> SubgroupMembers => Set<Domain.Subgroups.SubgroupMember>();
    public DbSet<Domain.Subgroups.ActionPlanReview> ActionPlanReviews => Set<Domain.Subgroups.ActionPlanReview>();
    public DbSet<Domain.Subgroups.ActionPlanReviewItem> ActionPlanReviewItems => Set<Domain.Subgroups.ActionPlanReviewItem>();
    public DbSet<ReviewStageRecord> StageRecords => Set<ReviewStageRecord>();
    public DbSet<ReviewDeadlineSet> ReviewDeadlineSets => Set<ReviewDeadlineSet>();
    public DbSet<StoredDeadline> StoredDeadlines => Set<StoredDeadline>();
    public DbSet<CompletedDataStep> CompletedDataSteps => Set<CompletedDataStep>();
    public DbSet<ReviewTransition> Transitions => Set<ReviewTransition>();
    public DbSet<OutcomesForm> OutcomesForms => Set<OutcomesForm>();
    public DbSet<OutcomesComment> OutcomesComments => Set<OutcomesComment>();
    // Documents uploaded to reviews (Features/Files): the record, its bytes when kept in the database, and who it went to.
    public DbSet<ReviewFile> ReviewFiles => Set<ReviewFile>();
    public DbSet<ReviewFileContent> ReviewFileContents => Set<ReviewFileContent>();
    public DbSet<ReviewFileCirculation> ReviewFileCirculations => Set<ReviewFileCirculation>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    // Multi-agency chronology (Domain/Chronology).
    public DbSet<ChronologyEntry> ChronologyEntries => Set<ChronologyEntry>();

    /// <summary>The data-protection key ring (sign-in, antiforgery and form cookies), shared by every web instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<OutboxMessage> EmailOutbox => Set<OutboxMessage>();
    // Meetings (issue 11): booked meetings, their invitees, answers and attendance.
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MeetingInvitee> MeetingInvitees => Set<MeetingInvitee>();
    // Dates booked ahead of any review: locality circle series and the Practice Learning Day plan (docs/meetings.md).
    public DbSet<MeetingSeries> MeetingSeries => Set<MeetingSeries>();
    public DbSet<MeetingSlot> MeetingSlots => Set<MeetingSlot>();

    // Information requests to agencies and their answers (docs/information-requests.md).
    public DbSet<Domain.InformationRequests.InformationRequest> InformationRequests => Set<Domain.InformationRequests.InformationRequest>();
    public DbSet<Domain.RapidReviews.NationalPanelResponse> NationalPanelResponses => Set<Domain.RapidReviews.NationalPanelResponse>();

    // Dip-sample audits, and each review's dissemination and publication (docs/compliance.md, docs/publication.md).
    public DbSet<Domain.DipSamples.DipSampleAudit> DipSampleAudits => Set<Domain.DipSamples.DipSampleAudit>();
    public DbSet<Domain.Publication.DisseminationRecord> DisseminationRecords => Set<Domain.Publication.DisseminationRecord>();
    public DbSet<Domain.Publication.DisseminationAgency> DisseminationAgencies => Set<Domain.Publication.DisseminationAgency>();
    public DbSet<Domain.Publication.ReviewPublication> ReviewPublications => Set<Domain.Publication.ReviewPublication>();
    public DbSet<Domain.Publication.AcceptedFinding> AcceptedPublicationFindings => Set<Domain.Publication.AcceptedFinding>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(LearningReviewsDbContext).Assembly);
        LimitIdentityKeyLengths(builder);
        DatabaseProviderSetup.ApplyEngineLimits(builder, Database);
        // The scheduler's own tables, on the providers where it keeps its schedule in this database.
        QuartzTables.AddTo(builder, Database);
    }

    /// <summary>
    /// Identity leaves its string keys unbounded unless told otherwise; SQL Server cannot index an
    /// unbounded column. The same lengths apply on every provider so the three schemas agree.
    /// </summary>
    private static void LimitIdentityKeyLengths(ModelBuilder builder)
    {
        builder.Entity<ApplicationUser>().Property(u => u.Id).HasMaxLength(IdentityKeyLength);
        builder.Entity<IdentityRole>().Property(r => r.Id).HasMaxLength(IdentityKeyLength);
        builder.Entity<IdentityUserRole<string>>(userRole =>
        {
            userRole.Property(r => r.UserId).HasMaxLength(IdentityKeyLength);
            userRole.Property(r => r.RoleId).HasMaxLength(IdentityKeyLength);
        });
        builder.Entity<IdentityUserClaim<string>>().Property(c => c.UserId).HasMaxLength(IdentityKeyLength);
        builder.Entity<IdentityRoleClaim<string>>().Property(c => c.RoleId).HasMaxLength(IdentityKeyLength);
        builder.Entity<IdentityUserLogin<string>>(login =>
        {
            login.Property(l => l.LoginProvider).HasMaxLength(IdentityKeyLength);
            login.Property(l => l.ProviderKey).HasMaxLength(IdentityKeyLength);
            login.Property(l => l.UserId).HasMaxLength(IdentityKeyLength);
        });
        builder.Entity<IdentityUserToken<string>>(token =>
        {
            token.Property(t => t.UserId).HasMaxLength(IdentityKeyLength);
            token.Property(t => t.LoginProvider).HasMaxLength(IdentityKeyLength);
            token.Property(t => t.Name).HasMaxLength(IdentityKeyLength);
        });
        AddPasskeys(builder);
    }

    /// <summary>
    /// Passkeys (AspNetUserPasskeys), mapped as Identity's schema version 3 maps them. Identity picks its schema
    /// version from the application's IdentityOptions, which the design-time factories and the schema tests do
    /// not have, so the table is mapped here instead: every way of building the model gets the same one. The
    /// rest of the Identity schema stays as it was (version 1 with the key lengths above).
    /// </summary>
    private static void AddPasskeys(ModelBuilder builder)
    {
        builder.Entity<IdentityUserPasskey<string>>(passkey =>
        {
            passkey.ToTable("AspNetUserPasskeys");
            passkey.HasKey(p => p.CredentialId);
            passkey.Property(p => p.CredentialId).HasMaxLength(MaxPasskeyCredentialIdBytes);
            passkey.Property(p => p.UserId).HasMaxLength(IdentityKeyLength);
            passkey.OwnsOne(p => p.Data).ToJson();
        });
        builder.Entity<ApplicationUser>()
            .HasMany<IdentityUserPasskey<string>>().WithOne().HasForeignKey(p => p.UserId).IsRequired();
    }

    /// <summary>
    /// Saves as usual; audit entries among the changes first get their places in the hash chain
    /// (<see cref="AuditChain"/>), inside one transaction with the rest, so the chain's end is locked only
    /// while this save writes.
    /// </summary>
    /// <remarks>
    /// A save that touches a review or one of its records also deletes the review's stored deadlines
    /// (<see cref="ReviewDeadlineSet"/>), so they are worked out again from what was saved.
    /// </remarks>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var touched = DeadlineInputs.TouchedBy(this);
        var saved = await SaveWithAuditChainAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (!touched.IsEmpty) await DeadlineInputs.ForgetAsync(this, touched, cancellationToken);
        return saved;
    }

    private async Task<int> SaveWithAuditChainAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var audit = AddedAuditEvents();
        if (audit.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (Database.CurrentTransaction is not null)
        {
            await AuditChain.SealAsync(this, audit, cancellationToken);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        return await Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
            await AuditChain.SealAsync(this, audit, cancellationToken);
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return saved;
        });
    }

    /// <summary>Every save goes through the asynchronous path, which keeps the audit chain.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    private List<AuditEvent> AddedAuditEvents() =>
        ChangeTracker.Entries<AuditEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Every timestamp is UTC. SQLite hands DateTime back with an unspecified kind; this marks it
        // UTC again so the two providers behave alike (Npgsql insists on UTC for timestamptz).
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
