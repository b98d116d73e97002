using LearningReviews.Infrastructure.Auditing;

namespace LearningReviews.Web.Features.Audit;

public sealed record AuditLogRow(long? Sequence, DateTime OccurredAt, string? UserName, string Action, string EntityType,
    string? EntityId, string? ReviewReference, string? IpAddress, string? Detail);

public sealed record AuditLogPage(AuditLogFilter Filter, IReadOnlyList<AuditLogRow> Rows, int Page, int Pages, int Total,
    IReadOnlyList<string> Actions, AuditChainCheck ChainCheck)
{
    public AuditChainReport Chain => ChainCheck.Report;
}
