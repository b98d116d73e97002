using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Subgroups;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Features.Subgroups;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.Demo;

/// <summary>
/// The demo partnership's subgroups (the four of the starting list): Sunita Gill (subgroup@) chairs the Quality
/// Performance and Action Group and sits on Learning and Improvement, which Beth Morgan (bm@) chairs; Quinn Adams
/// (qa@) chairs Performance Monitoring and Quality Assurance. The Desktop Review's plan (Demo child Heron) awaits
/// the Quality Performance and Action Group's first review; Child C's circle plan was challenged at
/// Performance Monitoring and Quality Assurance's last meeting; the commissioned reviews' plans, still without
/// actions, belong to Learning and Improvement and the LSCB review's to Case Review.
/// </summary>
internal static class SubgroupDemos
{
    public const string QualityPerformance = "Quality Performance and Action Group";
    public const string LearningAndImprovement = "Learning and Improvement";
    public const string PerformanceMonitoring = "Performance Monitoring and Quality Assurance";
    public const string CaseReview = "Case Review";

    public static async Task AddAsync(LearningReviewsDbContext db, AuditLog audit, DemoActor demo, CancellationToken cancellationToken)
    {
        var subgroups = new Dictionary<string, Subgroup>(StringComparer.Ordinal);
        var position = await db.Subgroups.MaxAsync(s => (int?)s.Position, cancellationToken) ?? 0;
        foreach (var (name, description) in SubgroupListSeeding.Seeded)
        {
            // The startup step has made them already, unless an administrator renamed them: then add them again for the demo.
            var subgroup = await db.Subgroups.Include(s => s.Members).FirstOrDefaultAsync(s => s.Name == name, cancellationToken);
            if (subgroup is null)
            {
                subgroup = new Subgroup { Name = name, Description = description, Position = ++position };
                db.Subgroups.Add(subgroup);
            }
            subgroups[name] = subgroup;
        }

        async Task JoinAsync(string subgroup, string account, bool chair = false) =>
            subgroups[subgroup].Members.Add(new SubgroupMember { SubgroupId = subgroups[subgroup].Id, UserId = await demo.IdOfAsync(account), IsChair = chair });
        await JoinAsync(QualityPerformance, "subgroup", chair: true);
        await JoinAsync(QualityPerformance, "bm");
        await JoinAsync(LearningAndImprovement, "bm", chair: true);
        await JoinAsync(LearningAndImprovement, "subgroup");
        await JoinAsync(LearningAndImprovement, "lead");
        await JoinAsync(PerformanceMonitoring, "qa", chair: true);
        await JoinAsync(PerformanceMonitoring, "hol");
        await JoinAsync(CaseReview, "bm", chair: true);
        await db.SaveChangesAsync(cancellationToken);

        var reviews = await db.Reviews.Include(r => r.Cases).ThenInclude(c => c.Case).Include(r => r.Actions).ToListAsync(cancellationToken);
        void Give(Func<Domain.Reviews.Review, bool> which, string subgroup)
        {
            foreach (var review in reviews.Where(which))
            {
                review.SubgroupId = subgroups[subgroup].Id;
                audit.Add(AuditActions.Updated, "ActionPlan", review.Id.ToString(), review.Id, $"Action plan given to subgroup '{subgroup}'");
            }
        }
        Give(r => r.MethodologyKey == "desktop-review", QualityPerformance);
        Give(r => r.MethodologyKey is "thematic-review" or "practitioner-learning-review" or "single-issue-review", LearningAndImprovement);
        Give(r => r.MethodologyKey is "lscb-learning-review" or "rapid-review", CaseReview);
        var childC = reviews.Single(r => r.Cases.Any(c => c.Case?.Label == "Child C"));
        Give(r => r == childC, PerformanceMonitoring);

        // Performance Monitoring and Quality Assurance met about Child C's plan a few days ago and challenged it.
        var action = childC.Actions.Single();
        var meeting = new ActionPlanReview
        {
            ReviewId = childC.Id, SubgroupId = subgroups[PerformanceMonitoring].Id, MeetingOn = demo.Today.AddDays(-3), Outcome = PlanDecision.Challenged,
            Comment = "The plan has one action for a two-year delay: add one for the kinship assessment itself.",
            RecordedByUserId = await demo.IdOfAsync("qa"), RecordedByName = await demo.NameOfAsync("qa"), RecordedAt = demo.Today.AddDays(-3).ToDateTime(new TimeOnly(16, 0), DateTimeKind.Utc),
            Items = [new ActionPlanReviewItem { ActionId = action.Id, ActionWhat = action.What, Outcome = PlanDecision.Approved, Comment = "Audit measure agreed." }],
        };
        db.ActionPlanReviews.Add(meeting);
        audit.Add(AuditActions.Created, nameof(ActionPlanReview), meeting.Id.ToString(), childC.Id, "Subgroup meeting: plan Challenged; 1 actions approved, 0 challenged");
        await db.SaveChangesAsync(cancellationToken);
    }
}
