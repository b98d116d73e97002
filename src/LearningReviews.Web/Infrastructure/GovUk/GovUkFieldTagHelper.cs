using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace LearningReviews.Web.Infrastructure.GovUk;

/// <summary>
/// What every GOV.UK form field needs: its name and id, the value to show (what the user typed, if the
/// form came back with errors, otherwise the field's value), the first error for the field, and the
/// surrounding form group.
/// <para>
/// A field is bound either to the page's model with <c>asp-for</c>, or explicitly with <c>name</c>
/// (plus optional <c>id</c>, <c>value</c> and <c>error</c>) for forms built at run time, such as a
/// stage form read from its workflow definition. Either way the id defaults to the name with '.',
/// '[' and ']' made '_', which is the id the error summary links to for an error under that name.
/// </para>
/// </summary>
public abstract class GovUkFieldTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression? For { get; set; }

    /// <summary>The posted name, when the field is not bound with asp-for.</summary>
    [HtmlAttributeName("name")]
    public string? FieldName { get; set => field = Absent(value); }

    /// <summary>The element id; by default made from the name.</summary>
    [HtmlAttributeName("id")]
    public string? FieldId { get; set => field = Absent(value); }

    /// <summary>The value to show when the form is not coming back with what the user typed.</summary>
    [HtmlAttributeName("value")]
    public string? Value { get; set => field = Absent(value); }

    /// <summary>An error to show; by default the first ModelState error under the field's name.</summary>
    [HtmlAttributeName("error")]
    public string? Error { get; set => field = Absent(value); }

    [HtmlAttributeName("hint")]
    public string? Hint { get; set => field = Absent(value); }

    /// <summary>Hides the label or legend visually (screen readers still read it), as in a table's cells.</summary>
    [HtmlAttributeName("label-hidden")]
    public bool LabelHidden { get; set; }

    /// <summary>
    /// Razor passes a string attribute written as <c>attr="@expression"</c> as "" when the expression
    /// is null, so an empty value means "not given" (no empty hint, no empty id).
    /// </summary>
    protected static string? Absent(string? value) => string.IsNullOrEmpty(value) ? null : value;

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = default!;

    protected string Name => For?.Name ?? FieldName
        ?? throw new InvalidOperationException($"A {GetType().Name} needs asp-for or name.");

    protected string Id => FieldId ?? TagBuilder.CreateSanitizedId(Name, "_");

    protected string? ErrorMessage => Error ?? ModelStateError(Name);

    protected string? ModelStateError(string key) =>
        ViewContext.ViewData.ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0
            ? entry.Errors[0].ErrorMessage
            : null;

    /// <summary>What the user typed under <paramref name="key"/>, when the form is being shown again.</summary>
    protected string? AttemptedValue(string key) =>
        ViewContext.ViewData.ModelState.TryGetValue(key, out var entry) ? entry.AttemptedValue : null;

    /// <summary>The attempted value when the form is being shown again, otherwise the given or model's value.</summary>
    protected string CurrentValue
    {
        get
        {
            if (AttemptedValue(Name) is { } attempted) return attempted;
            if (Value is not null) return Value;
            return For?.Model switch
            {
                null => "",
                DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                var other => other.ToString() ?? "",
            };
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

    /// <summary>A label (or legend) class with its size modifier, hidden visually when asked.</summary>
    protected string LabelClasses(string baseClass, string? size) =>
        baseClass + (string.IsNullOrEmpty(size) ? "" : $" {baseClass}--{Encode(size)}") + (LabelHidden ? " govuk-visually-hidden" : "");

    protected static string Attribute(string name, string? value) =>
        value is null ? "" : $" {name}=\"{Encode(value)}\"";

    /// <summary>Starts a GOV.UK fieldset with its legend (for radios, checkboxes and dates).</summary>
    protected string FieldsetStart(string legend, string? legendSize, bool group = false) =>
        $"<fieldset class=\"govuk-fieldset\"{(group ? " role=\"group\"" : "")}{Attribute("aria-describedby", DescribedBy())}>" +
        $"<legend class=\"{LabelClasses("govuk-fieldset__legend", legendSize)}\">{Encode(legend)}</legend>";
}
