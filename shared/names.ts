/**
 * Display names and user text, shared by the server (which enforces) and
 * the client (which may warn early). No Node API, no DOM API.
 *
 * - `wellFormed` replaces lone UTF-16 surrogates by U+FFFD, as
 *   `String.prototype.toWellFormed` does (what a UTF-8 store would do
 *   anyway, but then the answer and the stored text would differ).
 * - `stripControls` removes control characters (C0 but tab, line feed and
 *   carriage return; DEL; C1) from free text.
 * - `displayNameProblem` says why a display name is refused: control
 *   characters, bidirectional overrides or isolates (which make
 *   "\u202eAdministrateur" read as another name), or nothing visible.
 * - `nameKey` folds a name to a look-alike key: compatibility forms, case,
 *   accents, common Cyrillic and Greek homoglyphs, digits that read as
 *   letters, and everything but letters and digits dropped; two names with
 *   the same key are too close to tell apart.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g
// eslint-disable-next-line no-control-regex
const ANY_CONTROL = /[\u0000-\u001F\u007F-\u009F]/
/** Bidirectional marks, embeddings, overrides and isolates. */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/
/** What shows nothing by itself: spaces, format characters, combining marks, filler letters, blank braille. */
const INVISIBLE = /[\p{White_Space}\p{Cf}\p{M}\u115F\u1160\u3164\uFFA0\u2800\u180E]/gu

/** The string with every lone surrogate replaced by U+FFFD. */
export function wellFormed (s: string): string {
  return s.replace(LONE_SURROGATE, '\uFFFD')
}

/** The string without control characters, except tab, line feed and carriage return. */
export function stripControls (s: string): string {
  return s.replace(CONTROLS, '')
}

/** Why this display name is refused, or null when it is acceptable. */
export function displayNameProblem (name: string): string | null {
  if (ANY_CONTROL.test(name)) return 'a display name cannot contain control characters'
  if (BIDI.test(name)) return 'a display name cannot contain bidirectional override or isolate characters'
  if (LONE_SURROGATE.test(name)) { LONE_SURROGATE.lastIndex = 0; return 'a display name must be valid text' }
  if (name.replace(INVISIBLE, '').length === 0) return 'a display name must contain visible characters'
  return null
}

/** Homoglyphs and look-alike digits, after lower-casing and removing accents. */
const CONFUSABLES: Record<string, string> = {
  // Cyrillic
  а: 'a', в: 'b', е: 'e', ё: 'e', з: '3', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', і: 'l', ї: 'l', ј: 'j', ѕ: 's', ԁ: 'd', һ: 'h', ӏ: 'l',
  // Greek
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'l', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ω: 'w', ς: 's',
  // Latin and digits that read alike
  i: 'l', ı: 'l', '1': 'l', '|': 'l', '0': 'o', '3': 'e', '4': 'a', '5': 's', '7': 't', '$': 's', '@': 'a', ſ: 's', ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ł: 'l'
}

/** The look-alike key of a display name (see the module comment). */
export function nameKey (name: string): string {
  const folded = name.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')
  let out = ''
  for (const ch of folded) out += CONFUSABLES[ch] ?? ch
  return out.replace(/[^\p{L}\p{N}]/gu, '').replace(/rn/g, 'm').replace(/vv/g, 'w')
}
