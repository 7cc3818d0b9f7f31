/**
 * The open data as one JSON document (see docs/OPEN-DATA.md), written
 * incrementally: the bill, its revisions and articles first (small), then
 * amendments, arguments and votes page by page from the store's keyset
 * cursors, each page serialised, flushed with backpressure and followed by a
 * pause for the event loop. Memory holds one page whatever the bill's size.
 */
import type { Writable } from 'node:stream'
import { articleFigures } from '../domain/synthesis-articles.ts'
import { Sink } from './sink.ts'
import { amendmentPages, argumentPages, votePages, type ExportContext } from './records.ts'
import { councilSynthesis } from '../domain/council/summary.ts'

/** The version of the open-data format; bumped on any incompatible change. */
export const OPEN_DATA_VERSION = 1

/** Writes `items` of an async page source as the members of a JSON array (the brackets are the caller's). */
async function writeArray<T> (sink: Sink, pages: AsyncIterable<T[]>): Promise<number> {
  let n = 0
  for await (const page of pages) {
    for (const item of page) sink.push((n++ === 0 ? '\n' : ',\n') + JSON.stringify(item))
    await sink.pause()
  }
  if (n > 0) sink.push('\n')
  return n
}

/** Streams the open data of a bill to `out` and ends it. */
export async function writeJson (x: ExportContext, out: Writable): Promise<void> {
  const { ctx, bill } = x
  const sink = new Sink(out)
  const head = {
    format: 'alinea-open-data',
    version: OPEN_DATA_VERSION,
    audience: x.audience,
    generatedAt: ctx.now().toISOString(),
    bill: {
      id: bill.id, title: bill.title, summary: bill.summary, status: bill.status,
      opensAt: bill.opensAt, closesAt: bill.closesAt, revision: bill.revision, createdAt: bill.createdAt
    },
    // the citizens' council, only when the bill has one: composition (counts only) and published opinions
    council: (await councilSynthesis(ctx, bill.id)) ?? undefined
  }
  const text = JSON.stringify(head, null, 1)
  sink.push(text.slice(0, text.lastIndexOf('}')).trimEnd())

  sink.push(',\n "revisions": [')
  let written = 0
  for (let n = 1; n <= bill.revision; n++) {
    const rev = await ctx.store.getRevision(bill.id, n)
    if (!rev) continue
    sink.push((written++ === 0 ? '\n' : ',\n') + JSON.stringify({
      number: rev.number,
      publishedAt: rev.publishedAt,
      articles: rev.articles.map(a => ({ id: a.id, num: a.num, heading: a.heading, alineas: a.alineas, hash: a.hash }))
    }))
    await sink.pause()
  }
  sink.push('],\n "articles": [')
  const articles = bill.revision > 0 ? await ctx.store.listArticles(bill.id) : []
  const ids = articles.map(a => a.id)
  const [tallies, statusCounts] = await Promise.all([ctx.store.getTallies('article', ids), ctx.store.amendmentStatusCounts(bill.id)])
  for (const [i, a] of articles.entries()) {
    // Argument counts scan each article's arguments: one article at a time, pausing in between.
    const argumentCounts = await ctx.store.countArguments('article', [a.id])
    sink.push((i === 0 ? '\n' : ',\n') + JSON.stringify({
      id: a.id,
      num: a.num,
      heading: a.heading,
      position: a.position,
      revision: a.revision,
      alineas: a.alineas,
      ...articleFigures(tallies.get(a.id)!, statusCounts.get(a.id), argumentCounts.get(a.id)!)
    }))
    await sink.pause()
  }
  sink.push('],\n "amendments": [')
  await writeArray(sink, amendmentPages(x))
  sink.push('],\n "arguments": [')
  await writeArray(sink, argumentPages(x))
  sink.push('],\n "votes": [')
  await writeArray(sink, votePages(x))
  sink.push(']\n}\n')
  await sink.end()
}
