using Microsoft.AspNetCore.Razor.TagHelpers;

namespace LearningReviews.Web.Infrastructure.GovUk;

/// <summary>
/// A GOV.UK text input: <c>&lt;govuk-input asp-for="X" label="..." /&gt;</c>, or
/// <c>&lt;govuk-input name="f.x" value="..." label="..." /&gt;</c> for a field built at run time.
/// </summary>
[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class InputTagHelper : GovUkFieldTagHelper
{
    public string Label { get; set; } = "";

    /// <summary>The label's size (s, m, l), or none for body text.</summary>
    public string? LabelSize { get; set; }

    public string Type { get; set; } = "text";
    public string? Width { get; set; }
    public string? Autocomplete { get; set; }

    /// <summary>"numeric" brings up a number keypad on phones, for numbers typed as text (as GOV.UK advises).</summary>
    public string? Inputmode { get; set; }

    public bool Spellcheck { get; set; } = true;
    public bool LabelIsPageHeading { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        StartFormGroup(output);
        var classes = "govuk-input" + (Width is null ? "" : $" govuk-input--width-{Encode(Width)}")
                      + (ErrorMessage is null ? "" : " govuk-input--error");
        var value = Type == "password" ? "" : CurrentValue;
        var label = $"<label class=\"{LabelClasses("govuk-label", LabelIsPageHeading ? "l" : LabelSize)}\" for=\"{Encode(Id)}\">{Encode(Label)}</label>";
        if (LabelIsPageHeading) label = $"<h1 class=\"govuk-label-wrapper\">{label}</h1>";
        output.Content.SetHtmlContent(
            label + HintHtml() + ErrorHtml() +
            $"<input class=\"{classes}\" id=\"{Encode(Id)}\" name=\"{Encode(Name)}\" type=\"{Encode(Type)}\" value=\"{Encode(value)}\"" +
            Attribute("aria-describedby", DescribedBy()) + Attribute("autocomplete", Autocomplete) + Attribute("inputmode", Inputmode) +
            (Spellcheck ? "" : " spellcheck=\"false\"") + ">");
    }
}
