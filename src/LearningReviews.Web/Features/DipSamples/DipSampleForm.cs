using LearningReviews.Domain.DipSamples;
using LearningReviews.Domain.Text;
using LearningReviews.Web.Infrastructure.GovUk;

namespace LearningReviews.Web.Features.DipSamples;

/// <summary>What a Team Manager typed about one audit. The date arrives as the GOV.UK date pattern (AuditedOn.day/month/year).</summary>
public sealed class DipSampleForm
{
    public string? Kind { get; set; }
    public string? Theme { get; set; }
    public string? AuditedOnDay { get; set; }
    public string? AuditedOnMonth { get; set; }
    public string? AuditedOnYear { get; set; }
    public string? LocalityId { get; set; }
    public string? ServiceArea { get; set; }
    public string? CaseLabel { get; set; }
    public string? CaseRecordNumber { get; set; }
    public string? Findings { get; set; }
    public string? FollowUpNeeded { get; set; }
    public string? FollowUp { get; set; }
    public Guid ConcurrencyToken { get; set; }

    public const int TextMax = 4000;

    public static DipSampleForm From(DipSampleAudit audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        return new DipSampleForm
        {
            Kind = audit.Kind.ToString(), Theme = audit.Theme.ToString(),
            AuditedOnDay = audit.AuditedOn.Day.ToString(System.Globalization.CultureInfo.InvariantCulture), AuditedOnMonth = audit.AuditedOn.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            AuditedOnYear = audit.AuditedOn.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            LocalityId = audit.LocalityId?.ToString(), ServiceArea = audit.ServiceArea, CaseLabel = audit.CaseLabel,
            CaseRecordNumber = audit.CaseRecordNumber, Findings = audit.Findings, FollowUpNeeded = audit.FollowUpNeeded ? "yes" : "no",
            FollowUp = audit.FollowUp, ConcurrencyToken = audit.ConcurrencyToken,
        };
    }

    /// <summary>
    /// The problems with what was typed, keyed by the field the error summary links to (in the order of the fields),
    /// and the audit's values when there are none. The case must be named by its label, never by a child's name:
    /// a label that the publication check takes for a person's name is refused.
    /// </summary>
    public Dictionary<string, string> Check(DateOnly today, IReadOnlySet<Guid> localities, out Checked values)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        values = default;
        if (!Enum.TryParse<DipSampleKind>(Kind, out var kind) || !Enum.IsDefined(kind)) problems["Kind"] = "Select the kind of audit";
        if (!Enum.TryParse<DipSampleTheme>(Theme, out var theme) || !Enum.IsDefined(theme)) problems["Theme"] = "Select the theme";
        DateOnly auditedOn = default;
        if (!GovUkDate.TryRead(AuditedOnDay, AuditedOnMonth, AuditedOnYear, out auditedOn))
            problems["AuditedOn"] = "Enter the date of the audit as a real date, for example 27 3 2026";
        else if (auditedOn > today) problems["AuditedOn"] = "The date of the audit must be today or in the past";
        else if (auditedOn < today.AddYears(-2)) problems["AuditedOn"] = "The date of the audit must be within the last 2 years";
        Guid? locality = null;
        if (!string.IsNullOrWhiteSpace(LocalityId))
        {
            if (Guid.TryParse(LocalityId, out var id) && localities.Contains(id)) locality = id;
            else problems["LocalityId"] = "Select a locality from the list";
        }
        Text(problems, "ServiceArea", ServiceArea, 100, "Enter the service area, for example Early Support");
        Text(problems, "CaseLabel", CaseLabel, 100, "Enter the case's label, for example Child A");
        if (!problems.ContainsKey("CaseLabel")
            && Domain.Publication.IdentifyingDetailsCheck.Check(CaseLabel).Any(f => f.Kind == Domain.Publication.FindingKind.Name))
            problems["CaseLabel"] = "Enter a label such as Child A, not the child's name";
        if (CaseRecordNumber?.Trim().Length > 50) problems["CaseRecordNumber"] = "The case record number must be 50 characters or fewer";
        Text(problems, "Findings", Findings, TextMax, "Enter what the audit found");
        var followUp = FollowUpNeeded switch { "yes" => true, "no" => (bool?)false, _ => null };
        if (followUp is null) problems["FollowUpNeeded"] = "Select whether follow-up is needed";
        else if (followUp == true) Text(problems, "FollowUp", FollowUp, TextMax, "Enter the follow-up needed");
        if (problems.Count == 0)
            values = new Checked(kind, theme, auditedOn, locality, ServiceArea!.Trim(), CaseLabel!.Trim(),
                string.IsNullOrWhiteSpace(CaseRecordNumber) ? null : CaseRecordNumber.Trim(), Findings!.Trim(), followUp == true,
                followUp == true ? FollowUp!.Trim() : null);
        return problems;
    }

    private static void Text(Dictionary<string, string> problems, string key, string? value, int max, string missing)
    {
        if (string.IsNullOrWhiteSpace(value)) problems[key] = missing;
        else if (value.Trim().Length > max) problems[key] = $"This must be {InputLimits.Format(max)} characters or fewer";
    }

    public readonly record struct Checked(DipSampleKind Kind, DipSampleTheme Theme, DateOnly AuditedOn, Guid? LocalityId, string ServiceArea,
        string CaseLabel, string? CaseRecordNumber, string Findings, bool FollowUpNeeded, string? FollowUp)
    {
        public void ApplyTo(DipSampleAudit audit)
        {
            ArgumentNullException.ThrowIfNull(audit);
            audit.Kind = Kind;
            audit.Theme = Theme;
            audit.AuditedOn = AuditedOn;
            audit.Month = DipSampleRules.MonthKey(AuditedOn);
            audit.LocalityId = LocalityId;
            audit.ServiceArea = ServiceArea;
            audit.CaseLabel = CaseLabel;
            audit.CaseRecordNumber = CaseRecordNumber;
            audit.Findings = Findings;
            audit.FollowUpNeeded = FollowUpNeeded;
            audit.FollowUp = FollowUp;
        }
    }
}
