using LearningReviews.Domain.Access;
using LearningReviews.Domain.Calendar;
using LearningReviews.Domain.Identity;
using LearningReviews.Domain.InformationRequests;
using LearningReviews.Domain.Reviews;

namespace LearningReviews.UnitTests.InformationRequests;

public sealed class InformationRequestRulesTests
{
    private static readonly WorkingDayCalendar Calendar = new();
    private static readonly DateOnly SentOn = new(2026, 12, 14); // a Monday
    private static readonly DateOnly DueOn = new(2026, 12, 29); // the Tuesday after Christmas: 25, 28 December are bank holidays

    private static InformationRequest Request() => new()
    {
        Reasons = "r", KeyLinesOfEnquiry = "k", Scope = "s", DueOn = DueOn, SentAt = new DateTime(2026, 12, 14, 10, 0, 0, DateTimeKind.Utc),
    };

    [Theory]
    [InlineData("desktop-review", InformationRequestKind.Information)]
    [InlineData("practitioner-learning-review", InformationRequestKind.Information)]
    [InlineData("thematic-review", InformationRequestKind.Information)]
    [InlineData("single-issue-review", InformationRequestKind.Information)]
    [InlineData("lscb-learning-review", InformationRequestKind.Information)]
    [InlineData("rapid-review", InformationRequestKind.AgencySummary)]
    public void The_framework_methodologies_and_the_LSCB_review_send_requests_and_a_rapid_review_asks_for_agency_summaries(string key, InformationRequestKind kind) =>
        Assert.Equal(kind, InformationRequestRules.KindFor(key));

    [Theory, InlineData("locality-learning-circle"), InlineData("learning-conversation"), InlineData("practice-learning-day")]
    public void Other_methodologies_send_none(string key) => Assert.Null(InformationRequestRules.KindFor(key));

    [Fact]
    public void The_wording_changes_by_kind()
    {
        Assert.Equal("Individual Agency Summaries", InformationRequestRules.Heading(InformationRequestKind.AgencySummary));
        Assert.Equal("Information requests", InformationRequestRules.Heading(InformationRequestKind.Information));
    }

    [Fact]
    public void The_reminder_day_is_two_working_days_before_skipping_bank_holidays_and_weekends() =>
        // 29 Dec (Tue) back over 28 Dec (substitute Boxing Day), 26-27 (weekend), 25 (Christmas): 24 Dec, then 23 Dec.
        Assert.Equal(new DateOnly(2026, 12, 23), InformationRequestRules.ReminderOn(DueOn, Calendar));

    [Fact]
    public void The_reminder_is_due_from_its_day_until_the_deadline_and_only_once()
    {
        var request = Request();
        Assert.False(InformationRequestRules.ReminderDue(request, new(2026, 12, 22), SentOn, Calendar));
        Assert.True(InformationRequestRules.ReminderDue(request, new(2026, 12, 23), SentOn, Calendar));
        Assert.True(InformationRequestRules.ReminderDue(request, new(2026, 12, 29), SentOn, Calendar)); // a missed run still reminds
        Assert.False(InformationRequestRules.ReminderDue(request, new(2026, 12, 30), SentOn, Calendar)); // overdue instead
        request.ReminderSentAt = DateTime.UtcNow;
        Assert.False(InformationRequestRules.ReminderDue(request, new(2026, 12, 23), SentOn, Calendar));
    }

    [Fact]
    public void An_answered_request_is_neither_reminded_nor_overdue()
    {
        var request = Request();
        request.AnsweredAt = DateTime.UtcNow;
        Assert.False(InformationRequestRules.ReminderDue(request, new(2026, 12, 23), SentOn, Calendar));
        Assert.False(request.IsOverdue(new(2027, 1, 5)));
        Assert.True(Request().IsOverdue(new(2026, 12, 30)));
        Assert.False(Request().IsOverdue(DueOn)); // the deadline day itself is not overdue
    }

    [Fact]
    public void A_request_sent_inside_the_reminder_window_is_not_reminded_the_same_day()
    {
        var request = Request();
        request.DueOn = new DateOnly(2026, 12, 16);
        Assert.False(InformationRequestRules.ReminderDue(request, SentOn, SentOn, Calendar));
        Assert.True(InformationRequestRules.ReminderDue(request, SentOn.AddDays(1), SentOn, Calendar));
    }

    [Fact]
    public void Only_the_asked_agencys_representative_on_an_open_review_answers()
    {
        var agency = Guid.NewGuid();
        var review = new Review { Reference = "LR-2026-0001", MethodologyKey = "desktop-review", Title = "t", CurrentStageKey = "s", ReasonSelected = "r", Status = ReviewStatus.InProgress };
        review.Participants.Add(new Participant { Name = "Rep", UserId = "rep", AgencyId = agency, Role = ReviewRole.AgencyRepresentative });
        review.Participants.Add(new Participant { Name = "Other rep", UserId = "other", AgencyId = Guid.NewGuid(), Role = ReviewRole.AgencyRepresentative });
        review.Participants.Add(new Participant { Name = "Author", UserId = "author", AgencyId = agency, Role = ReviewRole.LeadAuthor });
        var request = Request();
        request.ReviewId = review.Id;
        request.AgencyId = agency;
        UserContext User(string id) => new(id, new HashSet<string> { Roles.AgencyRepresentative }, null);

        Assert.True(InformationRequestAccess.MayAnswer(User("rep"), review, request));
        Assert.False(InformationRequestAccess.MayAnswer(User("other"), review, request)); // another agency
        Assert.False(InformationRequestAccess.MayAnswer(User("author"), review, request)); // same agency, not its representative
        Assert.False(InformationRequestAccess.MayAnswer(User("stranger"), review, request));
        review.Status = ReviewStatus.Closed;
        Assert.False(InformationRequestAccess.MayAnswer(User("rep"), review, request));
    }
}
