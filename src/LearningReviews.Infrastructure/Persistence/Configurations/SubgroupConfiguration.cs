using LearningReviews.Domain.Subgroups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningReviews.Infrastructure.Persistence.Configurations;

internal sealed class SubgroupConfiguration : IEntityTypeConfiguration<Subgroup>
{
    public void Configure(EntityTypeBuilder<Subgroup> builder)
    {
        builder.ToTable("Subgroups");
        builder.Property(s => s.Name).HasMaxLength(Subgroup.NameLength);
        builder.HasIndex(s => s.Name).IsUnique();
        builder.Property(s => s.Description).HasMaxLength(Subgroup.DescriptionLength);
        builder.Property(s => s.CreatedBy).HasMaxLength(450);
        builder.Property(s => s.ModifiedBy).HasMaxLength(450);
        builder.Property(s => s.ConcurrencyToken).IsConcurrencyToken();
        builder.HasMany(s => s.Members).WithOne().HasForeignKey(m => m.SubgroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SubgroupMemberConfiguration : IEntityTypeConfiguration<SubgroupMember>
{
    public void Configure(EntityTypeBuilder<SubgroupMember> builder)
    {
        builder.ToTable("SubgroupMembers");
        builder.HasKey(m => new { m.SubgroupId, m.UserId });
        // 128 characters (user ids are GUIDs) keeps the key within SQL Server's 900-byte index key limit.
        builder.Property(m => m.UserId).HasMaxLength(128);
        // "Which subgroups am I on?" is asked on every subgroup member's home page.
        builder.HasIndex(m => m.UserId);
    }
}
