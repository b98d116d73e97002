using System.Security.Cryptography;
using LearningReviews.Domain.Identity;
using LearningReviews.Domain.Workflows;
using LearningReviews.Domain.Organisation;
using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure.Identity;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Infrastructure.Reviews;
using LearningReviews.Web.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.Demo;

public enum DemoSeedOutcome { Seeded, AlreadyPresent, RefusedRealData }

public sealed record DemoSeedResult(DemoSeedOutcome Outcome, string? GeneratedPassword);

/// <summary>
/// Creates a demo partnership for trying the product: agencies, localities, one account per role
/// and a handful of reviews. It refuses to touch a database that holds anything other than demo data.
/// </summary>
public sealed class DemoDataSeeder(
    LearningReviewsDbContext db,
    AccountProvisioning provisioning,
    UserManager<ApplicationUser> users,
    ReviewReferenceGenerator references,
    WorkflowCatalogue catalogue)
{
    public const string Domain = "demo.example";

    /// <summary>One demo account per role: email, display name, role.</summary>
    public static readonly IReadOnlyList<(string Email, string Name, string Role)> Accounts =
    [
        ($"admin@{Domain}", "Alex Admin", Roles.Administrator),
        ($"hol@{Domain}", "Hana Okafor", Roles.HeadOfLocality),
        ($"sm@{Domain}", "Sam Mitchell", Roles.ServiceManager),
        ($"tm@{Domain}", "Tariq Malik", Roles.TeamManager),
        ($"practitioner@{Domain}", "Priya Shah", Roles.Practitioner),
        ($"qa@{Domain}", "Quinn Adams", Roles.QaTeamManager),
        ($"bm@{Domain}", "Beth Morgan", Roles.BusinessManager),
        ($"lead@{Domain}", "Leo Reid", Roles.LeadReviewer),
        ($"facilitator@{Domain}", "Fran Ellis", Roles.Facilitator),
        ($"subgroup@{Domain}", "Sunita Gill", Roles.SubgroupMember),
        ($"agency@{Domain}", "Andy Agbaje", Roles.AgencyRepresentative),
    ];

    private static readonly string[] AgencyNames = ["Children's Social Care", "Police", "Health", "Education", "Early Help"];
    private static readonly string[] LocalityNames = ["North Locality", "South Locality", "East Locality"];

    public async Task<DemoSeedResult> SeedAsync(string? password, CancellationToken cancellationToken = default)
    {
        var hasDemoUsers = await db.Users.AnyAsync(u => u.IsDemo, cancellationToken);
        var hasRealUsers = await db.Users.AnyAsync(u => !u.IsDemo, cancellationToken);
        var hasOtherData = await db.Reviews.AnyAsync(cancellationToken) || await db.Agencies.AnyAsync(cancellationToken)
                           || await db.Localities.AnyAsync(cancellationToken);
        if (hasRealUsers || (!hasDemoUsers && hasOtherData)) return new(DemoSeedOutcome.RefusedRealData, null);
        if (hasDemoUsers) return new(DemoSeedOutcome.AlreadyPresent, null);

        var generated = string.IsNullOrEmpty(password) ? GeneratePassword() : null;
        password = generated ?? password;

        var agencies = AgencyNames.Select(name => new Agency { Name = name }).ToList();
        var localities = LocalityNames.Select(name => new Locality { Name = name }).ToList();
        db.Agencies.AddRange(agencies);
        db.Localities.AddRange(localities);
        await db.SaveChangesAsync(cancellationToken);
        var north = localities[0];

        foreach (var (email, name, role) in Accounts)
        {
            var agency = role == Roles.AgencyRepresentative ? agencies[1] : agencies[0];
            var result = await provisioning.CreateAsync(new NewAccount(name, email, [role], agency.Id,
                role == Roles.Administrator ? null : north.Id, password, IsDemo: true));
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(
                    "Could not create demo account " + email + ": " + string.Join("; ", result.Errors.Select(e => e.Description)));
            }
        }

        await AddReviewsAsync(north, localities[1], agencies, cancellationToken);
        return new(DemoSeedOutcome.Seeded, generated);
    }

    private async Task AddReviewsAsync(Locality north, Locality south, List<Agency> agencies, CancellationToken cancellationToken)
    {
        var hol = await users.FindByEmailAsync($"hol@{Domain}");
        var tm = await users.FindByEmailAsync($"tm@{Domain}");
        var practitioner = await users.FindByEmailAsync($"practitioner@{Domain}");
        var circle = catalogue.Newest("locality-learning-circle")!;

        (string Label, Locality Locality, string Reason, string Detail, ReviewStatus Status, string Stage, ApplicationUser Proposer, bool WithPractitioner)[] demo =
        [
            ("Child A", north, "escalation-of-risk", "Three missing episodes in six weeks; the plan has not changed since the last review.", ReviewStatus.Proposed, "proposal", hol!, true),
            ("Child B", north, "audit-outcome", "Audit rated the assessment outstanding: we want to understand what made it work.", ReviewStatus.InProgress, "preparation", tm!, false),
            ("Child C", north, "turning-point", "A move to kinship care after a long period of neglect.", ReviewStatus.InProgress, "after", hol!, false),
            ("Child D", south, "exceptions-reporting", "Dashboard shows visits overdue for four months.", ReviewStatus.Proposed, "proposal", hol!, false),
        ];

        foreach (var item in demo)
        {
            var review = new Review
            {
                Reference = "",
                MethodologyKey = circle.Key,
                DefinitionVersion = circle.Version,
                Title = $"{circle.Name}: {item.Label}",
                Status = item.Status,
                CurrentStageKey = item.Stage,
                ReasonSelected = item.Reason,
                ReasonDetail = item.Detail,
                LocalityId = item.Locality.Id,
                CreatedBy = item.Proposer.Id,
            };
            review.Cases.Add(new ReviewCase
            {
                Review = review,
                Case = new Case { Label = item.Label, LocalityId = item.Locality.Id, CaseRecordNumber = "DEMO-" + item.Label[^1] },
            });
            review.Participants.Add(new Participant { UserId = item.Proposer.Id, Name = item.Proposer.DisplayName, Role = ReviewRole.Proposer });
            if (item.WithPractitioner)
            {
                review.Participants.Add(new Participant
                {
                    UserId = practitioner!.Id, Name = practitioner.DisplayName, Role = ReviewRole.Practitioner, AgencyId = agencies[0].Id,
                });
            }
            // Earlier stages count as done, so the demo shows reviews part-way through.
            foreach (var stage in circle.Stages.TakeWhile(s => s.Key != item.Stage))
            {
                review.Stages.Add(new ReviewStageRecord { StageKey = stage.Key, Status = StageStatus.Completed });
            }
            review.Stages.Add(new ReviewStageRecord { StageKey = item.Stage, Status = StageStatus.InProgress });
            await references.AssignAsync(review, cancellationToken);
            db.Reviews.Add(review);
            await db.SaveChangesAsync(cancellationToken);
            // The interceptor stamps the seeding "user"; the proposer is who the demo says proposed it.
            review.CreatedBy = item.Proposer.Id;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static string GeneratePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return "Demo-" + RandomNumberGenerator.GetString(alphabet, 16);
    }
}
