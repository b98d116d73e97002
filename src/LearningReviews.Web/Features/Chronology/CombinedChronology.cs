using LearningReviews.Domain.Chronology;
using LearningReviews.Domain.Reviews;
using LearningReviews.Web.Features.Reviews;

namespace LearningReviews.Web.Features.Chronology;

/// <summary>One line of the combined chronology as a view or an export shows it.</summary>
public sealed record CombinedRow(
    Guid Id, DateOnly Date, TimeOnly? Time, string Agency, string WhatHappened, string Source, string? Significance,
    bool KeyPracticeEpisode, string EnteredBy, IReadOnlyList<string> AlsoRecordedBy, Guid ConcurrencyToken)
{
    public string When => Time is { } t ? $"{Date:d MMM yyyy} {t:HH:mm}" : Date.ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
}

/// <summary>
/// The chronology across agencies: every entry not merged into another, by date, then time (an entry with
/// no time first), then agency. The anonymised form replaces the names the review knows about
/// (ChronologyAnonymiser) in every text column and shows who entered an entry only by agency.
/// </summary>
public static class CombinedChronology
{
    public static IReadOnlyList<CombinedRow> Rows(IReadOnlyList<ChronologyEntry> entries, ChronologyAnonymiser? anonymiser)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var merged = entries.Where(e => e.Resolution == DuplicateResolution.Merged && e.MergedIntoId is not null)
            .ToLookup(e => e.MergedIntoId!.Value, e => e.Agency?.Name ?? "");
        string Text(string? t) => anonymiser?.Apply(t) ?? t ?? "";
        return Ordered(entries.Where(e => e.Resolution != DuplicateResolution.Merged))
            .Select(e => new CombinedRow(e.Id, e.Date, e.Time, e.Agency?.Name ?? "", Text(e.WhatHappened), Text(e.Source),
                e.Significance is null ? null : Text(e.Significance), e.KeyPracticeEpisode,
                anonymiser is null ? e.EnteredBy : $"{e.Agency?.Name} representative", merged[e.Id].Distinct().ToList(), e.ConcurrencyToken))
            .ToList();
    }

    public static IEnumerable<ChronologyEntry> Ordered(IEnumerable<ChronologyEntry> entries) =>
        entries.OrderBy(e => e.Date).ThenBy(e => e.Time ?? TimeOnly.MinValue).ThenBy(e => e.Time is null ? 0 : 1)
            .ThenBy(e => e.Agency?.Name, StringComparer.Ordinal).ThenBy(e => e.Id);

    /// <summary>
    /// The names the anonymised view replaces: each of the review's case labels becomes "Child A", "Child B", …
    /// in the order the cases were added; each participant's name becomes their role in the review (with their
    /// agency, and a number when several share a role: "Learner 2"). Whoever entered an entry is shown by agency.
    /// </summary>
    public static ChronologyAnonymiser AnonymiserFor(Review review, IEnumerable<string> enteredBy)
    {
        ArgumentNullException.ThrowIfNull(review);
        var names = new List<NameLabel>();
        var cases = review.Cases.Where(c => c.Case is not null).OrderBy(c => c.CaseId).ToList();
        for (var i = 0; i < cases.Count; i++) names.Add(new(cases[i].Case!.Label, ChronologyAnonymiser.ChildLabel(i)));
        foreach (var role in review.Participants.GroupBy(p => (p.Role, Agency: p.Agency?.Name)))
        {
            var people = role.OrderBy(p => p.Id).ToList();
            var label = ReviewRoleNames.Of(role.Key.Role) + (role.Key.Agency is { } agency ? $" ({agency})" : "");
            for (var i = 0; i < people.Count; i++) names.Add(new(people[i].Name, people.Count == 1 ? label : $"{label} {i + 1}"));
        }
        // People who entered entries but are no longer on the review are still people.
        names.AddRange(enteredBy.Distinct().Where(n => names.All(k => !string.Equals(k.Name, n, StringComparison.OrdinalIgnoreCase)))
            .Select(n => new NameLabel(n, "a former participant")));
        return new ChronologyAnonymiser(names);
    }
}
