using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Organisation;
using LearningReviews.Domain.Outcomes;
using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure.DataProtection;
using LearningReviews.Infrastructure.Email;
using LearningReviews.Infrastructure.Scheduling;
using LearningReviews.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Infrastructure.Persistence;

public class LearningReviewsDbContext(DbContextOptions<LearningReviewsDbContext> options)
    : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<Locality> Localities => Set<Locality>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<Review> Reviews => Set<Review>();
    public DbSet<ReviewCase> ReviewCases => Set<ReviewCase>();
    public DbSet<Participant> Participants => Set<Participant>();
    public DbSet<LearningPoint> LearningPoints => Set<LearningPoint>();
    public DbSet<ReviewAction> Actions => Set<ReviewAction>();
    public DbSet<Theme> Themes => Set<Theme>();
    public DbSet<ReviewStageRecord> StageRecords => Set<ReviewStageRecord>();
    public DbSet<ReviewTransition> Transitions => Set<ReviewTransition>();
    public DbSet<OutcomesForm> OutcomesForms => Set<OutcomesForm>();
    public DbSet<OutcomesComment> OutcomesComments => Set<OutcomesComment>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<DataProtectionKeyRecord> DataProtectionKeys => Set<DataProtectionKeyRecord>();
    public DbSet<OutboxMessage> EmailOutbox => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(LearningReviewsDbContext).Assembly);
        // The scheduler's own tables, on the providers where it keeps its schedule in this database.
        QuartzTables.AddTo(builder, Database.ProviderName);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Every timestamp is UTC. SQLite hands DateTime back with an unspecified kind; this marks it
        // UTC again so the two providers behave alike (Npgsql insists on UTC for timestamptz).
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
