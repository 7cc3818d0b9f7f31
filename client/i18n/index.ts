/**
 * Translation and locale formatting. One catalogue per language (fr, en),
 * the browser's language until the user chooses (French when it is neither);
 * the choice is remembered in localStorage and mirrored on <html lang>.
 * Components re-render on a change through `useLocale`.
 *
 * The catalogues come in parts: the main bundle's (main.ts) are here from
 * the start; each chunk loaded on demand registers its own, in both
 * languages, before its pages render (chunks/). Keys and placeholders are
 * typed from the whole French catalogue (fr/index.ts, a type-only import).
 */
import { useEffect, useState } from 'preact/hooks'
import type { fr, MessageKey } from './fr/index.ts'
import { mainMessages } from './main.ts'

export type { MessageKey } from './fr/index.ts'
export type Locale = 'fr' | 'en'
export const LOCALES: readonly Locale[] = ['fr', 'en']

/** The messages registered so far, by language. */
const catalogues: Record<Locale, Partial<Record<MessageKey, string>>> = { fr: { ...mainMessages.fr }, en: { ...mainMessages.en } }
const reported = new Set<string>()

/**
 * Adds a chunk's messages (the same keys in both languages). Called once by
 * each module of chunks/, which its chunk imports before its pages.
 */
export function registerMessages<K extends MessageKey> (messages: { fr: Record<K, string>; en: Record<K, string> }): void {
  Object.assign(catalogues.fr, messages.fr)
  Object.assign(catalogues.en, messages.en)
}
const STORAGE_KEY = 'alinea.locale'

/** Keys that have plural forms: `X` when the catalogue has `X.one` and `X.other`. */
export type PluralKey = MessageKey extends infer K ? K extends `${infer B}.other` ? B : never : never

/** The `{name}` placeholders of a message text, as a union of names (never when it has none). */
export type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never

/** The parameters of message `K`: one value per placeholder of its French text, no more, no less. */
export type MessageParams<K extends MessageKey> = Record<Placeholders<(typeof fr)[K]>, string | number>

/** The keys of messages without placeholders, which `t(key)` takes alone (for tables of labels). */
export type PlainMessageKey = { [K in MessageKey]: [Placeholders<(typeof fr)[K]>] extends [never] ? K : never }[MessageKey]

/** The parameters of counted message `K`, but `{n}` (the count itself). */
type PluralParams<K extends PluralKey> = Record<Exclude<Placeholders<(typeof fr)[Extract<`${K}.one` | `${K}.other`, MessageKey>]>, 'n'>, string | number>

/** No argument when a message has no placeholder, else its parameters (so a missing one fails to compile). */
type ParamsArg<P> = [keyof P] extends [never] ? [params?: Record<string, never>] : [params: P]

type Params = Record<string, string | number>

let current: Locale = readStoredLocale()
const listeners = new Set<(l: Locale) => void>()

function readStoredLocale (): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY)
    if (stored === 'fr' || stored === 'en') return stored
  } catch { /* storage unavailable (private mode, sandbox) */ }
  return browserLocale(globalThis.navigator?.languages ?? [globalThis.navigator?.language ?? ''])
}

/**
 * The interface language the browser asks for, until the user chooses one:
 * the first of its preferred languages that Alinea speaks, French otherwise.
 */
export function browserLocale (preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0]
    if (base === 'fr' || base === 'en') return base
  }
  return 'fr'
}

/** The language in use. */
export function getLocale (): Locale { return current }

/** Switches language, remembers it and re-renders every `useLocale` user. */
export function setLocale (locale: Locale): void {
  if (locale === current) return
  current = locale
  try { localStorage.setItem(STORAGE_KEY, locale) } catch { /* not remembered, still switched */ }
  applyDocumentLanguage()
  for (const l of listeners) l(locale)
}

/** Sets <html lang> to the current language (call once at start-up). */
export function applyDocumentLanguage (): void {
  if (typeof document !== 'undefined') document.documentElement.lang = current
}

/** A hook that re-renders its component when the language changes; returns it. */
export function useLocale (): Locale {
  const [locale, set] = useState(current)
  useEffect(() => {
    listeners.add(set)
    if (locale !== current) set(current)
    return () => { listeners.delete(set) }
  }, [])
  return locale
}

/** The message `key` in the current language, with `{name}` placeholders filled from `params`. */
export function t<K extends MessageKey> (key: K, ...[params]: ParamsArg<MessageParams<K>>): string {
  return fill(key, params)
}

/** `t` without the compile-time check of parameters, for the counted messages of `tn`. */
function fill (key: MessageKey, params?: Params): string {
  const text = catalogues[current][key] ?? catalogues.fr[key] ?? missing(key)
  if (!params) return text
  return text.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = params[name]
    if (v === undefined) return m
    if (typeof v === 'number') return formatNumber(v)
    return name === 'num' && current === 'en' ? englishArticleNum(v) : v
  })
}

/**
 * A key whose chunk has not registered its messages: a programming error
 * (the chunk does not import its part of chunks/, or a page of the main
 * bundle uses a chunk's key). Reported once on the console, where the
 * browser tests see it, and shown as the key itself.
 */
function missing (key: string): string {
  if (!reported.has(key)) {
    reported.add(key)
    console.error(`i18n: the message "${key}" is not loaded; its chunk must import its part of client/i18n/chunks/`)
  }
  return key
}

/**
 * An article number as English prints it: "1er" (premier) is "1", "1er A"
 * is "1 A"; Latin adverbs ("2 bis") are the same in both languages.
 */
export function englishArticleNum (num: string): string {
  return num.replace(/^(\d+)(?:er|re)\b/, '$1')
}

/** A counted message: picks `key.one` or `key.other` by the language's plural rules; `{n}` is `n`. */
export function tn<K extends PluralKey> (key: K, n: number, ...[params]: ParamsArg<PluralParams<K>>): string {
  const form = new Intl.PluralRules(current).select(n)
  const k = (form === 'one' ? `${key}.one` : `${key}.other`) as MessageKey
  return fill(k, { ...params, n })
}

/** A number written the local way ("1 234" in French, "1,234" in English). */
export function formatNumber (n: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(current, options).format(n)
}

/** A date (and optionally its time), e.g. "12 mars 2025" / "March 12, 2025". */
export function formatDate (iso: string | Date, withTime = false): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso
  return new Intl.DateTimeFormat(current, withTime ? { dateStyle: 'long', timeStyle: 'short' } : { dateStyle: 'long' }).format(d)
}

/** A list of names, "A, B et C" / "A, B, and C". */
export function formatList (items: string[]): string {
  return new Intl.ListFormat(current, { style: 'long', type: 'conjunction' }).format(items)
}

/** Time left until `closesAt`: "encore 12 jours", "encore 3 heures"; null when past. */
export function timeLeft (closesAt: string | null, now = new Date()): string | null {
  if (!closesAt) return null
  const ms = new Date(closesAt).getTime() - now.getTime()
  if (ms <= 0) return null
  const hours = ms / 3_600_000
  if (hours >= 24) return tn('bill.daysLeft', Math.ceil(hours / 24))
  if (hours >= 1) return tn('bill.hoursLeft', Math.ceil(hours))
  return t('bill.closingSoon')
}
