using Microsoft.AspNetCore.Razor.TagHelpers;

namespace LearningReviews.Web.Infrastructure.GovUk;

/// <summary>A GOV.UK text input: <c>&lt;govuk-input asp-for="X" label="..." /&gt;</c>.</summary>
[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class InputTagHelper : GovUkFieldTagHelper
{
    public string Label { get; set; } = "";
    public string Type { get; set; } = "text";
    public string? Width { get; set; }
    public string? Autocomplete { get; set; }
    public bool Spellcheck { get; set; } = true;
    public bool LabelIsPageHeading { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        StartFormGroup(output);
        var classes = "govuk-input" + (Width is null ? "" : $" govuk-input--width-{Width}")
                      + (ErrorMessage is null ? "" : " govuk-input--error");
        var value = Type == "password" ? "" : CurrentValue;
        var label = $"<label class=\"govuk-label{(LabelIsPageHeading ? " govuk-label--l" : "")}\" for=\"{Id}\">{Encode(Label)}</label>";
        if (LabelIsPageHeading) label = $"<h1 class=\"govuk-label-wrapper\">{label}</h1>";
        output.Content.SetHtmlContent(
            label + HintHtml() + ErrorHtml() +
            $"<input class=\"{classes}\" id=\"{Id}\" name=\"{Name}\" type=\"{Encode(Type)}\" value=\"{Encode(value)}\"" +
            Attribute("aria-describedby", DescribedBy()) + Attribute("autocomplete", Autocomplete) +
            (Spellcheck ? "" : " spellcheck=\"false\"") + ">");
    }
}
