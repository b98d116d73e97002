using System.Text.RegularExpressions;

namespace LearningReviews.Domain.Chronology;

/// <summary>What the duplicate check needs to know of an entry.</summary>
public sealed record DuplicateCandidate(Guid Id, Guid AgencyId, DateOnly Date, string WhatHappened, DuplicateResolution Resolution);

/// <summary>Two entries that probably describe the same event: Second is the one offered for merging into First.</summary>
public sealed record LikelyDuplicate(Guid First, Guid Second, double Similarity);

/// <summary>
/// Finds entries from different agencies that probably record the same event: the same date, and
/// descriptions that share most of their words. It only flags; a person decides to merge or keep.
/// </summary>
/// <remarks>
/// Similarity is the share of distinct words (three letters or more, case ignored) the two descriptions
/// have in common (Jaccard index); 0.5 or more is flagged. "Police attended the home after a call from
/// a neighbour" and "Officers attended home following neighbour's call" share attended, home and
/// neighbour, which is under half; a copy of the same referral in both agencies' records shares nearly all.
/// Entries of the same agency are never paired (an agency's own repeated events are its own business),
/// merged entries are left out, and a pair both kept as separate is not flagged again.
/// </remarks>
public static partial class DuplicateDetector
{
    public const double Threshold = 0.5;

    public static IReadOnlyList<LikelyDuplicate> Find(IEnumerable<DuplicateCandidate> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var found = new List<LikelyDuplicate>();
        // Only entries of the same day can pair, so the work grows with the busiest day, not the whole list.
        foreach (var day in entries.Where(e => e.Resolution != DuplicateResolution.Merged).GroupBy(e => e.Date))
        {
            var sameDay = day.OrderBy(e => e.Id).Select(e => (Entry: e, Words: Words(e.WhatHappened))).ToList();
            for (var i = 0; i < sameDay.Count; i++)
            {
                for (var j = i + 1; j < sameDay.Count; j++)
                {
                    var (a, b) = (sameDay[i], sameDay[j]);
                    if (a.Entry.AgencyId == b.Entry.AgencyId) continue;
                    if (a.Entry.Resolution == DuplicateResolution.KeptSeparate && b.Entry.Resolution == DuplicateResolution.KeptSeparate) continue;
                    var similarity = Similarity(a.Words, b.Words);
                    if (similarity >= Threshold) found.Add(new(a.Entry.Id, b.Entry.Id, similarity));
                }
            }
        }
        return found;
    }

    public static double Similarity(string first, string second) => Similarity(Words(first), Words(second));

    private static double Similarity(HashSet<string> first, HashSet<string> second)
    {
        if (first.Count == 0 || second.Count == 0) return 0;
        var shared = first.Count(second.Contains);
        return (double)shared / (first.Count + second.Count - shared);
    }

    private static HashSet<string> Words(string text) =>
        WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).Where(w => w.Length >= 3).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\p{L}[\p{L}\p{N}]*", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
