using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace LearningReviews.Web.Infrastructure.GovUk;

/// <summary>A GOV.UK select with an optional empty first choice.</summary>
[HtmlTargetElement("govuk-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class SelectTagHelper : GovUkFieldTagHelper
{
    public string Label { get; set; } = "";

    /// <summary>The label's size (s, m, l), or none for body text.</summary>
    public string? LabelSize { get; set; }

    public IEnumerable<SelectListItem> Items { get; set; } = [];
    public string? EmptyOption { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        StartFormGroup(output);
        var current = CurrentValue;
        string Option(SelectListItem item) =>
            $"<option value=\"{Encode(item.Value)}\"{(item.Value == current ? " selected" : "")}>{Encode(item.Text)}</option>";
        // Items with a group are drawn under an <optgroup> of that name, in the order the groups first appear.
        var options = (EmptyOption is null ? "" : $"<option value=\"\">{Encode(EmptyOption)}</option>") +
                      string.Concat(Items.GroupBy(item => item.Group).Select(group => group.Key is null
                          ? string.Concat(group.Select(Option))
                          : $"<optgroup label=\"{Encode(group.Key.Name)}\">{string.Concat(group.Select(Option))}</optgroup>"));
        var classes = "govuk-select" + (ErrorMessage is null ? "" : " govuk-select--error");
        output.Content.SetHtmlContent(
            $"<label class=\"{LabelClasses("govuk-label", LabelSize)}\" for=\"{Encode(Id)}\">{Encode(Label)}</label>" + HintHtml() + ErrorHtml() +
            $"<select class=\"{classes}\" id=\"{Encode(Id)}\" name=\"{Encode(Name)}\"{Attribute("aria-describedby", DescribedBy())}>{options}</select>");
    }
}
