using System.Net;
using System.Security.Claims;
using LearningReviews.Domain.Access;
using LearningReviews.Domain.Identity;
using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Workflows;
using LearningReviews.Infrastructure.Identity;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.IntegrationTests.Infrastructure;
using LearningReviews.Web.Features.Reviews;
using LearningReviews.Web.Infrastructure.Authorization;
using LearningReviews.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningReviews.IntegrationTests.Security;

/// <summary>
/// Every methodology x role x standing x operation: the answer the issue's rules give (worked out here,
/// independently of the app's code) against the answer the app's IAuthorizationService gives, for real
/// reviews in a real database, at every stage of each. The view rule is also checked as the database
/// query the lists use. A smaller sample goes through the pages over HTTP on both databases.
/// </summary>
public sealed class AuthorisationMatrixTests
{
    private static readonly string[] LocalityManagers = [Roles.HeadOfLocality, Roles.ServiceManager, Roles.TeamManager];
    private static readonly ReviewRole[] Subjects = [ReviewRole.Learner, ReviewRole.Practitioner];

    /// <summary>Someone asking: their account (id, organisational roles, locality) and what they are in the review.</summary>
    private sealed record Asker(string Standing, string UserId, string[] OrgRoles, Guid? Locality, ReviewRole[] ReviewRoles, bool IsCreator, Guid? Family);

