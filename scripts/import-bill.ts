/**
 * Imports a bill through the HTTP API, as an outside tool would.
 *   npm run import-bill -- <file.json|file.md|file.xml> --url http://localhost:3000 --token <API token> [--title "..."] [--publish 2026-12-31T00:00:00Z]
 * A .json file is in the-law-factory format (articles with numbered alinéas, as in
 * test/fixtures/bills/); .md is Markdown; .xml is Akoma Ntoso. The token comes from
 * POST /api/v1/auth/tokens (or ALINEA_TOKEN). Prints the new bill's id and article count.
 */
import { readFileSync } from 'node:fs'
import { extname, basename } from 'node:path'
import { parseArgs } from 'node:util'
import { lawFactoryTitle, lawFactoryToBlocks } from '../shared/lawfactory.ts'

/** Builds the POST /bills body for a file. */
export function importBody (file: string, content: string, title?: string): Record<string, unknown> {
  const ext = extname(file).toLowerCase()
  if (ext === '.json') {
    const json = JSON.parse(content) as unknown
    const articles = lawFactoryToBlocks(json).flatMap(b => b.kind === 'article' ? [{ num: b.num, heading: b.heading, alineas: b.alineas }] : [])
    return { title: title ?? (lawFactoryTitle(json) ?? basename(file)).slice(0, 300), articles }
  }
  if (ext === '.xml' || ext === '.akn') return { title: title ?? basename(file), akn: content }
  return { title: title ?? basename(file, ext), text: content }
}

async function main (): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { url: { type: 'string', default: 'http://localhost:3000' }, token: { type: 'string' }, title: { type: 'string' }, publish: { type: 'string' } }
  })
  const token = values.token ?? process.env.ALINEA_TOKEN
  if (positionals.length !== 1 || !token) {
    console.error('usage: npm run import-bill -- <file> --url <server> --token <API token> [--title T] [--publish <closesAt ISO date>]')
    process.exit(2)
  }
  const file = positionals[0]
  const body = importBody(file, readFileSync(file, 'utf8'), values.title)
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` }
  const res = await fetch(`${values.url}/api/v1/bills`, { method: 'POST', headers, body: JSON.stringify(body) })
  const bill = await res.json() as any
  if (res.status !== 201) {
    console.error(`import failed (${res.status}): ${bill?.error?.message ?? JSON.stringify(bill)}`)
    process.exit(1)
  }
  if (values.publish) {
    const pub = await fetch(`${values.url}/api/v1/bills/${bill.id}/publish`, { method: 'POST', headers, body: JSON.stringify({ closesAt: values.publish }) })
    if (!pub.ok) {
      console.error(`publish failed (${pub.status}): ${(await pub.json() as any)?.error?.message}`)
      process.exit(1)
    }
  }
  const alineas = bill.articles.reduce((n: number, a: any) => n + a.alineas.length, 0)
  console.log(JSON.stringify({ id: bill.id, articles: bill.articles.length, alineas, nums: bill.articles.map((a: any) => a.num) }))
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) await main()
