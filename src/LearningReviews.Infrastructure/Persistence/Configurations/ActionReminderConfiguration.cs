using LearningReviews.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningReviews.Infrastructure.Persistence.Configurations;

internal sealed class ActionEscalationConfiguration : IEntityTypeConfiguration<ActionEscalation>
{
    public void Configure(EntityTypeBuilder<ActionEscalation> builder)
    {
        builder.ToTable("ActionEscalations");
        builder.Property(e => e.Step).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.SentTo).HasMaxLength(ActionEscalation.SentToLength);
        // Each step once per due date: a second run, or a second instance at the same moment, cannot add it again.
        builder.HasIndex(e => new { e.ActionId, e.Step, e.DueDate }).IsUnique();
        builder.HasOne<ReviewAction>().WithMany().HasForeignKey(e => e.ActionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ActionDigestConfiguration : IEntityTypeConfiguration<ActionDigest>
{
    public void Configure(EntityTypeBuilder<ActionDigest> builder)
    {
        builder.ToTable("ActionDigests");
        // 128 characters (user ids are GUIDs) keeps the key within SQL Server's 900-byte index key limit.
        builder.Property(d => d.UserId).HasMaxLength(LearningReviewsDbContext.IdentityKeyLength);
        // One digest per owner and week, however often the job runs.
        builder.HasIndex(d => new { d.UserId, d.WeekOf }).IsUnique();
    }
}
