using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Features.Themes;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.Demo;

/// <summary>
/// Themes from the managed list on the demo reviews, as their authors would have ticked them, so the themes
/// dashboard, the theme filters of the action plans list and the exports page, and the annual report have
/// something to show: neglect on Child C's circle and the thematic review, exploitation on Child A's, and so on.
/// </summary>
internal static class ThemeDemos
{
    /// <summary>A review's themes, by the label of its first case or else by its methodology.</summary>
    private static readonly (string Case, string Methodology, string[] Themes)[] Tags =
    [
        ("Child A", "", ["Exploitation", "Escalation and challenge"]),
        ("Child B", "", ["Assessment and planning"]),
        ("Child C", "", ["Neglect", "Assessment and planning"]),
        ("", "desktop-review", ["Information sharing"]),
        ("", "thematic-review", ["Neglect", "Multi-agency working"]),
        ("", "practitioner-learning-review", ["Voice of the child", "Supervision"]),
        ("", "single-issue-review", ["Domestic abuse"]),
        ("", "rapid-review", ["Information sharing", "Professional curiosity"]),
        ("", "lscb-learning-review", ["Professional curiosity", "Voice of the child"]),
        ("", "learning-conversation", ["Supervision"]),
        ("", "practice-learning-day", ["Multi-agency working"]),
    ];

    public static async Task AddAsync(LearningReviewsDbContext db, AuditLog audit, CancellationToken cancellationToken)
    {
        var list = await db.Themes.ToListAsync(cancellationToken);
        var reviews = await db.Reviews.Include(r => r.Cases).ThenInclude(c => c.Case).Include(r => r.Themes).ToListAsync(cancellationToken);
        foreach (var review in reviews)
        {
            var label = review.Cases.Select(c => c.Case?.Label).FirstOrDefault();
            var tags = Tags.FirstOrDefault(t => t.Case.Length > 0 && t.Case == label).Themes
                       ?? Tags.FirstOrDefault(t => t.Case.Length == 0 && t.Methodology == review.MethodologyKey).Themes;
            if (tags is null) continue;
            ThemeTagging.TagReview(review, list.Where(t => tags.Contains(t.Name)).Select(t => t.Id), list, audit);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
