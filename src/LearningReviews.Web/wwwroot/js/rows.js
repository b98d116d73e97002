// Rows added and removed in the page, without saving the form each time: chronology rows, learning
// points, actions, attendance, any table of a stage form. Imported by app.js.
//
// Progressive enhancement. Without JavaScript the server draws the saved rows and one blank row, and
// "Save and add more rows" saves and draws another blank one. With it, this script:
//   - adds an "Add another row" button under each list, which copies the blank row kept in the list's
//     <template data-app-row-template>, putting the next unused index for "__index__" in names and ids,
//     and the row's number for "__number__" in labels; then moves focus to the new row's first box and
//     says "Row 3 added" through a polite live region;
//   - gives every row a Remove button (a real <button>, its row named in visually hidden text), which
//     takes the row out of the page; the other rows are numbered again in their labels;
//   - takes away "Save and add more rows", which the page no longer needs (taken out, not given the
//     hidden attribute: .govuk-button's display: inline-block would show a hidden button all the same).
// Names keep their indices after a removal, so the form may post rows 0 and 2: the server reads the
// indices posted, gaps and all (Features/Workflow/StageFormReader.cs), and keeps to the same limit
// (data-row-limit), so the limit here is only a help.
//
// The page's markup (Features/Workflow/_StageField.cshtml):
//   <div data-app-rows data-row-limit="200" data-row-noun="row">
//     <… data-app-row-list> <… data-app-row data-row-index="0">…</…> … </…>
//     <template data-app-row-template>…one blank row, with __index__ and __number__…</template>
//   </div>

const INDEX_MARK = /__index__/g
const NUMBER_MARK = /__number__/g

/**
 * Starts every rows list in scope.
 *
 * @param {ParentNode} [scope=document]
 */
export function initRows (scope = document) {
  const lists = [...scope.querySelectorAll('[data-app-rows]')]
  for (const container of lists) {
    if (container.dataset.rowsInitialised) continue
    // A form someone may only read has its fieldset disabled: nothing to add or remove.
    if (container.closest('fieldset[disabled]')) continue
    container.dataset.rowsInitialised = 'true'
    new RowList(container)
  }
  if (lists.length > 0) {
    for (const button of document.querySelectorAll('[data-app-more-rows]')) button.remove()
  }
}

class RowList {
  /** @param {HTMLElement} container */
  constructor (container) {
    this.container = container
    this.list = /** @type {HTMLElement} */ (container.querySelector('[data-app-row-list]'))
    this.template = /** @type {HTMLTemplateElement} */ (container.querySelector('template[data-app-row-template]'))
    this.limit = Number.parseInt(container.dataset.rowLimit ?? '', 10) || 200
    this.noun = container.dataset.rowNoun || 'row'
    this.isTable = this.list.tagName === 'TBODY'

    // Made now, empty, so that screen readers are already watching it when a message arrives.
    this.status = document.createElement('div')
    this.status.className = 'govuk-visually-hidden'
    this.status.setAttribute('aria-live', 'polite')
    this.status.setAttribute('role', 'status')

    this.addButton = document.createElement('button')
    this.addButton.type = 'button'
    this.addButton.className = 'govuk-button govuk-button--secondary app-add-row'
    this.addButton.textContent = this.noun === 'row' ? 'Add another row' : `Add another ${this.noun}`
    this.addButton.addEventListener('click', () => this.add())
    container.append(this.addButton, this.status)

    if (this.isTable) {
      const header = container.querySelector('thead tr')
      const th = document.createElement('th')
      th.scope = 'col'
      th.className = 'govuk-table__header'
      th.innerHTML = '<span class="govuk-visually-hidden">Remove</span>'
      header?.append(th)
    }
    for (const row of this.rows()) this.addRemoveButton(row)
    this.renumber()
  }

  /** @returns {HTMLElement[]} */
  rows () {
    return [...this.list.querySelectorAll(':scope > [data-app-row]')]
  }

  add () {
    const rows = this.rows()
    if (rows.length >= this.limit) {
      this.say(`You cannot add more: the most is ${this.limit}`)
      return
    }
    const next = rows.reduce((most, row) => Math.max(most, Number.parseInt(row.dataset.rowIndex ?? '-1', 10)), -1) + 1
    const number = rows.length + 1
    const html = this.template.innerHTML.replace(INDEX_MARK, String(next)).replace(NUMBER_MARK, String(number))
    // Parsed in a <template> (a <tr> needs a table around it), never run: the markup is the server's own.
    const holder = document.createElement('template')
    holder.innerHTML = html.trim()
    const row = /** @type {HTMLElement} */ (holder.content.firstElementChild)
    this.list.append(row)
    this.addRemoveButton(row)
    this.renumber()
    firstBox(row)?.focus()
    this.say(`${capitalise(this.noun)} ${number} added`)
  }

  /** @param {HTMLElement} row */
  remove (row) {
    const rows = this.rows()
    const position = rows.indexOf(row)
    row.remove()
    this.renumber()
    const left = this.rows()
    // Focus goes where the row was: the row that took its place, the one before, or "Add another row".
    const near = left[position] ?? left[position - 1]
    const box = near ? firstBox(near) : null
    ;(box ?? this.addButton).focus()
    this.say(`${capitalise(this.noun)} ${position + 1} removed`)
  }

  /** @param {HTMLElement} row */
  addRemoveButton (row) {
    const button = document.createElement('button')
    button.type = 'button'
    button.className = 'govuk-button govuk-button--warning govuk-!-margin-bottom-0 app-remove-row'
    button.innerHTML = `Remove<span class="govuk-visually-hidden"> ${this.noun} <span data-row-number></span></span>`
    button.addEventListener('click', () => this.remove(row))
    if (this.isTable) {
      const cell = document.createElement('td')
      cell.className = 'govuk-table__cell'
      cell.append(button)
      row.append(cell)
    } else {
      row.append(button)
    }
  }

  /** Numbers every row from 1 in its labels and Remove button, as the server would draw them. */
  renumber () {
    const pattern = new RegExp(`(\\b${this.noun} )\\d+`, 'i')
    this.rows().forEach((row, i) => {
      const number = String(i + 1)
      for (const label of row.querySelectorAll('label, legend')) {
        const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT)
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (pattern.test(node.textContent ?? '')) node.textContent = (node.textContent ?? '').replace(pattern, `$1${number}`)
        }
      }
      const slot = row.querySelector('.app-remove-row [data-row-number]')
      if (slot) slot.textContent = number
    })
  }

  /** @param {string} message */
  say (message) {
    // Emptied first, so the same message twice ("Row 3 added" after a removal) is announced again.
    this.status.textContent = ''
    window.setTimeout(() => { this.status.textContent = message }, 50)
  }
}

/**
 * @param {HTMLElement} row
 * @returns {HTMLElement | null}
 */
function firstBox (row) {
  return row.querySelector('input:not([type="hidden"]), textarea, select')
}

/** @param {string} text */
function capitalise (text) {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
