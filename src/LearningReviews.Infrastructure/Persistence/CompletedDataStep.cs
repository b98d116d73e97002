using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningReviews.Infrastructure.Persistence;

/// <summary>
/// A startup data step that has run to the end on this database. Steps that bring old rows up to date
/// (TypedMeetingDates, ActionSourcesStep) need to run once, but used to re-read every review at every start,
/// so the start grew with the partnership's history (docs/performance.md).
/// </summary>
public class CompletedDataStep
{
    public required string Name { get; set; }
    public DateTime CompletedAt { get; set; }
}

internal sealed class CompletedDataStepConfiguration : IEntityTypeConfiguration<CompletedDataStep>
{
    public void Configure(EntityTypeBuilder<CompletedDataStep> builder)
    {
        builder.ToTable("CompletedDataSteps");
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(100);
    }
}

/// <summary>Runs a startup data step unless this database records it as done, and records it when it finishes.</summary>
public sealed class DataStepLedger(LearningReviewsDbContext db, TimeProvider clock)
{
    /// <returns>Whether the step ran.</returns>
    public async Task<bool> RunOnceAsync(string name, Func<CancellationToken, Task> step, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (await db.CompletedDataSteps.AnyAsync(s => s.Name == name, cancellationToken)) return false;
        await step(cancellationToken);
        db.ChangeTracker.Clear();
        db.CompletedDataSteps.Add(new CompletedDataStep { Name = name, CompletedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
