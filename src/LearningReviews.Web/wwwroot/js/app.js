// Learning Reviews front-end entry point (an ES module, loaded by
// Features/Shared/_Layout.cshtml with <script type="module">).
//
// 1. Starts every GOV.UK Frontend component on the page (initAll). initAll
//    does nothing unless the layout's inline script has added the
//    `govuk-frontend-supported` class to <body>.
//
// 2. Live word count for textareas. We use our own small script, not the
//    GOV.UK character count component. Page authors write:
//
//      <div class="govuk-form-group">
//        <label class="govuk-label" for="summary">Summary</label>
//        <textarea class="govuk-textarea" id="summary" name="Summary" rows="8"
//                  data-word-limit="500" aria-describedby="summary-word-count"></textarea>
//        <div id="summary-word-count" class="govuk-hint govuk-character-count__message"
//             aria-live="polite">You can enter up to 500 words</div>
//      </div>
//
//    The message element's id is always "{textarea id}-word-count". If the
//    page leaves it out, the script adds it after the textarea, adds
//    aria-live="polite" and adds its id to the textarea's aria-describedby.
//    The server must still check the limit: this is only a help for users.
//
//    Words are counted like a word processor does: runs of characters that
//    aren't whitespace, so "child-centred" is one word. C# equivalent:
//    Regex.Count(text, @"\S+"). This is also how GOV.UK's character count
//    counts words.
//
//    The GOV.UK character count component (data-module="govuk-character-count"
//    with data-maxwords) still works too, because initAll starts it. This
//    script leaves textareas inside that component alone.

import { initAll } from './govuk-frontend.min.js'
import { initRows } from './rows.js'
import { initPeoplePickers } from './people-picker.js'

/**
 * Counts words: runs of non-whitespace characters.
 *
 * @param {string} text
 * @returns {number}
 */
export function countWords (text) {
  const words = text.match(/\S+/g)
  return words ? words.length : 0
}

/**
 * The message for a word count.
 *
 * @param {number} count - words entered
 * @param {number} limit - most words allowed
 * @returns {string}
 */
export function wordCountMessage (count, limit) {
  const difference = Math.abs(limit - count)
  const noun = difference === 1 ? 'word' : 'words'
  return count > limit
    ? `You have ${difference} ${noun} too many`
    : `You have ${difference} ${noun} remaining`
}

/**
 * Adds a live word count to every <textarea data-word-limit="N"> in scope.
 *
 * @param {ParentNode} [scope=document]
 */
export function initWordCounts (scope = document) {
  for (const textarea of scope.querySelectorAll('textarea[data-word-limit]')) {
    if (textarea.closest('[data-module="govuk-character-count"]')) continue
    if (textarea.dataset.wordCountInitialised) continue

    const limit = Number.parseInt(textarea.dataset.wordLimit ?? '', 10)
    if (!textarea.id || !Number.isInteger(limit) || limit < 1) continue

    textarea.dataset.wordCountInitialised = 'true'
    new WordCount(textarea, limit)
  }
}

// How long to wait after the last keypress before updating the message, so a
// screen reader announces the count when the user pauses typing rather than
// after every key.
const UPDATE_DELAY_MS = 400

class WordCount {
  /**
   * @param {HTMLTextAreaElement} textarea
   * @param {number} limit
   */
  constructor (textarea, limit) {
    this.textarea = textarea
    this.limit = limit
    this.timer = undefined

    const id = `${textarea.id}-word-count`
    let message = document.getElementById(id)
    if (!message) {
      message = document.createElement('div')
      message.id = id
      message.className = 'govuk-hint govuk-character-count__message'
      textarea.insertAdjacentElement('afterend', message)
    }
    this.message = message

    const describedBy = (textarea.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean)
    if (!describedBy.includes(id)) {
      textarea.setAttribute('aria-describedby', [...describedBy, id].join(' '))
    }

    // Remember whether the server already marked the field as in error, so
    // going back under the limit doesn't remove the server's error styling.
    this.serverError = textarea.classList.contains('govuk-textarea--error')

    // Show the count for any text already there with announcements off, so
    // the page load isn't announced, then make the message a live region.
    message.removeAttribute('aria-live')
    this.update()
    message.setAttribute('aria-live', 'polite')

    textarea.addEventListener('input', () => this.scheduleUpdate())
    // Pasting or autofill can change the value without a keypress pause.
    textarea.addEventListener('change', () => this.update())
  }

  scheduleUpdate () {
    window.clearTimeout(this.timer)
    this.timer = window.setTimeout(() => this.update(), UPDATE_DELAY_MS)
  }

  update () {
    window.clearTimeout(this.timer)

    const count = countWords(this.textarea.value)
    const over = count > this.limit
    const text = wordCountMessage(count, this.limit)

    if (this.message.textContent !== text) this.message.textContent = text

    this.message.classList.toggle('govuk-hint', !over)
    this.message.classList.toggle('govuk-error-message', over)
    this.textarea.classList.toggle('govuk-textarea--error', over || this.serverError)
  }
}

// Start-up. (At the end of the module: WordCount and UPDATE_DELAY_MS must be
// defined before initWordCounts runs.)
initAll()
initWordCounts()
// 3. Rows added and removed in the page: see rows.js.
initRows()
// 4. People pickers searched as you type: see people-picker.js.
initPeoplePickers()
