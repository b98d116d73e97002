// People picker search (progressive enhancement for Person and People fields).
//
// The server draws each picker as ordinary GOV.UK radios or checkboxes
// (Features/Workflow/PeoplePickerTagHelper.cs): a form group marked
// data-people-picker, groups marked data-people-group (the review's own
// participants first, then everyone else), and one item per person with
// data-person-search holding their name, roles, agency and locality in lower
// case. Without JavaScript the whole ordered list is there and works.
//
// This script adds a search box above the list. Typing narrows the list to the
// people whose name, role, agency or locality contain every word typed; people
// already chosen always stay in view, so nobody is unticked out of sight. A
// live region says how many people match ("3 people match"). Enter in the box
// does not submit the form. The box has no name, so it is never posted.

const HIDDEN = 'govuk-!-display-none'

/**
 * Whether a person's search text holds every word of the query.
 *
 * @param {string} searchText - lower-case name, roles, agency and locality
 * @param {string} query - what was typed
 * @returns {boolean}
 */
export function matchesPerson (searchText, query) {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  return words.every((word) => searchText.includes(word))
}

/**
 * The live-region message for a number of matches.
 *
 * @param {number} count
 * @returns {string}
 */
export function matchMessage (count) {
  if (count === 0) return 'No people match'
  return count === 1 ? '1 person matches' : `${count} people match`
}

class PeoplePicker {
  /** @param {HTMLElement} group - the picker's form group */
  constructor (group) {
    this.group = group
    this.items = Array.from(group.querySelectorAll('[data-person-search]'))
    if (this.items.length === 0) return
    const first = this.items[0].querySelector('input')
    const id = `${first.id}-search`

    const box = document.createElement('div')
    box.className = 'govuk-form-group app-people-picker__search govuk-!-margin-bottom-2'
    box.innerHTML =
      `<label class="govuk-label" for="${id}">Search for a person</label>` +
      `<div class="govuk-hint" id="${id}-hint">By name, role, agency or locality</div>` +
      `<input class="govuk-input govuk-!-width-two-thirds" id="${id}" type="search" autocomplete="off" spellcheck="false" aria-describedby="${id}-hint ${id}-count">` +
      `<p class="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0" id="${id}-count" role="status" aria-live="polite"></p>`
    const firstGroup = group.querySelector('[data-people-group]')
    firstGroup.parentNode.insertBefore(box, firstGroup)

    this.input = box.querySelector('input')
    this.count = box.querySelector('p')
    this.input.addEventListener('input', () => this.filter())
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') event.preventDefault()
    })
  }

  filter () {
    const query = this.input.value.trim()
    let matches = 0
    for (const item of this.items) {
      const match = matchesPerson(item.dataset.personSearch ?? '', query)
      if (match) matches++
      const chosen = item.querySelector('input')?.checked
      item.classList.toggle(HIDDEN, !(match || chosen || query === ''))
    }
    // A group with nobody left in view loses its heading too.
    for (const peopleGroup of this.group.querySelectorAll('[data-people-group]')) {
      const anyShown = Array.from(peopleGroup.querySelectorAll('[data-person-search]')).some((item) => !item.classList.contains(HIDDEN))
      peopleGroup.classList.toggle(HIDDEN, !anyShown)
    }
    this.count.textContent = query === '' ? '' : matchMessage(matches)
  }
}

/** Adds a search box to every people picker on the page. */
export function initPeoplePickers () {
  for (const group of document.querySelectorAll('[data-people-picker]')) {
    // eslint-disable-next-line no-new
    new PeoplePicker(group)
  }
}
