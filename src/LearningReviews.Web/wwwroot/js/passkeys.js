// Passkeys (WebAuthn), as a progressive enhancement. Loaded by the sign-in page and the Passkeys page.
//
// A form marked data-passkey-create (add a passkey) or data-passkey-get (sign in with one) starts hidden.
// When the browser can make and use passkeys from JSON options, this script shows it (and hides any
// [data-passkey-unsupported] note). On submit it:
//   1. posts the form (which carries the antiforgery token) to the form's data-options-url and gets the
//      WebAuthn options as JSON from ASP.NET Core Identity;
//   2. calls navigator.credentials.create or .get with them;
//   3. puts the credential, as JSON, in the form's CredentialJson field and submits the form for real.
// The server checks everything; this script only carries messages between the browser and the server.

const supported =
  typeof window.PublicKeyCredential === 'function' &&
  typeof PublicKeyCredential.parseCreationOptionsFromJSON === 'function' &&
  typeof PublicKeyCredential.parseRequestOptionsFromJSON === 'function' &&
  window.isSecureContext

/**
 * @param {HTMLFormElement} form
 * @param {'create' | 'get'} kind
 */
function enhance (form, kind) {
  const errorMessage = form.querySelector('[data-passkey-error]')
  const button = form.querySelector('button[type="submit"]')
  let busy = false

  function showError (text) {
    if (!errorMessage) return
    errorMessage.textContent = text
    errorMessage.hidden = false
  }

  form.addEventListener('submit', async (event) => {
    if (form.dataset.passkeyReady === 'true') return // the real submission, credential attached
    event.preventDefault()
    if (busy) return
    busy = true
    if (button) button.disabled = true
    if (errorMessage) errorMessage.hidden = true
    try {
      const response = await fetch(form.dataset.optionsUrl, {
        method: 'POST',
        body: new FormData(form),
        credentials: 'same-origin',
        headers: { Accept: 'application/json' }
      })
      if (!response.ok) throw new Error('options refused: ' + response.status)
      const options = await response.json()
      const credential = kind === 'create'
        ? await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) })
        : await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) })
      if (!credential) throw new Error('no credential')
      form.elements.namedItem('CredentialJson').value = JSON.stringify(credential)
      form.dataset.passkeyReady = 'true'
      form.submit()
    } catch (error) {
      showError(kind === 'create'
        ? 'The passkey was not added. Try again, or use a different device or security key.'
        : 'No passkey was used. Try again, or sign in with your email address and password.')
      busy = false
      if (button) button.disabled = false
    }
  })
}

if (supported) {
  for (const form of document.querySelectorAll('form[data-passkey-create]')) {
    enhance(form, 'create')
    form.hidden = false
  }
  for (const form of document.querySelectorAll('form[data-passkey-get]')) {
    enhance(form, 'get')
    form.hidden = false
  }
  for (const note of document.querySelectorAll('[data-passkey-unsupported]')) note.hidden = true
}
