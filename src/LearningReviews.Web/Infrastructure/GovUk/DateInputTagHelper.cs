using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace LearningReviews.Web.Infrastructure.GovUk;

/// <summary>
/// A GOV.UK date input: a fieldset with Day, Month and Year boxes, posted as <c>{name}.day</c>,
/// <c>{name}.month</c> and <c>{name}.year</c> and read back with <see cref="GovUkDate"/>. The Day box
/// carries the field's id, so an error under the field's name links to it from the error summary.
/// <para>
/// The boxes show, in order of preference: what was typed (from ModelState, or the <c>day</c>,
/// <c>month</c> and <c>year</c> attributes when the page keeps typed text itself), then the date in
/// <c>value</c> (yyyy-MM-dd) or the model's DateOnly. <c>with-time</c> adds a Time box (<c>{name}.time</c>).
/// </para>
/// </summary>
[HtmlTargetElement("govuk-date-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DateInputTagHelper : GovUkFieldTagHelper
{
    public string Legend { get; set; } = "";
    public string LegendSize { get; set; } = "s";

    /// <summary>What was typed in each box, when the page keeps it rather than ModelState.</summary>
    public string? Day { get; set => field = Absent(value); }
    public string? Month { get; set => field = Absent(value); }
    public string? Year { get; set => field = Absent(value); }

    public bool WithTime { get; set; }
    public string? Time { get; set => field = Absent(value); }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        StartFormGroup(output);
        var date = DateOnly.TryParseExact(CurrentDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed : (DateOnly?)null;
        var (dayName, monthName, yearName) = GovUkDate.PartNames(Name);
        var boxes =
            Box(Id, dayName, "Day", 2, AttemptedValue(dayName) ?? Day ?? date?.Day.ToString(CultureInfo.InvariantCulture)) +
            Box(Id + "-month", monthName, "Month", 2, AttemptedValue(monthName) ?? Month ?? date?.Month.ToString(CultureInfo.InvariantCulture)) +
            Box(Id + "-year", yearName, "Year", 4, AttemptedValue(yearName) ?? Year ?? date?.Year.ToString(CultureInfo.InvariantCulture));
        if (WithTime)
        {
            boxes += Box(Id + "-time", Name + ".time", "Time", 5, AttemptedValue(Name + ".time") ?? Time, numeric: false);
        }
        output.Content.SetHtmlContent(
            FieldsetStart(Legend, LegendSize, group: true) + HintHtml() + ErrorHtml() +
            $"<div class=\"govuk-date-input\" id=\"{Encode(Id)}-parts\">{boxes}</div></fieldset>");
    }

    /// <summary>The date part of the value (a DateTime answer is stored as yyyy-MM-ddTHH:mm).</summary>
    private string CurrentDate => CurrentValue.Length >= 10 ? CurrentValue[..10] : CurrentValue;

    private string Box(string id, string name, string label, int width, string? value, bool numeric = true)
    {
        var classes = $"govuk-input govuk-date-input__input govuk-input--width-{width.ToString(CultureInfo.InvariantCulture)}"
                      + (ErrorMessage is null ? "" : " govuk-input--error");
        return "<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\">" +
               $"<label class=\"govuk-label govuk-date-input__label\" for=\"{Encode(id)}\">{label}</label>" +
               $"<input class=\"{classes}\" id=\"{Encode(id)}\" name=\"{Encode(name)}\" type=\"text\"" +
               (numeric ? " inputmode=\"numeric\"" : "") + $" value=\"{Encode(value)}\"></div></div>";
    }
}
