using Microsoft.AspNetCore.Razor.TagHelpers;

namespace LearningReviews.Web.Infrastructure.GovUk;

/// <summary>
/// A GOV.UK fieldset around fields of its own (<c>&lt;govuk-fieldset name="f.x" legend="..."&gt;...&lt;/govuk-fieldset&gt;</c>),
/// with the hint and the error for <c>name</c>: for a question answered in several fields, such as a
/// list of learning points or actions. The first field inside should carry the question's id
/// (<c>id</c>, or the name made into an id) so the error summary link lands on it.
/// </summary>
[HtmlTargetElement("govuk-fieldset")]
public sealed class FieldsetTagHelper : GovUkFieldTagHelper
{
    public string Legend { get; set; } = "";
    public string LegendSize { get; set; } = "s";

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        StartFormGroup(output);
        var content = await output.GetChildContentAsync();
        output.PreContent.SetHtmlContent(FieldsetStart(Legend, LegendSize) + HintHtml() + ErrorHtml());
        output.Content.SetHtmlContent(content);
        output.PostContent.SetHtmlContent("</fieldset>");
    }
}
