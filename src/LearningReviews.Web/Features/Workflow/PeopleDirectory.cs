using LearningReviews.Domain.Access;
using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Workflows;
using LearningReviews.Domain.Workflows.Engine;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Features.Reviews;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.Workflow;

/// <summary>Reads the accounts a stage page's people pickers offer, and who in the review this viewer may see.</summary>
public static class PeopleDirectory
{
    /// <summary>Every account with its roles, agency and locality (four small queries, whatever the number of people).</summary>
    public static async Task<Dictionary<string, PickerAccount>> AccountsAsync(LearningReviewsDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var users = await db.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName, u.IsActive, u.AgencyId, u.LocalityId }).ToListAsync();
        var roles = (await (from userRole in db.UserRoles join role in db.Roles on userRole.RoleId equals role.Id select new { userRole.UserId, role.Name }).ToListAsync())
            .ToLookup(r => r.UserId, r => r.Name ?? "");
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name);
        var localities = await db.Localities.AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.Name);
        return users.ToDictionary(u => u.Id, u => new PickerAccount(u.Id, u.DisplayName, u.IsActive,
            roles[u.Id].Where(r => r.Length > 0).OrderBy(r => Domain.Identity.Roles.All.ToList().IndexOf(r)).ToList(),
            u.AgencyId is { } agency ? agencies.GetValueOrDefault(agency) : null,
            u.LocalityId is { } locality ? localities.GetValueOrDefault(locality) : null));
    }

    /// <summary>
    /// The review's participants with accounts that this viewer may see, with their review roles. In a
    /// review of several families someone involved with one family never learns who is tied to another:
    /// those people are offered like anyone else, without a word about this review.
    /// </summary>
    public static Dictionary<string, IReadOnlyList<string>> VisibleParticipants(UserContext user, Review review)
    {
        ArgumentNullException.ThrowIfNull(review);
        return review.Participants.Where(p => p.UserId is not null && FamilyRestriction.MaySeeParticipant(user, review, p))
            .GroupBy(p => p.UserId!)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(p => p.Role).Distinct().Order().Select(ReviewRoleNames.Of).ToList());
    }

    /// <summary>People tied only to families this viewer may not see.</summary>
    public static HashSet<string> HiddenFrom(UserContext user, Review review, IReadOnlyDictionary<string, IReadOnlyList<string>> visible)
    {
        ArgumentNullException.ThrowIfNull(review);
        return review.Participants.Where(p => p.UserId is not null && !visible.ContainsKey(p.UserId)).Select(p => p.UserId!).ToHashSet();
    }

    /// <summary>The ids already chosen in the stage's person and people fields and as action owners: they stay on the lists.</summary>
    public static IEnumerable<string> ChosenOn(StageDefinition stage, StageAnswers answers, Review review)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(review);
        foreach (var field in stage.Fields)
        {
            if (field.Kind == FieldKind.People) foreach (var id in answers.List(field.Key)) yield return id;
            if (field.Kind == FieldKind.Person && answers.Text(field.Key) is { } one) yield return one;
        }
        if (stage.Fields.Any(f => f.Kind == FieldKind.Actions))
            foreach (var owner in review.Actions.Select(a => a.OwnerUserId).OfType<string>()) yield return owner;
    }
}
