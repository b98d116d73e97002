using LearningReviews.Domain.RapidReviews;
using LearningReviews.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningReviews.Infrastructure.Persistence.Configurations;

internal sealed class NationalPanelResponseConfiguration : IEntityTypeConfiguration<NationalPanelResponse>
{
    public void Configure(EntityTypeBuilder<NationalPanelResponse> builder)
    {
        builder.ToTable("NationalPanelResponses");
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(40);
        builder.Property(r => r.Notes).HasMaxLength(4000);
        builder.Property(r => r.RecordedByName).HasMaxLength(256);
        builder.Property(r => r.CreatedBy).HasMaxLength(450);
        builder.Property(r => r.ModifiedBy).HasMaxLength(450);
        builder.Property(r => r.ConcurrencyToken).IsConcurrencyToken();
        builder.HasIndex(r => r.ReviewId).IsUnique();
        builder.HasOne<Review>().WithMany().HasForeignKey(r => r.ReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}
