using LearningReviews.Domain.Access;
using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Meetings;
using LearningReviews.Domain.Organisation;
using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Workflows;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Identity;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Features.Outcomes;
using LearningReviews.Web.Features.Reviews;
using LearningReviews.Web.Features.Workflow;
using LearningReviews.Web.Infrastructure;
using LearningReviews.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.Demo;

/// <summary>The services a demo step goes through: the same ones the pages use.</summary>
internal sealed record DemoServices(
    LearningReviewsDbContext Db,
    IHttpContextAccessor Http,
    IUserClaimsPrincipalFactory<ApplicationUser> Principals,
    WorkflowCatalogue Catalogue,
    ReviewQueries Queries,
    ReviewProposalService Proposals,
    ReviewWorkflowService Workflow,
    StageAnswersWriter Writer,
    OutcomesFormService Outcomes,
    AuditLog Audit,
    PartnershipTime Time);

/// <summary>
/// Moves demo reviews on as the demo accounts would: each step runs signed in as that account (its
/// real claims, so audit entries, transitions and "created by" name it), loads the review through the
/// access rules, reads the answers with the stage form's own reader, and saves through the workflow
/// services. A step the account could not take on the page fails seeding instead of writing data
/// no user could have made.
/// </summary>
internal sealed class DemoActor(DemoServices services)
{
    private readonly Dictionary<string, ApplicationUser> accounts = new(StringComparer.OrdinalIgnoreCase);

    public DateOnly Today => services.Time.Today;

    /// <summary>The user id of a demo account ("lead" for lead@demo.example), which is what person fields post.</summary>
    public async Task<string> IdOfAsync(string account) => (await AccountAsync(account)).Id;

    public async Task<string> NameOfAsync(string account) => (await AccountAsync(account)).DisplayName;

    public Task<Guid> ProposeAsync(string account, string methodologyKey, Locality locality, string? reasonKey, string detail,
        string label, params string[] otherLabels) =>
        ProposeWithRecordNumberAsync(account, methodologyKey, locality, reasonKey, detail, null, [label, .. otherLabels]);

    public async Task<Guid> ProposeWithRecordNumberAsync(string account, string methodologyKey, Locality locality, string? reasonKey,
        string detail, string? caseRecordNumber, string[] labels)
    {
        var methodology = services.Catalogue.Newest(methodologyKey)
                          ?? throw new InvalidOperationException($"No {methodologyKey} definition is installed.");
        var proposer = await AccountAsync(account);
        return await AsAsync(account, async _ =>
        {
            var review = await services.Proposals.ProposeAsync(new ReviewProposal(
                methodology, labels, locality.Id, caseRecordNumber, reasonKey, detail, proposer.DisplayName));
            return review.Id;
        });
    }

