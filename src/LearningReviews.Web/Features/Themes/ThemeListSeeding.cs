using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.Themes;

/// <summary>
/// The startup data step that starts the managed theme list with common safeguarding learning themes. It runs
/// after the migrations at every start and adds the list only while no theme has been made by it or by an
/// administrator (a list with no positions): once the partnership has its list, renamed or retired themes are
/// never put back. Themes that existed before the list was managed (tagged by hand) keep their tags and are
/// placed after the seeded ones.
/// </summary>
public sealed class ThemeListSeeding(LearningReviewsDbContext db, TimeProvider clock, ILogger<ThemeListSeeding> logger)
{
    /// <summary>The starting list, in the order forms show it: name and what it covers.</summary>
    public static readonly IReadOnlyList<(string Name, string Description)> Seeded =
    [
        ("Voice of the child", "Seeing and hearing the child, their lived experience and wishes"),
        ("Professional curiosity", "Asking, checking and not taking things at face value"),
        ("Information sharing", "Sharing what is known, in time, between agencies"),
        ("Multi-agency working", "Agencies working together, with shared plans and understanding"),
        ("Supervision", "Reflective supervision and management oversight of practice"),
        ("Neglect", "Recognising and responding to neglect, including its cumulative harm"),
        ("Exploitation", "Child criminal and sexual exploitation and harm outside the home"),
        ("Domestic abuse", "Domestic abuse and its effect on children"),
        ("Mental health", "Children's and parents' mental health"),
        ("Parental substance misuse", "Parents' use of alcohol and drugs"),
        ("Escalation and challenge", "Escalating concerns and professional challenge"),
        ("Assessment and planning", "The quality of assessments and plans, and acting on them"),
        ("Unseen men", "Fathers, partners and other men in the household"),
        ("Thresholds", "Understanding and applying thresholds for help and protection"),
        ("Transitions", "Moves between services, areas and into adulthood"),
        ("Recording", "The quality and use of case records"),
    ];

    /// <returns>How many themes were added.</returns>
    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        // Positions are given by this step or by the administration page: any theme with one means the list is managed already.
        if (await db.Themes.AnyAsync(t => t.Position > 0, cancellationToken)) return 0;
        var existing = await db.Themes.ToListAsync(cancellationToken);
        var audit = new AuditLog(db, new SystemUser(), clock);
        var position = 0;
        var added = 0;
        foreach (var (name, description) in Seeded)
        {
            position++;
            var same = existing.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
            if (same is not null)
            {
                same.Position = position;
                same.Description ??= description;
                continue;
            }
            var theme = new Theme { Name = name, Description = description, Position = position };
            db.Themes.Add(theme);
            audit.Add(AuditActions.Created, nameof(Theme), theme.Id.ToString(), detail: $"Theme '{name}' added to the starting list");
            added++;
        }
        foreach (var older in existing.Where(t => t.Position == 0).OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase)) older.Position = ++position;
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        if (added > 0) logger.LogInformation("Started the theme list with {Count} themes", added);
        return added;
    }
}
