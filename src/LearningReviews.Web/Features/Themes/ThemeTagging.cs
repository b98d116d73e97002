using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure.Auditing;

namespace LearningReviews.Web.Features.Themes;

/// <summary>
/// Puts the themes ticked on a stage form onto a review, a learning point or an action. Only themes of the
/// managed list count: an active one, or a retired one the record already had (a retired theme stays ticked
/// on what it was tagged on, and is offered nowhere else). Changes to a review's themes are audited.
/// </summary>
public static class ThemeTagging
{
    /// <summary>The themes of <paramref name="list"/> that may be tagged, given what the record has already.</summary>
    public static List<Theme> Allowed(IEnumerable<Guid> ticked, IReadOnlyCollection<Theme> list, IReadOnlyCollection<Theme> already)
    {
        ArgumentNullException.ThrowIfNull(ticked);
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(already);
        var ids = ticked.ToHashSet();
        return list.Where(t => ids.Contains(t.Id) && (!t.IsRetired || already.Any(a => a.Id == t.Id))).ToList();
    }

    /// <summary>Makes <paramref name="tags"/> exactly <paramref name="chosen"/>; true when anything changed.</summary>
    public static bool Set(List<Theme> tags, IReadOnlyCollection<Theme> chosen)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(chosen);
        var removed = tags.RemoveAll(t => chosen.All(c => c.Id != t.Id));
        var added = chosen.Where(c => tags.All(t => t.Id != c.Id)).ToList();
        tags.AddRange(added);
        return removed > 0 || added.Count > 0;
    }

    /// <summary>Tags the review with the themes ticked and audits the change (theme names only: they hold nothing personal).</summary>
    public static IReadOnlyList<Theme> TagReview(Review review, IEnumerable<Guid> ticked, IReadOnlyCollection<Theme> list, AuditLog audit)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(audit);
        var chosen = Allowed(ticked, list, review.Themes);
        var before = review.Themes.Select(t => t.Name).ToList();
        if (Set(review.Themes, chosen))
        {
            var added = chosen.Where(c => !before.Contains(c.Name)).Select(c => c.Name);
            var removed = before.Where(b => chosen.All(c => c.Name != b));
            audit.Add(AuditActions.Updated, nameof(Review), review.Id.ToString(), review.Id,
                Truncate($"Themes changed. Added: {Names(added)}. Removed: {Names(removed)}"));
        }
        return chosen;
    }

    private static string Names(IEnumerable<string> names) => names.Any() ? string.Join(", ", names) : "none";

    private static string Truncate(string text) => text.Length <= AuditLog.MaxDetailLength ? text : text[..AuditLog.MaxDetailLength];
}
