using LearningReviews.Domain.Identity;

namespace LearningReviews.Web.Features.Workflow;

/// <summary>An account as the people picker sees it: who they are, and where they work.</summary>
public sealed record PickerAccount(string Id, string Name, bool IsActive, IReadOnlyList<string> Roles, string? Agency, string? Locality);

/// <summary>One person a people picker offers.</summary>
/// <param name="Hint">Their role(s), agency and locality, shown under the name.</param>
/// <param name="SearchText">What the page's search matches against: name, roles, agency, locality (lower case).</param>
public sealed record PersonOption(string Id, string Name, string Hint, string SearchText, bool InReview);

/// <summary>
/// The people a Person or People field offers. Active accounts that hold a case role: an account whose
/// only role is Administrator manages accounts and never takes part in a review, and a closed account
/// cannot be given anything new. The review's own participants come first (their review roles in the
/// hint), then everyone else, each group by name. Someone already chosen stays on the list whatever
/// their account is now, so saving the form never drops an answer nobody touched.
/// </summary>
public sealed record PeopleChoices(IReadOnlyList<PersonOption> InReview, IReadOnlyList<PersonOption> Others)
{
    public static readonly PeopleChoices None = new([], []);

    public IEnumerable<PersonOption> All => InReview.Concat(Others);

    /// <param name="reviewRoles">The review's participants with accounts that this viewer may see, and the review roles each holds, as people say them.</param>
    /// <param name="chosen">Ids already chosen in the field(s) on the page.</param>
    public static PeopleChoices Build(IEnumerable<PickerAccount> accounts, IReadOnlyDictionary<string, IReadOnlyList<string>> reviewRoles, IEnumerable<string> chosen)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(reviewRoles);
        var keep = chosen.ToHashSet(StringComparer.Ordinal);
        var offered = accounts.Where(a => keep.Contains(a.Id) || (a.IsActive && HoldsCaseRole(a)))
            .OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ThenBy(a => a.Id, StringComparer.Ordinal)
            .Select(a => Option(a, reviewRoles.GetValueOrDefault(a.Id)))
            .ToList();
        return new PeopleChoices(offered.Where(o => o.InReview).ToList(), offered.Where(o => !o.InReview).ToList());
    }

    /// <summary>An account with no role at all is offered (its roles may not be set up yet); one that is only an administrator is not.</summary>
    public static bool HoldsCaseRole(PickerAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account.Roles.Count == 0 || account.Roles.Any(r => r != Roles.Administrator);
    }

    private static PersonOption Option(PickerAccount account, IReadOnlyList<string>? reviewRoles)
    {
        var roles = account.Roles.Where(r => r != Roles.Administrator).ToList();
        var parts = new List<string>();
        if (roles.Count > 0) parts.Add(string.Join(", ", roles));
        if (account.Agency is { Length: > 0 } agency) parts.Add(agency);
        if (account.Locality is { Length: > 0 } locality) parts.Add(locality);
        if (reviewRoles is { Count: > 0 }) parts.Add("In this review as " + string.Join(", ", reviewRoles));
        if (!account.IsActive) parts.Add("account closed");
        var hint = string.Join(" · ", parts);
        var search = string.Join(' ', new[] { account.Name }.Concat(roles).Append(account.Agency).Append(account.Locality)).ToLowerInvariant();
        return new PersonOption(account.Id, account.Name, hint, search, reviewRoles is { Count: > 0 });
    }
}
