using LearningReviews.Domain.Files;
using LearningReviews.Domain.Meetings;

namespace LearningReviews.Domain.Workflows.Engine;

/// <summary>A meeting of the review that is not cancelled, as the gates and stage forms see it (wall-clock date and start).</summary>
public sealed record MeetingFacts(
    Guid Id, MeetingKind Kind, DateOnly Date, TimeOnly Start, string? Room, bool Online, int Invited, int Accepted, bool RegisterTaken)
{
    public DateTime StartsAt => Date.ToDateTime(Start);
}

/// <summary>An uploaded document of the review: when it came (local date) and when it was first circulated, if it was.</summary>
public sealed record DocumentFacts(Guid Id, DocumentKind Kind, string Title, DateOnly ReceivedOn, DateOnly? CirculatedOn);

/// <summary>
/// What the review keeps as records of their own, which some stage fields and gates read instead of typed
/// answers: its meetings (not cancelled), its documents, and the agencies with entries in its chronology.
/// </summary>
public sealed class ReviewRecords
{
    public static readonly ReviewRecords None = new();

    public IReadOnlyList<MeetingFacts> Meetings { get; init; } = [];
    public IReadOnlyList<DocumentFacts> Documents { get; init; } = [];
    /// <summary>Names of the agencies that have entered or imported chronology entries in the application.</summary>
    public IReadOnlyList<string> ChronologyAgencies { get; init; } = [];

    /// <summary>The meeting of this kind a stage reads: the latest booked (a circle moved or held again is the newest).</summary>
    public MeetingFacts? LatestMeeting(MeetingKind kind) =>
        Meetings.Where(m => m.Kind == kind).MaxBy(m => m.StartsAt);

    /// <summary>The document of this kind that answers a field: the first received, or the first circulated.</summary>
    public DocumentFacts? DocumentFor(DocumentKind kind, bool circulated) =>
        circulated
            ? Documents.Where(d => d.Kind == kind && d.CirculatedOn is not null).MinBy(d => d.CirculatedOn)
            : Documents.Where(d => d.Kind == kind).MinBy(d => d.ReceivedOn);

    /// <summary>How a meeting kind reads in a sentence: "learning circle".</summary>
    public static string Words(MeetingKind kind) => MeetingKindNames.Of(kind).ToLowerInvariant();

    /// <summary>How a document kind reads in a sentence: "chronology", "terms of reference".</summary>
    public static string Words(DocumentKind kind) => kind switch
    {
        DocumentKind.TermsOfReference => "terms of reference",
        DocumentKind.Other => "document",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
