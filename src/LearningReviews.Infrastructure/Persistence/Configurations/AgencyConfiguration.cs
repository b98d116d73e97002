using LearningReviews.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningReviews.Infrastructure.Persistence.Configurations;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.ToTable("Agencies");
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.HasIndex(a => a.Name).IsUnique();
        builder.Property(a => a.LeadUserId).HasMaxLength(450);
    }
}
