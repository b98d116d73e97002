using System.Text.Encodings.Web;
using LearningReviews.Web.Features.Workflow;
using LearningReviews.Web.Infrastructure.GovUk;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Primitives;

namespace LearningReviews.UnitTests.Web;

/// <summary>The GOV.UK tag helpers, bound by asp-for or named explicitly (as the stage forms are).</summary>
public sealed class GovUkTagHelperTests
{
    private readonly ModelStateDictionary _modelState = new();

    private ViewContext View() => new() { ViewData = new ViewDataDictionary(new EmptyModelMetadataProvider(), _modelState) };

    private static async Task<string> RenderAsync(TagHelper helper, string tag, string childContent = "")
    {
        var context = new TagHelperContext(tag, [], new Dictionary<object, object>(), "unique");
        var output = new TagHelperOutput(tag, [], (_, _) =>
        {
            var content = new DefaultTagHelperContent();
            content.SetHtmlContent(childContent);
            return Task.FromResult<TagHelperContent>(content);
        });
        await helper.ProcessAsync(context, output);
        using var writer = new StringWriter();
        output.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    [Fact]
    public async Task An_input_named_explicitly_takes_its_id_from_the_name_and_shows_the_given_value()
    {
        var html = await RenderAsync(new InputTagHelper { ViewContext = View(), FieldName = "act[0].what", Value = "Add it to the template", Label = "What will be done" }, "govuk-input");

        Assert.Contains("<label class=\"govuk-label\" for=\"act_0__what\">What will be done</label>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"act_0__what\" name=\"act[0].what\" type=\"text\" value=\"Add it to the template\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"govuk-form-group\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("govuk-error-message", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_attributes_count_as_not_given_as_razor_passes_a_null_expression_as_empty()
    {
        var html = await RenderAsync(new DateInputTagHelper
        {
            ViewContext = View(), FieldName = "act[0].due", FieldId = "", Hint = "", Error = "", Value = "2026-05-04", Day = "", Month = "", Year = "", Legend = "Due date",
        }, "govuk-date-input");

        Assert.DoesNotContain("govuk-hint", html, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-describedby", html, StringComparison.Ordinal);
        Assert.DoesNotContain("govuk-error-message", html, StringComparison.Ordinal);
        Assert.Contains("id=\"act_0__due\" name=\"act[0].due.day\" type=\"text\" inputmode=\"numeric\" value=\"4\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"act[0].due.month\" type=\"text\" inputmode=\"numeric\" value=\"5\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_input_named_explicitly_shows_what_was_typed_and_the_error_under_its_name()
    {
        _modelState.SetModelValue("f.venue", "Room 5", "Room 5");
        _modelState.AddModelError("f.venue", "'Venue' must be 500 characters or fewer");

        var html = await RenderAsync(new InputTagHelper
        {
            ViewContext = View(), FieldName = "f.venue", FieldId = "f_venue", Value = "Room 4", Label = "Venue", LabelSize = "s", Hint = "Where it is held",
        }, "govuk-input");

        Assert.Contains("govuk-form-group govuk-form-group--error", html, StringComparison.Ordinal);
        Assert.Contains("<label class=\"govuk-label govuk-label--s\" for=\"f_venue\">Venue</label>", html, StringComparison.Ordinal);
        Assert.Contains("<p id=\"f_venue-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> &#x27;Venue&#x27; must be 500 characters or fewer</p>", html, StringComparison.Ordinal);
        Assert.Contains("class=\"govuk-input govuk-input--error\" id=\"f_venue\" name=\"f.venue\" type=\"text\" value=\"Room 5\" aria-describedby=\"f_venue-hint f_venue-error\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_given_explicitly_is_shown_without_one_in_model_state()
    {
        var html = await RenderAsync(new TextareaTagHelper { ViewContext = View(), FieldName = "reason", Error = "Enter why", Label = "Why?", LabelSize = "" }, "govuk-textarea");

        Assert.Contains("<label class=\"govuk-label\" for=\"reason\">Why?</label>", html, StringComparison.Ordinal);
        Assert.Contains("<p id=\"reason-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> Enter why</p>", html, StringComparison.Ordinal);
        Assert.Contains("class=\"govuk-textarea govuk-textarea--error\" id=\"reason\" name=\"reason\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asp_for_still_binds_the_name_id_and_model_value()
    {
        var provider = new EmptyModelMetadataProvider();
        var expression = new ModelExpression("Form.CaseLabel", provider.GetModelExplorerForType(typeof(string), "Child A"));

        var html = await RenderAsync(new InputTagHelper { ViewContext = View(), For = expression, Label = "Label" }, "govuk-input");

        Assert.Contains("id=\"Form_CaseLabel\" name=\"Form.CaseLabel\" type=\"text\" value=\"Child A\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_field_with_neither_asp_for_nor_a_name_is_a_mistake_in_the_view()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => RenderAsync(new InputTagHelper { ViewContext = View(), Label = "Nameless" }, "govuk-input"));
    }

    [Fact]
    public async Task A_word_limited_textarea_named_explicitly_keeps_its_word_count_hint()
    {
        var html = await RenderAsync(new TextareaTagHelper { ViewContext = View(), FieldName = "f.notes", FieldId = "f_notes", Value = "Some notes", WordLimit = 300, Label = "Notes" }, "govuk-textarea");

        Assert.Contains("data-word-limit=\"300\" aria-describedby=\"f_notes-word-count\">Some notes</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("<div id=\"f_notes-word-count\" class=\"govuk-hint govuk-character-count__message\" aria-live=\"polite\">You can enter up to 300 words</div>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Radios_named_explicitly_check_the_given_value_and_can_sit_side_by_side()
    {
        var html = await RenderAsync(new RadiosTagHelper
        {
            ViewContext = View(), FieldName = "f.agreed", FieldId = "f_agreed", Value = "no", Legend = "Agreed?", LegendSize = "s", Small = true, Inline = true,
            Items = [new SelectListItem("Yes", "yes"), new SelectListItem("No", "no")],
        }, "govuk-radios");

        Assert.Contains("<div class=\"govuk-radios govuk-radios--small govuk-radios--inline\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"f_agreed\" name=\"f.agreed\" type=\"radio\" value=\"yes\">", html, StringComparison.Ordinal);
        Assert.Contains("id=\"f_agreed-2\" name=\"f.agreed\" type=\"radio\" value=\"no\" checked>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checkboxes_named_explicitly_tick_the_given_values_and_without_a_legend_have_no_fieldset()
    {
        var html = await RenderAsync(new CheckboxesTagHelper
        {
            ViewContext = View(), FieldName = "f.agencies", Values = ["school"],
            Items = [new SelectListItem("Health", "health"), new SelectListItem("School", "school")],
        }, "govuk-checkboxes");

        Assert.DoesNotContain("<fieldset", html, StringComparison.Ordinal);
        Assert.Contains("id=\"f_agencies\" name=\"f.agencies\" type=\"checkbox\" value=\"health\">", html, StringComparison.Ordinal);
        Assert.Contains("id=\"f_agencies-2\" name=\"f.agencies\" type=\"checkbox\" value=\"school\" checked>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_select_named_explicitly_selects_the_given_value()
    {
        var html = await RenderAsync(new SelectTagHelper
        {
            ViewContext = View(), FieldName = "f.chair", Value = "b", EmptyOption = "Choose a person", LabelHidden = true, Label = "Chair",
            Items = [new SelectListItem("Ann", "a"), new SelectListItem("Bea", "b")],
        }, "govuk-select");

        Assert.Contains("<label class=\"govuk-label govuk-visually-hidden\" for=\"f_chair\">Chair</label>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"\">Choose a person</option><option value=\"a\">Ann</option><option value=\"b\" selected>Bea</option>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_date_input_shows_a_saved_date_in_three_boxes_named_after_the_field()
    {
        var html = await RenderAsync(new DateInputTagHelper { ViewContext = View(), FieldName = "act[2].due", Value = "2026-03-07", Legend = "Due date", Hint = "For example, 27 3 2026" }, "govuk-date-input");

        Assert.Contains("<fieldset class=\"govuk-fieldset\" role=\"group\" aria-describedby=\"act_2__due-hint\">", html, StringComparison.Ordinal);
        Assert.Contains("<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">Due date</legend>", html, StringComparison.Ordinal);
        Assert.Contains("<label class=\"govuk-label govuk-date-input__label\" for=\"act_2__due\">Day</label>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"act_2__due\" name=\"act[2].due.day\" type=\"text\" inputmode=\"numeric\" value=\"7\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"act_2__due-month\" name=\"act[2].due.month\" type=\"text\" inputmode=\"numeric\" value=\"3\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"act_2__due-year\" name=\"act[2].due.year\" type=\"text\" inputmode=\"numeric\" value=\"2026\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("govuk-input--error", html, StringComparison.Ordinal);
        Assert.DoesNotContain(".time", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_date_input_shows_what_was_typed_and_its_error_on_every_box()
    {
        foreach (var (key, typed) in new[] { ("close.day", "31"), ("close.month", "2"), ("close.year", "2027") }) _modelState.SetModelValue(key, typed, typed);
        _modelState.AddModelError("close", "Enter a real date");

        var html = await RenderAsync(new DateInputTagHelper { ViewContext = View(), FieldName = "close", Value = "2027-01-01", Legend = "Until" }, "govuk-date-input");

        Assert.Contains("govuk-form-group govuk-form-group--error", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"close-error\"", html, StringComparison.Ordinal);
        Assert.Contains("<p id=\"close-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> Enter a real date</p>", html, StringComparison.Ordinal);
        Assert.Contains("govuk-input--width-2 govuk-input--error\" id=\"close\" name=\"close.day\" type=\"text\" inputmode=\"numeric\" value=\"31\"", html, StringComparison.Ordinal);
        Assert.Contains("govuk-input--width-2 govuk-input--error\" id=\"close-month\" name=\"close.month\" type=\"text\" inputmode=\"numeric\" value=\"2\"", html, StringComparison.Ordinal);
        Assert.Contains("govuk-input--width-4 govuk-input--error\" id=\"close-year\" name=\"close.year\" type=\"text\" inputmode=\"numeric\" value=\"2027\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_date_input_can_be_given_the_boxes_as_typed_and_a_time()
    {
        var html = await RenderAsync(new DateInputTagHelper
        {
            ViewContext = View(), FieldName = "f.circleAt", FieldId = "f_circleAt", Day = "30", Month = "13", Year = "2026", WithTime = true, Time = "14:30", Legend = "When",
        }, "govuk-date-input");

        Assert.Contains("id=\"f_circleAt\" name=\"f.circleAt.day\" type=\"text\" inputmode=\"numeric\" value=\"30\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"f.circleAt.month\" type=\"text\" inputmode=\"numeric\" value=\"13\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"f_circleAt-time\" name=\"f.circleAt.time\" type=\"text\" value=\"14:30\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_date_input_bound_with_asp_for_shows_the_model_date()
    {
        var provider = new EmptyModelMetadataProvider();
        var expression = new ModelExpression("From", provider.GetModelExplorerForType(typeof(DateOnly?), new DateOnly(2026, 1, 15)));

        var html = await RenderAsync(new DateInputTagHelper { ViewContext = View(), For = expression, Legend = "From" }, "govuk-date-input");

        Assert.Contains("id=\"From\" name=\"From.day\" type=\"text\" inputmode=\"numeric\" value=\"15\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"From-year\" name=\"From.year\" type=\"text\" inputmode=\"numeric\" value=\"2026\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fieldset_wraps_its_fields_with_the_legend_hint_and_error_of_its_name()
    {
        _modelState.AddModelError("f.actions", "Record at least 1 action");

        var html = await RenderAsync(new FieldsetTagHelper { ViewContext = View(), FieldName = "f.actions", FieldId = "f_actions", Legend = "Actions", Hint = "One a row" },
            "govuk-fieldset", "<input id=\"f_actions\">");

        Assert.Equal(
            "<div class=\"govuk-form-group govuk-form-group--error\"><fieldset class=\"govuk-fieldset\" aria-describedby=\"f_actions-hint f_actions-error\">" +
            "<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">Actions</legend><div id=\"f_actions-hint\" class=\"govuk-hint\">One a row</div>" +
            "<p id=\"f_actions-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> Record at least 1 action</p>" +
            "<input id=\"f_actions\"></fieldset></div>", html);
    }

    [Theory]
    [InlineData("7", "3", "2026", true)]
    [InlineData(" 29 ", "2", "2028", true)]
    [InlineData("29", "2", "2027", false)]
    [InlineData("", "3", "2026", false)]
    public void GovUkDate_reads_a_date_input_from_a_posted_form_by_its_name(string day, string month, string year, bool real)
    {
        var form = new FormCollection(new Dictionary<string, StringValues>
        {
            ["act[0].due.day"] = day, ["act[0].due.month"] = month, ["act[0].due.year"] = year,
        });

        Assert.Equal(real, GovUkDate.TryRead(form, "act[0].due", out var date));
        if (real) Assert.Equal(new DateOnly(int.Parse(year, System.Globalization.CultureInfo.InvariantCulture), int.Parse(month, System.Globalization.CultureInfo.InvariantCulture), int.Parse(day, System.Globalization.CultureInfo.InvariantCulture)), date);
        Assert.Equal((day.Trim(), month, year), GovUkDate.Typed(form, "act[0].due"));
    }

    [Fact]
    public void A_stage_date_answer_is_shown_as_saved_or_as_typed()
    {
        Assert.Equal(new DateBoxes("2026-03-27T14:30", null, null, null, "14:30"), StagePage.DateBoxesFor("2026-03-27T14:30"));
        Assert.Equal(new DateBoxes("2026-03-27", null, null, null, null), StagePage.DateBoxesFor("2026-03-27"));
        Assert.Equal(new DateBoxes(null, "31", "2", "2026", null), StagePage.DateBoxesFor("typed:31|2|2026"));
    }
}
