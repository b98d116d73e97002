using LearningReviews.Domain.Auditing;
using LearningReviews.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningReviews.Infrastructure.Persistence.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("AuditEvents");
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property(e => e.UserName).HasMaxLength(256);
        builder.Property(e => e.Action).HasMaxLength(50);
        builder.Property(e => e.EntityType).HasMaxLength(100);
        builder.Property(e => e.EntityId).HasMaxLength(AuditLog.MaxEntityIdLength);
        builder.Property(e => e.IpAddress).HasMaxLength(64);
        builder.Property(e => e.Detail).HasMaxLength(AuditLog.MaxDetailLength);
        builder.HasIndex(e => e.OccurredAt);
        builder.HasIndex(e => e.ReviewId);
        builder.HasIndex(e => e.UserName);
        builder.HasIndex(e => e.Action);
        builder.Property(e => e.PreviousHash).HasMaxLength(AuditChain.HashLength);
        builder.Property(e => e.Hash).HasMaxLength(AuditChain.HashLength);
        // One row per place in the chain: a second writer that somehow read the same last row fails
        // here instead of forking the chain (the lock in AuditChain.SealAsync normally prevents it).
        builder.HasIndex(e => e.Sequence).IsUnique();
    }
}
