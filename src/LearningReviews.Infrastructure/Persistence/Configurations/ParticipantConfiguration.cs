using LearningReviews.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningReviews.Infrastructure.Persistence.Configurations;

internal sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> builder)
    {
        builder.ToTable("Participants");
        builder.Ignore(p => p.IsInternalUser);
        builder.Property(p => p.UserId).HasMaxLength(450);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Email).HasMaxLength(256);
        builder.Property(p => p.Role).HasConversion<string>().HasMaxLength(40);
        builder.Property(p => p.InvitationStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.AttendanceStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.CreatedBy).HasMaxLength(450);
        builder.Property(p => p.ModifiedBy).HasMaxLength(450);
        builder.Property(p => p.ConcurrencyToken).IsConcurrencyToken();
        // A (UserId, ReviewId) index would let "reviews this user takes part in" skip the table, but with
        // UserId at 450 characters it is over SQL Server's 900-byte key (docs/performance.md, next steps).
        builder.HasIndex(p => p.UserId);
        builder.HasOne(p => p.Review).WithMany(r => r.Participants).HasForeignKey(p => p.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Agency).WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
