using LearningReviews.Domain.InformationRequests;
using LearningReviews.Domain.Reviews;
using LearningReviews.Web.Features.Reviews;

namespace LearningReviews.Web.Features.InformationRequests;

/// <summary>One request as a list shows it.</summary>
public sealed record InformationRequestRow(InformationRequest Request, string AgencyName, string RecipientName, bool Overdue);

/// <summary>The review's requests, and the send form for those who may send.</summary>
public sealed record InformationRequestsPage(Review Review, string MethodologyName, InformationRequestKind Kind,
    IReadOnlyList<InformationRequestRow> Requests, bool MaySend, IReadOnlyList<Participant> Recipients, FamilyRedactor Redactor)
{
    public string Heading => InformationRequestRules.Heading(Kind);
    public string Name => InformationRequestRules.Name(Kind);

    /// <summary>What was typed into the send form, shown again with its errors.</summary>
    public IReadOnlyCollection<string> ChosenRecipients { get; init; } = [];
    public string? Reasons { get; init; }
    public string? Enquiry { get; init; }
    public string? Scope { get; init; }
    public (string? Day, string? Month, string? Year) Due { get; init; }
}

/// <summary>One request, with its answer, and the answer form for the agency's representative.</summary>
public sealed record InformationRequestPage(Review Review, InformationRequestRow Row, bool MayAnswer, FamilyRedactor Redactor,
    IReadOnlyList<AnswerDocument> Attachments)
{
    public string Name => InformationRequestRules.Name(Row.Request.Kind);

    /// <summary>What was typed into the answer form, shown again with its errors (null: show the saved answer).</summary>
    public AnswerRequest? Typed { get; init; }

    public string? Good => Typed is null ? Row.Request.GoodPractice : Typed.GoodPractice;
    public string? Different => Typed is null ? Row.Request.DoneDifferently : Typed.DoneDifferently;
    public string? Note => Typed is null ? Row.Request.IssuesOfNote : Typed.IssuesOfNote;
}

/// <summary>A document that came with the answer, as the request's page lists it.</summary>
public sealed record AnswerDocument(Guid FileId, string DisplayName, long Length, string UploadedByName, DateTime UploadedAt);
