/**
 * The client's words for the API's errors: every code of the union and
 * every field error code reads as a sentence in French and in English (no
 * placeholder left, no English in French), the server's own message is
 * never what the reader gets, and a form's failure is split by field.
 */
import assert from 'node:assert/strict'
import { ApiError } from '../../client/api.ts'
import { ERROR_MESSAGES, FIELD_MESSAGES, errorMessage, fieldMessage, formErrors } from '../../client/errors.ts'
import { fr } from '../../client/i18n/fr/index.ts'
import { en } from '../../client/i18n/en/index.ts'
import { getLocale, setLocale } from '../../client/i18n/index.ts'
import { ERROR_CODES, FIELD_ERROR_CODES, type FieldError } from '../../shared/error-codes.ts'

describe('client: messages of error codes', () => {
  const before = getLocale()
  afterEach(() => setLocale(before))

  it('has a French and an English sentence for every error code, different from each other', () => {
    for (const code of ERROR_CODES) {
      const key = ERROR_MESSAGES[code]
      assert.ok(fr[key] && en[key], `${code}: ${key} in both catalogues`)
      assert.notEqual(fr[key], en[key], `${code} is translated`)
      assert.doesNotMatch(fr[key], /\{/, `${code}: no placeholder left in French`)
      assert.doesNotMatch(en[key], /\{/, `${code}: no placeholder left in English`)
    }
  })

  it('words every field error code with its limit, in both languages', () => {
    for (const locale of ['fr', 'en'] as const) {
      setLocale(locale)
      for (const code of FIELD_ERROR_CODES) {
        for (const origin of ['string', 'number', 'array'] as const) {
          const words = FIELD_MESSAGES[code]({ path: 'x', code, minimum: 8, maximum: 80, origin })
          assert.ok(words.length > 5, `${locale} ${code}`)
          assert.doesNotMatch(words, /\{|undefined/, `${locale} ${code} ${origin}: ${words}`)
        }
      }
    }
    setLocale('fr')
    assert.equal(fieldMessage({ path: 'password', code: 'too_small', minimum: 10, origin: 'string' }), 'Trop court : au moins 10 caractères.')
    assert.equal(fieldMessage({ path: 'x', code: 'from_a_newer_server' } as unknown as FieldError), 'Cette valeur n’est pas valide.')
  })

  it('never shows the server\'s English, and has a fallback for a code it does not know', () => {
    setLocale('fr')
    assert.equal(errorMessage(new ApiError(409, 'email_taken', 'an account already uses this email')), 'Un compte utilise déjà cette adresse.')
    assert.equal(errorMessage(new ApiError(418, 'brewing', 'I am a teapot')), 'Une erreur est survenue (418) : réessayez.')
    assert.equal(errorMessage(new ApiError(401, 'unauthenticated', 'wrong email or password'), { unauthenticated: 'login.wrongCredentials' }),
      'Adresse électronique ou mot de passe incorrect.')
    assert.equal(errorMessage(new ApiError(429, 'rate_limited', 'slow down', { retryAfterSeconds: 4.2 })), 'Trop de demandes en peu de temps : réessayez dans 5 s.')
    assert.equal(errorMessage(new ApiError(403, 'requirement_missing', 'x', { requirement: 'oidc' })), fr['error.code.requirement_missing_oidc'])
    setLocale('en')
    assert.equal(errorMessage(new ApiError(422, 'consultation_closed', 'the consultation is not open: votes are not accepted now')), en['contrib.closed'])
  })

  it('puts each field error next to its field and sums them up above the button', () => {
    setLocale('fr')
    const err = new ApiError(400, 'invalid_input', 'invalid body: email: Invalid email address', undefined, [
      { path: 'email', code: 'invalid_email' }, { path: 'password', code: 'too_small', minimum: 10, origin: 'string' }
    ])
    const split = formErrors(err, ['email', 'password', 'displayName'])
    assert.deepEqual(split, {
      message: 'Le formulaire contient des erreurs : corrigez les champs signalés.',
      fields: { email: 'Saisissez une adresse électronique valide, par exemple nom@exemple.fr.', password: 'Trop court : au moins 10 caractères.' }
    })
    // A field the form does not show: the code's sentence above the button.
    assert.equal(formErrors(err, ['email']).message, fr['error.code.invalid_input'])
    // A code about one field goes next to it.
    assert.deepEqual(formErrors(new ApiError(409, 'email_taken', 'x'), ['email'], {}, { email_taken: 'email' }).fields, { email: 'Un compte utilise déjà cette adresse.' })
  })
})
