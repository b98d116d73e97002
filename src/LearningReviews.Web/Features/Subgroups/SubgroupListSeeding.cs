using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Subgroups;
using LearningReviews.Infrastructure;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.Subgroups;

/// <summary>
/// The startup data step that starts the partnership's subgroup list with the four subgroups the partnership's
/// documents name. It runs after the migrations at every start and adds them only while there is no subgroup at
/// all: subgroups are retired, never deleted, so once the list exists (renamed, retired or added to by the
/// administrator) nothing is put back.
/// </summary>
public sealed class SubgroupListSeeding(LearningReviewsDbContext db, TimeProvider clock, ILogger<SubgroupListSeeding> logger)
{
    /// <summary>The starting list, in the order pages show it: name and what the subgroup looks after.</summary>
    public static readonly IReadOnlyList<(string Name, string Description)> Seeded =
    [
        ("Learning and Improvement", "Commissions learning reviews and makes sure their learning is spread and acted on"),
        ("Case Review", "Considers serious incidents, rapid reviews and which cases need a review"),
        ("Performance Monitoring and Quality Assurance", "Audits, dip samples and performance data across the partnership"),
        ("Quality Performance and Action Group", "Follows action plans through to evidence of their impact"),
    ];

    /// <returns>How many subgroups were added.</returns>
    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Subgroups.AnyAsync(cancellationToken)) return 0;
        var audit = new AuditLog(db, new SystemUser(), clock);
        var position = 0;
        foreach (var (name, description) in Seeded)
        {
            var subgroup = new Subgroup { Name = name, Description = description, Position = ++position };
            db.Subgroups.Add(subgroup);
            audit.Add(AuditActions.Created, nameof(Subgroup), subgroup.Id.ToString(), detail: $"Subgroup '{name}' added to the starting list");
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        logger.LogInformation("Started the subgroup list with {Count} subgroups", position);
        return position;
    }
}
