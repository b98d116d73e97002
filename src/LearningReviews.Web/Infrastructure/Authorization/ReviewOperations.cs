using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace LearningReviews.Web.Infrastructure.Authorization;

/// <summary>
/// The named things someone may ask to do with a review. Each is decided by ReviewAuthorizationHandler
/// from the rules in ReviewAccessPolicy; pages, POSTs, PDFs and lists ask through IAuthorizationService.
/// </summary>
public static class ReviewOperations
{
    /// <summary>Read the review and its stages, participants, history and Outcomes Form.</summary>
    public static readonly OperationAuthorizationRequirement View = new() { Name = nameof(View) };

    /// <summary>Fill in and save the current stage.</summary>
    public static readonly OperationAuthorizationRequirement EditStage = new() { Name = nameof(EditStage) };

    /// <summary>Move the review on, send it back, or withdraw it.</summary>
    public static readonly OperationAuthorizationRequirement Move = new() { Name = nameof(Move) };

    /// <summary>Add and remove people on the participants page.</summary>
    public static readonly OperationAuthorizationRequirement ManagePeople = new() { Name = nameof(ManagePeople) };

    /// <summary>Comment on a circulated Outcomes Form.</summary>
    public static readonly OperationAuthorizationRequirement Comment = new() { Name = nameof(Comment) };

    /// <summary>Circulate, answer comments, make final, mark sent, make a new version.</summary>
    public static readonly OperationAuthorizationRequirement ManageOutcomesForm = new() { Name = nameof(ManageOutcomesForm) };

    /// <summary>Download the review's PDFs.</summary>
    public static readonly OperationAuthorizationRequirement Export = new() { Name = nameof(Export) };

    /// <summary>Upload documents to the review and circulate them to its participants (downloading one needs View).</summary>
    public static readonly OperationAuthorizationRequirement ManageFiles = new() { Name = nameof(ManageFiles) };

    /// <summary>Book, change and cancel the review's meetings and take their attendance register.</summary>
    public static readonly OperationAuthorizationRequirement ManageMeetings = new() { Name = nameof(ManageMeetings) };

    /// <summary>Enter, import, change and remove one's own agency's chronology entries (Domain/Chronology/ChronologyAccess).</summary>
    public static readonly OperationAuthorizationRequirement EnterChronology = new() { Name = nameof(EnterChronology) };

    /// <summary>See every agency's chronology, the combined view and its exports, and merge or keep likely duplicates.</summary>
    public static readonly OperationAuthorizationRequirement CompileChronology = new() { Name = nameof(CompileChronology) };

    /// <summary>Send information requests (or, in a rapid review, requests for Individual Agency Summaries) to agencies.</summary>
    public static readonly OperationAuthorizationRequirement SendInformationRequests = new() { Name = nameof(SendInformationRequests) };

    /// <summary>Answer one information request: asked with the request (InformationRequestResource), not the review alone.</summary>
    public static readonly OperationAuthorizationRequirement AnswerInformationRequest = new() { Name = nameof(AnswerInformationRequest) };

    /// <summary>Record the national panel's response on a rapid review's clock page.</summary>
    public static readonly OperationAuthorizationRequirement RecordNationalPanelResponse = new() { Name = nameof(RecordNationalPanelResponse) };

    /// <summary>
    /// Record how the review's learning was spread, the publication decision and the publishable summary
    /// (Domain/Publication/PublicationAccess; docs/publication.md). Reading them needs View.
    /// </summary>
    public static readonly OperationAuthorizationRequirement ManagePublication = new() { Name = nameof(ManagePublication) };

    /// <summary>The operations decided on the review alone, which the authorisation matrix test checks against its own statement of the rules.</summary>
    public static IReadOnlyList<OperationAuthorizationRequirement> All { get; } =
        [View, EditStage, Move, ManagePeople, Comment, ManageOutcomesForm, Export, ManageFiles, ManageMeetings, EnterChronology, CompileChronology, ManagePublication];
}
