/**
 * The categories of a council as lines an editor can type:
 * `key | Label | value=Label:min-max, value=Label:min-max`.
 */
import type { CouncilSetupBody } from './council-api.ts'

type Category = CouncilSetupBody['categories'][number]

/** The lines of some categories. */
export function categoriesToText (categories: Category[]): string {
  return categories.map(c => `${c.key} | ${c.label} | ${c.values.map(v => `${v.key}=${v.label}:${v.min}-${v.max}`).join(', ')}`).join('\n')
}

/** Parses the lines; returns the categories or the 1-based number of the first unreadable line. */
export function textToCategories (text: string): { categories: Category[] } | { badLine: number; line: string } {
  const categories: Category[] = []
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim()
    if (!line) continue
    const parts = line.split('|').map(p => p.trim())
    if (parts.length !== 3 || !parts[0] || !parts[1]) return { badLine: i + 1, line }
    const values = []
    for (const item of parts[2]!.split(',').map(x => x.trim()).filter(Boolean)) {
      const m = /^([A-Za-z0-9_-]+)=(.+):(\d+)-(\d+)$/.exec(item)
      if (!m) return { badLine: i + 1, line }
      values.push({ key: m[1]!, label: m[2]!.trim(), min: Number(m[3]), max: Number(m[4]) })
    }
    if (!values.length) return { badLine: i + 1, line }
    categories.push({ key: parts[0], label: parts[1], values })
  }
  return { categories }
}
