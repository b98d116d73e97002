using LearningReviews.Web.Infrastructure.GovUk;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace LearningReviews.Web.Features.Workflow;

/// <summary>
/// A Person (radios) or People (checkboxes) field: GOV.UK markup, one option per person with their
/// role(s), agency and locality as the option's hint, the review's own participants first under a
/// heading of their own, then everyone else. The whole ordered list works without JavaScript;
/// wwwroot/js/people-picker.js adds a search box that narrows it (data-people-picker, data-person-search).
/// The first input carries the field's id, so an error summary link lands on it.
/// </summary>
[HtmlTargetElement("app-people-picker", TagStructure = TagStructure.WithoutEndTag)]
public sealed class PeoplePickerTagHelper : GovUkFieldTagHelper
{
    public string Legend { get; set; } = "";
    public PeopleChoices Choices { get; set; } = PeopleChoices.None;

    /// <summary>One person (radios) rather than several (checkboxes).</summary>
    public bool OnePerson { get; set; }

    /// <summary>The people chosen, when the form is not coming back as typed.</summary>
    public IEnumerable<string>? Values { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        StartFormGroup(output);
        output.Attributes.SetAttribute("data-people-picker", OnePerson ? "one" : "many");
        var chosen = Chosen();
        var index = 0;
        string Group(string heading, IReadOnlyList<PersonOption> people) => people.Count == 0 ? "" :
            "<div class=\"app-people-picker__group\" data-people-group>" +
            $"<h3 class=\"govuk-heading-s govuk-!-margin-bottom-2 govuk-!-margin-top-4\">{Encode(heading)}</h3>" +
            $"<div class=\"{(OnePerson ? "govuk-radios govuk-radios--small" : "govuk-checkboxes govuk-checkboxes--small")}\" data-module=\"{(OnePerson ? "govuk-radios" : "govuk-checkboxes")}\">" +
            string.Concat(people.Select(p => Option(p, index++, chosen))) + "</div></div>";
        var none = "";
        if (OnePerson)
        {
            // A single person can be taken off again: choosing nobody leaves the answer empty.
            var noneId = Encode(Id + "-none");
            none = "<div class=\"govuk-radios govuk-radios--small\" data-module=\"govuk-radios\">" +
                   "<div class=\"govuk-radios__divider\">or</div><div class=\"govuk-radios__item\">" +
                   $"<input class=\"govuk-radios__input\" id=\"{noneId}\" name=\"{Encode(Name)}\" type=\"radio\" value=\"\"{(chosen.Count == 0 ? " checked" : "")}>" +
                   $"<label class=\"govuk-label govuk-radios__label\" for=\"{noneId}\">No one chosen yet</label></div></div>";
        }
        output.Content.SetHtmlContent(
            FieldsetStart(Legend, "s") + HintHtml() + ErrorHtml() +
            Group("People in this review", Choices.InReview) +
            Group(Choices.InReview.Count == 0 ? "Everyone" : "Everyone else", Choices.Others) +
            none + "</fieldset>");
    }

    private string Option(PersonOption person, int index, HashSet<string> chosen)
    {
        var id = index == 0 ? Id : $"{Id}-{index + 1}";
        var kind = OnePerson ? "radios" : "checkboxes";
        var hintId = id + "-item-hint";
        var hint = person.Hint.Length == 0 ? "" : $"<div id=\"{Encode(hintId)}\" class=\"govuk-hint govuk-{kind}__hint\">{Encode(person.Hint)}</div>";
        return $"<div class=\"govuk-{kind}__item\" data-person-search=\"{Encode(person.SearchText)}\">" +
               $"<input class=\"govuk-{kind}__input\" id=\"{Encode(id)}\" name=\"{Encode(Name)}\" type=\"{(OnePerson ? "radio" : "checkbox")}\" value=\"{Encode(person.Id)}\"" +
               (chosen.Contains(person.Id) ? " checked" : "") + (hint.Length == 0 ? "" : $" aria-describedby=\"{Encode(hintId)}\"") + ">" +
               $"<label class=\"govuk-label govuk-{kind}__label\" for=\"{Encode(id)}\">{Encode(person.Name)}</label>{hint}</div>";
    }

    /// <summary>As posted when the form comes back, otherwise as given.</summary>
    private HashSet<string> Chosen()
    {
        if (ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.RawValue is not null)
        {
            return entry.RawValue switch
            {
                string[] many => many.Where(v => v.Length > 0).ToHashSet(StringComparer.Ordinal),
                var one => one.ToString() is { Length: > 0 } text ? [text] : [],
            };
        }
        return (Values ?? []).Where(v => !string.IsNullOrEmpty(v)).ToHashSet(StringComparer.Ordinal);
    }
}
