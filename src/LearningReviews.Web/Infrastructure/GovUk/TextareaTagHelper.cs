using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace LearningReviews.Web.Infrastructure.GovUk;

/// <summary>
/// A GOV.UK textarea, with a live word count when <c>word-limit</c> is given (see wwwroot/js/app.js;
/// the server enforces the same limit with WordCounter).
/// </summary>
[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class TextareaTagHelper : GovUkFieldTagHelper
{
    public string Label { get; set; } = "";
    public int Rows { get; set; } = 5;
    public int? WordLimit { get; set; }

    /// <summary>The label's size (s, m, l), or empty for body text.</summary>
    public string? LabelSize { get; set; } = "s";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        StartFormGroup(output);
        var countId = WordLimit is null ? null : Id + "-word-count";
        var classes = "govuk-textarea" + (ErrorMessage is null ? "" : " govuk-textarea--error");
        var limit = WordLimit?.ToString(CultureInfo.InvariantCulture);
        var countHtml = WordLimit is null
            ? ""
            : $"<div id=\"{Encode(countId)}\" class=\"govuk-hint govuk-character-count__message\" aria-live=\"polite\">You can enter up to {limit} words</div>";
        output.Content.SetHtmlContent(
            $"<label class=\"{LabelClasses("govuk-label", LabelSize)}\" for=\"{Encode(Id)}\">{Encode(Label)}</label>" +
            HintHtml() + ErrorHtml() +
            $"<textarea class=\"{classes}\" id=\"{Encode(Id)}\" name=\"{Encode(Name)}\" rows=\"{Rows.ToString(CultureInfo.InvariantCulture)}\"" +
            Attribute("data-word-limit", limit) + Attribute("aria-describedby", DescribedBy(countId)) + ">" +
            Encode(CurrentValue) + "</textarea>" + countHtml);
    }
}
