using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace LearningReviews.Web.Infrastructure.GovUk;

/// <summary>GOV.UK checkboxes bound to a list of strings.</summary>
[HtmlTargetElement("govuk-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class CheckboxesTagHelper : GovUkFieldTagHelper
{
    public string Legend { get; set; } = "";
    public string LegendSize { get; set; } = "m";
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        StartFormGroup(output);
        var chosen = CurrentValues;
        var boxes = Items.Select((item, index) =>
        {
            var id = index == 0 ? Id : $"{Id}-{index + 1}";
            var isChecked = chosen.Contains(item.Value) ? " checked" : "";
            return "<div class=\"govuk-checkboxes__item\">" +
                   $"<input class=\"govuk-checkboxes__input\" id=\"{id}\" name=\"{Name}\" type=\"checkbox\" value=\"{Encode(item.Value)}\"{isChecked}>" +
                   $"<label class=\"govuk-label govuk-checkboxes__label\" for=\"{id}\">{Encode(item.Text)}</label></div>";
        });
        output.Content.SetHtmlContent(
            $"<fieldset class=\"govuk-fieldset\"{Attribute("aria-describedby", DescribedBy())}>" +
            $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--{Encode(LegendSize)}\">{Encode(Legend)}</legend>" +
            HintHtml() + ErrorHtml() +
            "<div class=\"govuk-checkboxes govuk-checkboxes--small\" data-module=\"govuk-checkboxes\">" +
            string.Concat(boxes) + "</div></fieldset>");
    }
}
