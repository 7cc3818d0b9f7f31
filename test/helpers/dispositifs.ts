import { dispositifText } from '../../shared/wording-text.ts'
import { fixtureFiles, fixtureText } from './fixtures.ts'

/** A dispositif of a fixture: where it comes from and its plain text (HTML read by `dispositifText`). */
export interface FixtureDispositif { source: string; subdivision: string; text: string }

/**
 * The dispositifs of the Sénat « jeu complet » fixture (Latin-1, tab-separated,
 * a `sep=` line then a header). Rows without a dispositif (withdrawn numbers) are left out.
 */
export function senatDispositifs (): FixtureDispositif[] {
  const text = fixtureText('amendments/senat-commission-2013-2014-310.csv', 'latin1')
  const rows = text.split(/\r?\n/u).slice(2).map(l => l.split('\t'))
  return rows.filter(r => r.length > 7 && r[7].trim() !== '')
    .map(r => ({ source: `Sénat ${r[1].trim()}`, subdivision: r[2].trim(), text: dispositifText(r[7]) }))
    .filter(d => d.text !== '')
}

/** The dispositifs of the Assemblée nationale fixtures (single amendments and the liasse); nil dispositifs are left out. */
export function assembleeDispositifs (): FixtureDispositif[] {
  const files = ['an-liasse.xml', ...fixtureFiles('amendments/an', '.xml').map(f => `an/${f}`)]
  const out: FixtureDispositif[] = []
  for (const file of files) {
    const xml = fixtureText(`amendments/${file}`)
    for (const m of xml.matchAll(/<amendement\b[\s\S]*?<\/amendement>/gu)) {
      const number = /<numero>([^<]*)<\/numero>/u.exec(m[0])?.[1] ?? '?'
      const subdivision = /<titre>([^<]*)<\/titre>/u.exec(m[0])?.[1] ?? ''
      const d = /<dispositif>([\s\S]*?)<\/dispositif>/u.exec(m[0])
      if (d === null) continue
      const text = dispositifText(d[1])
      if (text !== '') out.push({ source: `AN ${file} n° ${number}`, subdivision, text })
    }
  }
  return out
}

/** The dispositif of one fixture amendment, by its source name ("Sénat COM-48", "AN an/911-2.xml n° 2"). */
export function fixtureDispositif (source: string): string {
  const found = [...senatDispositifs(), ...assembleeDispositifs()].find(d => d.source === source)
  if (found === undefined) throw new Error(`No dispositif ${source} in the fixtures`)
  return found.text
}
