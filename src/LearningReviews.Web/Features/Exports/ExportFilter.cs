using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace LearningReviews.Web.Features.Exports;

/// <summary>The export page's filters, as they come from its GET form (nothing changes, so GET is right).</summary>
public sealed class ExportFilter
{
    public string? Methodology { get; set; }

    /// <summary>"final" (the default: what is ready to share), "draft", or "all".</summary>
    public string? Status { get; set; }

    /// <summary>
    /// The dates the list is filtered on. Not bound: the controller reads them from the GOV.UK date
    /// boxes (or an old-style From=yyyy-MM-dd link) and leaves out a date that is wrong.
    /// </summary>
    [BindNever]
    public DateOnly? From { get; set; }

    [BindNever]
    public DateOnly? To { get; set; }

    /// <summary>What the From and To boxes held, shown again as typed.</summary>
    [BindNever]
    public ExportDateFilter FromTyped { get; set; } = ExportDateFilter.None;

    [BindNever]
    public ExportDateFilter ToTyped { get; set; } = ExportDateFilter.None;
    public string? Theme { get; set; }

    public IEnumerable<SelectListItem> MethodologyChoices { get; set; } = [];

    public static IReadOnlyList<SelectListItem> StatusChoices { get; } =
    [
        new("Final only", "final"),
        new("Drafts and forms out for comment", "draft"),
        new("Everything", "all"),
    ];

    /// <summary>The filters as a query string (without the page), so the paging links keep them.</summary>
    public string QueryString()
    {
        var parts = new List<KeyValuePair<string, string?>> { new(nameof(Methodology), Methodology), new(nameof(Status), EffectiveStatus), new(nameof(Theme), Theme) };
        foreach (var (name, typed) in new[] { (nameof(From), FromTyped), (nameof(To), ToTyped) })
        {
            parts.Add(new(name + ".day", typed.Day));
            parts.Add(new(name + ".month", typed.Month));
            parts.Add(new(name + ".year", typed.Year));
        }
        return Microsoft.AspNetCore.Http.QueryString.Create(parts.Where(p => !string.IsNullOrEmpty(p.Value))).ToString();
    }

    public string EffectiveStatus => Status is "draft" or "all" ? Status : "final";
}

/// <summary>One document that can be downloaded: an Outcomes Form version or a review's record.</summary>
public sealed record ExportRow(
    Guid ReviewId, string Reference, string Title, string MethodologyKey, string Methodology, string Kind, int Version, string Status, bool IsFinal,
    DateOnly Date, string DownloadUrl);