    /// <summary>Saves a stage form, as pressing "Save and continue" on the stage page does.</summary>
    public Task SaveAsync(string account, Guid reviewId, string stageKey, DemoForm form) =>
        AsAsync(account, async user =>
        {
            var review = await LoadAsync(reviewId, user);
            var stage = services.Workflow.DefinitionOf(review).FindStage(stageKey)
                        ?? throw new InvalidOperationException($"{review.MethodologyKey} has no stage {stageKey}.");
            if (stageKey != review.CurrentStageKey || !services.Workflow.MovesFor(user, review).MayEditCurrentStage)
                throw Refused(account, review, $"cannot edit {stageKey}");
            var record = ReviewWorkflowService.LatestRecords(review).GetValueOrDefault(stageKey);
            if (record is null)
            {
                record = new ReviewStageRecord
                {
                    ReviewId = review.Id, StageKey = stageKey, Status = StageStatus.InProgress,
                    StartedAt = services.Time.Now.ToUniversalTime(),
                };
                review.Stages.Add(record);
                services.Db.StageRecords.Add(record);
            }
            var problems = new ModelStateDictionary();
            var submission = StageFormReader.Read(stage, form.ToFormCollection(), problems, services.Time.Today);
            if (!problems.IsValid)
            {
                throw Refused(account, review, "answers not accepted: " + string.Join("; ",
                    problems.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)));
            }
            await services.Writer.SaveAsync(review, stage, record, submission);
            services.Audit.Add(AuditActions.Updated, "Stage", stageKey, review.Id, "Answers saved");
            await services.Db.SaveChangesAsync();
            return 0;
        });

    /// <summary>
    /// Books a meeting of the review, as "Book a meeting" on its meetings page does, with the accounts named
    /// invited (and accepted). When <paramref name="attended"/> is given, the register is taken as well: those
    /// accounts came. Demo data sends no invitations.
    /// </summary>
    public Task BookMeetingAsync(string account, Guid reviewId, MeetingKind kind, DateOnly date, TimeOnly start, string? room,
        string[]? invited = null, string[]? attended = null) =>
        AsAsync(account, async user =>
        {
            var review = await LoadAsync(reviewId, user);
            var meeting = new Meeting
            {
                ReviewId = review.Id, Kind = kind, Date = date, Start = start, Room = room,
                DurationMinutes = MeetingKindNames.DefaultDurationMinutes(kind),
            };
            foreach (var who in invited ?? [])
            {
                var person = await AccountAsync(who);
                meeting.Invitees.Add(new MeetingInvitee
                {
                    UserId = person.Id, Name = person.DisplayName, Email = person.Email!, Response = MeetingResponse.Accepted,
                    Attendance = attended is null ? MeetingAttendance.NotRecorded
                        : attended.Contains(who, StringComparer.OrdinalIgnoreCase) ? MeetingAttendance.Attended : MeetingAttendance.SentApologies,
                });
            }
            services.Db.Meetings.Add(meeting);
            services.Audit.Add(AuditActions.Created, nameof(Meeting), meeting.Id.ToString(), review.Id,
                $"{meeting.Kind} on {meeting.Date:yyyy-MM-dd}, {meeting.Invitees.Count} invited");
            await services.Db.SaveChangesAsync();
            services.Workflow.ForgetRecords(review.Id);
            return 0;
        });

    /// <summary>Presses "Complete stage and continue".</summary>
    public Task AdvanceAsync(string account, Guid reviewId) =>
        AsAsync(account, async user =>
        {
            var review = await LoadAsync(reviewId, user);
            var result = await services.Workflow.AdvanceAsync(user, review, review.ConcurrencyToken);
            if (!result.Succeeded) throw Refused(account, review, result.Message);
            return 0;
        });

    /// <summary>Makes the Learning Review Outcomes Form final, as its lead author does on the form's page.</summary>
    public Task FinaliseOutcomesFormAsync(string account, Guid reviewId) =>
        AsAsync(account, async user =>
        {
            var review = await LoadAsync(reviewId, user);
            var result = await services.Outcomes.FinaliseAsync(user, review, OutcomesFormService.Current(review).ConcurrencyToken);
            if (!result.Succeeded) throw Refused(account, review, result.Message);
            return 0;
        });

    /// <summary>Adds someone on the "Add or remove people" page, optionally involved with one family only.</summary>
    public Task AddParticipantAsync(string account, Guid reviewId, string who, ReviewRole role, string? familyLabel = null) =>
        AsAsync(account, async user =>
        {
            var review = await LoadAsync(reviewId, user);
            var person = await AccountAsync(who);
            Guid? caseId = familyLabel is null ? null : review.Cases.Single(c => c.Case!.Label == familyLabel).CaseId;
            var participant = new Participant
            {
                ReviewId = review.Id, UserId = person.Id, Name = person.DisplayName, Email = person.Email,
                AgencyId = person.AgencyId, Role = role, CaseId = caseId,
            };
            review.Participants.Add(participant);
            services.Db.Participants.Add(participant);
            services.Audit.Add(AuditActions.Created, nameof(Participant), participant.Id.ToString(), review.Id, $"Added as {participant.Role}");
            await services.Db.SaveChangesAsync();
            return 0;
        });

    /// <summary>
    /// Runs one step signed in as the account. The request context is set here, in the same async flow
    /// as the step, because a value set in a called method would not flow back to its caller.
    /// </summary>
    private async Task<T> AsAsync<T>(string account, Func<UserContext, Task<T>> step)
    {
        var principal = await services.Principals.CreateAsync(await AccountAsync(account));
        var previous = services.Http.HttpContext;
        services.Http.HttpContext = new DefaultHttpContext { User = principal };
        // Each step starts from the database, as a fresh request would.
        services.Db.ChangeTracker.Clear();
        try
        {
            return await step(UserContextFactory.From(principal));
        }
        finally
        {
            services.Http.HttpContext = previous;
        }
    }

    private async Task<Review> LoadAsync(Guid reviewId, UserContext user) =>
        await services.Queries.FindForUserAsync(reviewId, user, tracking: true)
        ?? throw new InvalidOperationException($"Demo account {user.UserId} cannot see review {reviewId}.");

    private async Task<ApplicationUser> AccountAsync(string account)
    {
        var email = account.Contains('@', StringComparison.Ordinal) ? account : $"{account}@{DemoDataSeeder.Domain}";
        if (accounts.TryGetValue(email, out var known)) return known;
        var user = await services.Db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
        accounts[email] = user;
        return user;
    }

    private static InvalidOperationException Refused(string account, Review review, string why) =>
        new($"Demo step refused for {account} on {review.Reference} at {review.CurrentStageKey}: {why}");
}
