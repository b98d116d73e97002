using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace LearningReviews.Web.Infrastructure.GovUk;

/// <summary>
/// GOV.UK checkboxes bound to a list of strings (<c>asp-for</c>), or named explicitly with the chosen
/// values in <c>values</c>. Without a legend there is no fieldset, for a single checkbox such as
/// "Mark as resolved" whose label says everything.
/// </summary>
[HtmlTargetElement("govuk-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class CheckboxesTagHelper : GovUkFieldTagHelper
{
    public string Legend { get; set; } = "";
    public string LegendSize { get; set; } = "m";
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    /// <summary>The values chosen, when not bound with asp-for.</summary>
    public IEnumerable<string>? Values { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        StartFormGroup(output);
        var chosen = CurrentValues;
        var boxes = Items.Select((item, index) =>
        {
            var id = Encode(index == 0 ? Id : $"{Id}-{index + 1}");
            var isChecked = chosen.Contains(item.Value) ? " checked" : "";
            return "<div class=\"govuk-checkboxes__item\">" +
                   $"<input class=\"govuk-checkboxes__input\" id=\"{id}\" name=\"{Encode(Name)}\" type=\"checkbox\" value=\"{Encode(item.Value)}\"{isChecked}>" +
                   $"<label class=\"govuk-label govuk-checkboxes__label\" for=\"{id}\">{Encode(item.Text)}</label></div>";
        });
        var checkboxes = "<div class=\"govuk-checkboxes govuk-checkboxes--small\" data-module=\"govuk-checkboxes\">" + string.Concat(boxes) + "</div>";
        output.Content.SetHtmlContent(Legend.Length == 0
            ? HintHtml() + ErrorHtml() + checkboxes
            : FieldsetStart(Legend, LegendSize) + HintHtml() + ErrorHtml() + checkboxes + "</fieldset>");
    }

    /// <summary>The values chosen: as posted when the form is shown again, otherwise as given or in the model.</summary>
    private IReadOnlySet<string> CurrentValues
    {
        get
        {
            if (ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.RawValue is not null)
            {
                return entry.RawValue switch
                {
                    string[] many => many.ToHashSet(StringComparer.Ordinal),
                    var one => new HashSet<string>([one.ToString() ?? ""], StringComparer.Ordinal),
                };
            }
            return (Values ?? For?.Model as IEnumerable<string> ?? []).ToHashSet(StringComparer.Ordinal);
        }
    }
}
