using System.Security.Cryptography;
using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Identity;
using LearningReviews.Domain.Workflows;
using LearningReviews.Domain.Organisation;
using LearningReviews.Infrastructure.Identity;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Web.Features.Outcomes;
using LearningReviews.Web.Features.Reviews;
using LearningReviews.Web.Features.Users;
using LearningReviews.Web.Features.Workflow;
using LearningReviews.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.Demo;

public enum DemoSeedOutcome { Seeded, AlreadyPresent, RefusedRealData }

public sealed record DemoSeedResult(DemoSeedOutcome Outcome, string? GeneratedPassword);

/// <summary>A demo account could not be made, most often because the chosen password was refused.</summary>
public sealed class DemoAccountRefusedException(string message) : InvalidOperationException(message);

/// <summary>
/// Creates a demo partnership for trying the product: agencies, localities, one account per role and
/// a review of each of the nine kinds, at different stages. The reviews are made by the demo accounts
/// through the same services the pages use (see <see cref="DemoActor"/>), so they hold exactly what
/// users would have entered. Everything is written in one transaction. It refuses to touch a database
/// that holds anything other than demo data, and does nothing when the demo data is already there.
/// </summary>
public sealed class DemoDataSeeder(
    LearningReviewsDbContext db,
    AccountProvisioning provisioning,
    IHttpContextAccessor http,
    IUserClaimsPrincipalFactory<ApplicationUser> principals,
    WorkflowCatalogue catalogue,
    ReviewQueries queries,
    ReviewProposalService proposals,
    ReviewWorkflowService workflow,
    StageAnswersWriter writer,
    OutcomesFormService outcomes,
    AuditLog audit,
    PartnershipTime time)
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

        // All or nothing: a half-seeded database would look "already present" and never be finished.
        // The execution strategy lets a provider configured to retry run the transaction as one unit.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await SeedPartnershipAsync(password!, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        db.ChangeTracker.Clear();
        return new(DemoSeedOutcome.Seeded, generated);
    }

    private async Task SeedPartnershipAsync(string password, CancellationToken cancellationToken)
    {
        var agencies = AgencyNames.Select(name => new Agency { Name = name }).ToList();
        var localities = LocalityNames.Select(name => new Locality { Name = name }).ToList();
        db.Agencies.AddRange(agencies);
        db.Localities.AddRange(localities);
        await db.SaveChangesAsync(cancellationToken);
        var (north, south, east) = (localities[0], localities[1], localities[2]);

        foreach (var (email, name, role) in Accounts)
        {
            var agency = role == Roles.AgencyRepresentative ? agencies[1] : agencies[0];
            var result = await provisioning.CreateAsync(new NewAccount(name, email, [role], agency.Id,
                role == Roles.Administrator ? null : north.Id, password, IsDemo: true));
            if (!result.Succeeded)
            {
                throw new DemoAccountRefusedException(
                    "Could not create demo account " + email + ": " + string.Join("; ", result.Errors.Select(e => e.Description)));
            }
        }

        var demo = new DemoActor(new DemoServices(db, http, principals, catalogue, queries, proposals, workflow, writer, outcomes, audit, time));
        // Safeguarding leads for the two agencies with demo accounts, so an overdue action's escalation reaches someone
        // after its owner (docs/action-plans.md): Sam Mitchell (sm@) for Children's Social Care, Andy Agbaje (agency@) for Police.
        foreach (var (agency, account) in new[] { (agencies[0], "sm"), (agencies[1], "agency") })
        {
            agency.LeadUserId = await demo.IdOfAsync(account);
            audit.Add(AuditActions.Updated, nameof(Agency), agency.Id.ToString(), detail: $"Agency '{agency.Name}' safeguarding lead set to user {agency.LeadUserId}");
        }
        // Saved now: the demo actor works each review through in its own unit of work.
        await db.SaveChangesAsync(cancellationToken);
        await LocalityLearningCircleDemos.AddAsync(demo, north, south);
        await CommissionedReviewDemos.AddAsync(demo, north, south, east);
        await EarlyHelpAndRapidDemos.AddAsync(demo, north, south);
        await SubgroupDemos.AddAsync(db, audit, demo, cancellationToken);
        await ThemeDemos.AddAsync(db, audit, cancellationToken);
    }

    private static string GeneratePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return "Demo-" + RandomNumberGenerator.GetString(alphabet, 16);
    }
}
