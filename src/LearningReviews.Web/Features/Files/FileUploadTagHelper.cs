using LearningReviews.Web.Infrastructure.GovUk;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace LearningReviews.Web.Features.Files;

/// <summary>The GOV.UK file upload component: <c>&lt;govuk-file-upload asp-for="File" label="..." accept="..." /&gt;</c>.</summary>
[HtmlTargetElement("govuk-file-upload", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FileUploadTagHelper : GovUkFieldTagHelper
{
    public string Label { get; set; } = "";
    public string? LabelSize { get; set; }

    /// <summary>A hint to the browser's file chooser only: the server checks every file's bytes whatever it says.</summary>
    public string? Accept { get; set; }

    /// <summary>Lets the chooser pick several files at once (the field then posts one part per file).</summary>
    public bool Multiple { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        StartFormGroup(output);
        var classes = "govuk-file-upload" + (ErrorMessage is null ? "" : " govuk-file-upload--error");
        output.Content.SetHtmlContent(
            $"<label class=\"{LabelClasses("govuk-label", LabelSize)}\" for=\"{Encode(Id)}\">{Encode(Label)}</label>" +
            HintHtml() + ErrorHtml() +
            $"<input class=\"{classes}\" id=\"{Encode(Id)}\" name=\"{Encode(Name)}\" type=\"file\"" +
            Attribute("accept", Accept) + Attribute("aria-describedby", DescribedBy()) + (Multiple ? " multiple" : "") + ">");
    }
}