    [Fact]
    public async Task Every_operation_answers_what_the_rules_say_for_every_methodology_role_standing_and_stage()
    {
        await using var app = await AppFactory.StartAsync(Provider.Sqlite);
        await app.SeedDemoAsync();
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<LearningReviewsDbContext>();
        var authorization = services.GetRequiredService<IAuthorizationService>();
        var catalogue = services.GetRequiredService<WorkflowCatalogue>();
        var queries = services.GetRequiredService<ReviewQueries>();
        var localities = await db.Localities.Select(l => l.Id).ToListAsync();

        var mismatches = new List<string>();
        var asked = 0;
        foreach (var methodology in catalogue.Latest)
        {
            var reviewId = await db.Reviews.Where(r => r.MethodologyKey == methodology.Key)
                .OrderByDescending(r => r.Cases.Count).Select(r => r.Id).FirstAsync();
            var askers = await AddAskersAsync(db, reviewId, methodology, localities);
            db.ChangeTracker.Clear();
            var review = await db.Reviews.AsNoTracking().Include(r => r.Cases).Include(r => r.Participants).SingleAsync(r => r.Id == reviewId);
            var definition = catalogue.Find(review.MethodologyKey, review.DefinitionVersion)!;

            foreach (var asker in askers)
            {
                // The view rule as the lists' database query gives the same answer as the handler.
                var listed = await queries.VisibleTo(UserContextFactory.From(Principal(asker))).AnyAsync(r => r.Id == reviewId);
                if (listed != ExpectSee(asker, review, definition)) mismatches.Add($"{definition.Key} {asker.Standing}: listed={listed}");
            }

            foreach (var (stage, status) in definition.Stages.Select(s => (s, ReviewStatus.InProgress))
                         .Append((definition.Stages[^1], ReviewStatus.Closed)).Append((definition.Stages[0], ReviewStatus.Withdrawn)))
            {
                review.CurrentStageKey = stage.Key;
                review.Status = status;
                foreach (var asker in askers)
                {
                    var principal = Principal(asker);
                    foreach (var operation in ReviewOperations.All)
                    {
                        var actual = (await authorization.AuthorizeAsync(principal, review, operation)).Succeeded;
                        var expected = Expect(operation, asker, review, definition);
                        asked++;
                        if (actual != expected)
                        {
                            mismatches.Add($"{definition.Key} at {stage.Key} ({status}) {asker.Standing}: {operation.Name} app={actual} rules={expected}");
                        }
                    }
                }
            }
        }

        Assert.True(asked > 10_000, $"Only {asked} questions were asked");
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} answers differ from the rules, e.g.:\n" + string.Join('\n', mismatches.Take(25)));
    }

    /// <summary>
    /// The demo accounts on real pages: a review page answers 200 exactly when the service allows View, the
    /// participants page offers adding people exactly when it allows ManagePeople, the review page offers
    /// withdrawal exactly when it allows Move, and the record PDF downloads exactly when it allows Export.
    /// </summary>
    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task The_pages_answer_as_the_authorisation_service_does(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        await app.SeedDemoAsync();
        var reviews = await app.WithDbAsync(db => db.Reviews
            .Where(r => r.MethodologyKey == "locality-learning-circle" || r.MethodologyKey == "thematic-review" || r.MethodologyKey == "practice-learning-day")
            .Select(r => r.Id).ToListAsync());
        string[] accounts = ["hol", "tm", "practitioner", "qa", "bm", "subgroup", "agency", "admin"];
        var compared = 0;
        foreach (var account in accounts)
        {
            using var browser = await app.SignedInAsAsync($"{account}@demo.example");
            foreach (var id in reviews)
            {
                var allowed = await AskAsync(app, $"{account}@demo.example", id, ReviewOperations.View, ReviewOperations.ManagePeople, ReviewOperations.Move, ReviewOperations.Export);
                var page = await browser.GetAsync($"/reviews/{id}");
                Assert.Equal(allowed[0] ? HttpStatusCode.OK : HttpStatusCode.NotFound, page.Status);
                var record = await browser.Client.GetAsync($"/reviews/{id}/record.pdf");
                Assert.Equal(allowed[3] ? HttpStatusCode.OK : HttpStatusCode.NotFound, record.StatusCode);
                if (!allowed[0]) continue;
                Assert.Equal(allowed[2], page.Html.QuerySelector($"form[action='/reviews/{id}/withdraw']") is not null);
                var people = await browser.GetAsync($"/reviews/{id}/participants");
                Assert.Equal(allowed[1], people.Html.QuerySelector($"form[action='/reviews/{id}/participants']") is not null);
                compared++;
            }
        }
        Assert.True(compared > 10, $"Only {compared} visible reviews were compared");
    }

    private static async Task<bool[]> AskAsync(AppFactory app, string email, Guid reviewId, params OperationAuthorizationRequirement[] operations)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync((await users.FindByEmailAsync(email))!);
        var db = services.GetRequiredService<LearningReviewsDbContext>();
        var review = await db.Reviews.AsNoTracking().Include(r => r.Cases).Include(r => r.Participants).SingleAsync(r => r.Id == reviewId);
        var authorization = services.GetRequiredService<IAuthorizationService>();
        var answers = new bool[operations.Length];
        for (var i = 0; i < operations.Length; i++) answers[i] = (await authorization.AuthorizeAsync(principal, review, operations[i])).Succeeded;
        return answers;
    }

    /// <summary>
    /// Puts people in the review in every review role (and, for a review of several families, tied to one
    /// family), and lines up everyone to ask: each of them with each organisational role from each
    /// locality, the review's proposer likewise, and people who take no part.
    /// </summary>
    private static async Task<List<Asker>> AddAskersAsync(LearningReviewsDbContext db, Guid reviewId, WorkflowDefinition methodology, List<Guid> localities)
    {
        var review = await db.Reviews.Include(r => r.Cases).SingleAsync(r => r.Id == reviewId);
        var here = review.LocalityId;
        var elsewhere = localities.First(l => l != here);
        string[][] orgRoleChoices = [[], .. typeof(Roles).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).Select(r => new[] { r })];
        Guid?[] localityChoices = [here, elsewhere];
        var askers = new List<Asker>();

        void Everyone(string standing, string userId, ReviewRole[] roles, bool creator, Guid? family)
        {
            foreach (var orgRoles in orgRoleChoices)
            {
                foreach (var locality in localityChoices)
                {
                    askers.Add(new Asker($"{standing} [{string.Join('+', orgRoles)} of {(locality == here ? "its locality" : "another locality")}]",
                        userId, orgRoles, locality, roles, creator, family));
                }
            }
        }

        foreach (var role in Enum.GetValues<ReviewRole>())
        {
            var userId = $"matrix-{methodology.Key}-{role}";
            db.Participants.Add(new Participant { ReviewId = reviewId, UserId = userId, Name = $"Matrix {role}", Role = role });
            Everyone($"participant as {role}", userId, [role], false, null);
        }
        if (review.Cases.Count > 1)
        {
            var family = review.Cases.OrderBy(c => c.CaseId).First().CaseId;
            foreach (var role in new[] { ReviewRole.Practitioner, ReviewRole.LeadAuthor })
            {
                var userId = $"matrix-{methodology.Key}-family-{role}";
                db.Participants.Add(new Participant { ReviewId = reviewId, UserId = userId, Name = $"Matrix family {role}", Role = role, CaseId = family });
                Everyone($"family-tied {role}", userId, [role], false, family);
            }
        }
        if (review.CreatedBy is { } creator)
        {
            var creatorRoles = await db.Participants.Where(p => p.ReviewId == reviewId && p.UserId == creator).Select(p => p.Role).ToListAsync();
            Everyone("proposer", creator, [.. creatorRoles], true, null);
        }
        Everyone("outsider (overseer when the role oversees)", $"matrix-{methodology.Key}-outsider", [], false, null);
        await db.SaveChangesAsync();
        return askers;
    }

    private static ClaimsPrincipal Principal(Asker asker)
    {
        var identity = new ClaimsIdentity("Matrix");
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, asker.UserId));
        foreach (var role in asker.OrgRoles) identity.AddClaim(new Claim(ClaimTypes.Role, role));
        if (asker.Locality is { } locality) identity.AddClaim(new Claim(LearningReviewsClaimsPrincipalFactory.LocalityClaim, locality.ToString()));
        return new ClaimsPrincipal(identity);
    }

    // ---- The rules, as issue 9 states them ----

    private static readonly ReviewRole[] RunningRoles = [ReviewRole.LeadAuthor, ReviewRole.LeadReviewer, ReviewRole.Chair, ReviewRole.Coordinator];

    private static bool SameLocality(Asker asker, Review review) => review.LocalityId is { } l && asker.Locality == l;

    /// <summary>Those taking part, the proposer, the overseeing roles of the kind, and a locality methodology's own managers.</summary>
    private static bool ExpectSee(Asker asker, Review review, WorkflowDefinition definition) =>
        asker.IsCreator || asker.ReviewRoles.Length > 0
        || asker.OrgRoles.Any(definition.Oversight.Contains)
        || (definition.LocalityOversight && SameLocality(asker, review) && asker.OrgRoles.Any(LocalityManagers.Contains));

    private static ReviewRole[] RolesOf(Asker asker) => asker.IsCreator ? [.. asker.ReviewRoles, ReviewRole.Proposer] : asker.ReviewRoles;

    /// <summary>
    /// A review role the stage names; or an organisational role the stage names with a standing that justifies
    /// it (the kind's overseeing role, the locality's managers for a locality methodology, or taking part in
    /// a role that is not a subject's, from the same locality when the methodology is locality-based). A
    /// Learner or a practitioner being reviewed acts only where the stage names their review role.
    /// </summary>
    private static (bool Acts, bool AsSubjectOnly) ExpectAct(Asker asker, Review review, WorkflowDefinition definition, StageDefinition stage)
    {
        var roles = RolesOf(asker);
        var named = roles.Where(r => stage.Actors.ReviewRoles.Contains(r.ToString())).ToList();
        if (named.Any(r => !Subjects.Contains(r))) return (true, false);
        if (roles.Any(Subjects.Contains)) return (named.Count > 0, named.Count > 0);
        var standing = asker.OrgRoles.Where(stage.Actors.Roles.Contains).Any(role =>
            definition.Oversight.Contains(role)
            || (definition.LocalityOversight && LocalityManagers.Contains(role) && SameLocality(asker, review))
            || (roles.Length > 0 && (!definition.LocalityOversight || SameLocality(asker, review))));
        return (standing, false);
    }

    private static bool Expect(OperationAuthorizationRequirement operation, Asker asker, Review review, WorkflowDefinition definition)
    {
        if (!ExpectSee(asker, review, definition)) return false;
        var open = review.Status is ReviewStatus.Proposed or ReviewStatus.InProgress;
        var current = definition.FindStage(review.CurrentStageKey)!;
        var formStage = definition.OutcomesForm is { } form ? definition.FindStage(form.Stage) : null;
        // Outcomes Form steps only at the form's stage or the comment stage whose gate needs the final form.
        var formWindow = open && formStage is not null
            && (current.Key == formStage.Key || current.Gates.Any(g => g.Kind == GateKind.OutcomesFormFinal));
        return operation.Name switch
        {
            nameof(ReviewOperations.View) or nameof(ReviewOperations.Export) => true,
            nameof(ReviewOperations.EditStage) or nameof(ReviewOperations.Move) => open && ExpectAct(asker, review, definition, current).Acts,
            nameof(ReviewOperations.ManagePeople) or nameof(ReviewOperations.ManageMeetings) => open && ExpectAct(asker, review, definition, current) is (true, false),
            nameof(ReviewOperations.Comment) => formWindow,
            nameof(ReviewOperations.ManageOutcomesForm) => formWindow && ExpectAct(asker, review, definition, formStage!).Acts,
            // Documents: acting at the current stage (not only as a subject) or running the review, seeing every family.
            nameof(ReviewOperations.ManageFiles) => open && (asker.Family is null || review.Cases.Count <= 1)
                && (ExpectAct(asker, review, definition, current) is (true, false) || RolesOf(asker).Any(RunningRoles.Contains)),
            // The matrix's participants have no agency, so none enters chronology entries; ChronologyTests cover agencies.
            nameof(ReviewOperations.EnterChronology) => false,
            // The whole chronology: overseers of the kind and the review's compilers, never someone tied to one family.
            nameof(ReviewOperations.CompileChronology) => (review.Cases.Count <= 1 || asker.Family is null)
                && (asker.OrgRoles.Any(definition.Oversight.Contains)
                    || RolesOf(asker).Any(r => r is ReviewRole.LeadAuthor or ReviewRole.LeadReviewer or ReviewRole.Chair or ReviewRole.Coordinator)),
            // Dissemination, the publication decision and the publishable summary come after the conclusion (seed 003
            // section 4): open or closed but never withdrawn; those running the review, or acting other than as a subject
            // at the stage where it concludes (its Outcomes Form stage, else its last); never someone tied to one family.
            nameof(ReviewOperations.ManagePublication) => review.Status != ReviewStatus.Withdrawn
                && (review.Cases.Count <= 1 || asker.Family is null)
                && (RolesOf(asker).Any(RunningRoles.Contains)
                    || ExpectAct(asker, review, definition, formStage ?? definition.Stages[^1]) is (true, false)),
            _ => throw new InvalidOperationException(operation.Name),
        };
    }
}
