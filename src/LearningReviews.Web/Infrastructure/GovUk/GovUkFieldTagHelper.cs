using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace LearningReviews.Web.Infrastructure.GovUk;

/// <summary>
/// What every GOV.UK form field needs: its name and id from the model expression, the value to show
/// (what the user typed, if the form came back with errors, otherwise the model's value), the first
/// error for the field, and the surrounding form group.
/// </summary>
public abstract class GovUkFieldTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = default!;

    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = default!;

    protected string Name => For.Name;

    protected string Id => TagBuilder.CreateSanitizedId(For.Name, "_");

    protected string? ErrorMessage =>
        ViewContext.ViewData.ModelState.TryGetValue(For.Name, out var entry) && entry.Errors.Count > 0
            ? entry.Errors[0].ErrorMessage
            : null;

    /// <summary>The attempted value when the form is being shown again, otherwise the model's own value.</summary>
    protected string CurrentValue
    {
        get
        {
            if (ViewContext.ViewData.ModelState.TryGetValue(For.Name, out var entry) && entry.AttemptedValue is not null)
            {
                return entry.AttemptedValue;
            }
            return For.Model switch
            {
                null => "",
                DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                var other => other.ToString() ?? "",
            };
        }
    }

    /// <summary>The values currently chosen, for checkboxes.</summary>
    protected IReadOnlySet<string> CurrentValues
    {
        get
        {
            if (ViewContext.ViewData.ModelState.TryGetValue(For.Name, out var entry) && entry.RawValue is not null)
            {
                return entry.RawValue switch
                {
                    string[] many => many.ToHashSet(StringComparer.Ordinal),
                    var one => new HashSet<string>([one.ToString() ?? ""], StringComparer.Ordinal),
                };
            }
            return For.Model is IEnumerable<string> values
                ? values.ToHashSet(StringComparer.Ordinal)
                : new HashSet<string>(StringComparer.Ordinal);
        }
    }

    protected string? DescribedBy(params string?[] extra)
    {
        var ids = new List<string>();
        if (Hint is not null) ids.Add(Id + "-hint");
        if (ErrorMessage is not null) ids.Add(Id + "-error");
        ids.AddRange(extra.Where(e => e is not null)!);
        return ids.Count == 0 ? null : string.Join(' ', ids);
    }

    protected static string Encode(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    protected void StartFormGroup(TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class",
            ErrorMessage is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");
    }

    protected string HintHtml() =>
        Hint is null ? "" : $"<div id=\"{Id}-hint\" class=\"govuk-hint\">{Encode(Hint)}</div>";

    protected string ErrorHtml() =>
        ErrorMessage is null
            ? ""
            : $"<p id=\"{Id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {Encode(ErrorMessage)}</p>";

    protected static string Attribute(string name, string? value) =>
        value is null ? "" : $" {name}=\"{Encode(value)}\"";
}
