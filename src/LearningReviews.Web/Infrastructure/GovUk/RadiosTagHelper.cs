using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace LearningReviews.Web.Infrastructure.GovUk;

/// <summary>GOV.UK radios in a fieldset. The first radio carries the field's id, so an error summary link lands on it.</summary>
[HtmlTargetElement("govuk-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class RadiosTagHelper : GovUkFieldTagHelper
{
    public string Legend { get; set; } = "";
    public string LegendSize { get; set; } = "m";
    public IEnumerable<SelectListItem> Items { get; set; } = [];
    public bool Small { get; set; }

    /// <summary>Side by side, for two short answers such as Yes and No.</summary>
    public bool Inline { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        StartFormGroup(output);
        var current = CurrentValue;
        var radios = Items.Select((item, index) =>
        {
            var id = Encode(index == 0 ? Id : $"{Id}-{index + 1}");
            var isChecked = item.Value == current ? " checked" : "";
            return "<div class=\"govuk-radios__item\">" +
                   $"<input class=\"govuk-radios__input\" id=\"{id}\" name=\"{Encode(Name)}\" type=\"radio\" value=\"{Encode(item.Value)}\"{isChecked}>" +
                   $"<label class=\"govuk-label govuk-radios__label\" for=\"{id}\">{Encode(item.Text)}</label></div>";
        });
        output.Content.SetHtmlContent(
            FieldsetStart(Legend, LegendSize) + HintHtml() + ErrorHtml() +
            $"<div class=\"govuk-radios{(Small ? " govuk-radios--small" : "")}{(Inline ? " govuk-radios--inline" : "")}\" data-module=\"govuk-radios\">" +
            string.Concat(radios) + "</div></fieldset>");
    }
}
