using LearningReviews.Domain.Outcomes;
using LearningReviews.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningReviews.Infrastructure.Persistence.Configurations;

internal sealed class OutcomesFormConfiguration : IEntityTypeConfiguration<OutcomesForm>
{
    public void Configure(EntityTypeBuilder<OutcomesForm> builder)
    {
        builder.ToTable("OutcomesForms");
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(f => f.VersionReason).HasMaxLength(2000);
        builder.Property(f => f.FinalisedBy).HasMaxLength(256);
        builder.Property(f => f.SentTo).HasMaxLength(200);
        builder.Property(f => f.CreatedBy).HasMaxLength(450);
        builder.Property(f => f.ModifiedBy).HasMaxLength(450);
        builder.Property(f => f.ConcurrencyToken).IsConcurrencyToken();
        builder.HasIndex(f => new { f.ReviewId, f.Version }).IsUnique();
        builder.HasOne<Review>().WithMany(r => r.OutcomesForms).HasForeignKey(f => f.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(f => f.Comments).WithOne().HasForeignKey(c => c.FormId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutcomesCommentConfiguration : IEntityTypeConfiguration<OutcomesComment>
{
    public void Configure(EntityTypeBuilder<OutcomesComment> builder)
    {
        builder.ToTable("OutcomesComments");
        builder.Property(c => c.SectionKey).HasMaxLength(100);
        builder.Property(c => c.Text).HasMaxLength(4000);
        builder.Property(c => c.AuthorUserId).HasMaxLength(450);
        builder.Property(c => c.AuthorName).HasMaxLength(256);
        builder.Property(c => c.Response).HasMaxLength(4000);
        builder.Property(c => c.RespondedBy).HasMaxLength(256);
        builder.HasIndex(c => c.FormId);
    }
}
