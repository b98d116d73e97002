using LearningReviews.Domain.Meetings;

namespace LearningReviews.Web.Features.Meetings;

/// <summary>How an invitee's answer reads, and the GOV.UK tag colour that goes with the words (never instead of them).</summary>
public static class MeetingAnswerNames
{
    public static string Of(MeetingResponse response) => response switch
    {
        MeetingResponse.Accepted => "Will attend",
        MeetingResponse.Declined => "Cannot attend",
        MeetingResponse.Maybe => "Might attend",
        _ => "No answer yet",
    };

    public static string TagClass(MeetingResponse response) => response switch
    {
        MeetingResponse.Accepted => "govuk-tag--green",
        MeetingResponse.Declined => "govuk-tag--red",
        MeetingResponse.Maybe => "govuk-tag--yellow",
        _ => "govuk-tag--grey",
    };
}
