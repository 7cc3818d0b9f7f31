/**
 * Runs an export into an HTTP response: picks the writer of the format, sets
 * the content type and a download file name, and streams. Everything that
 * can refuse (an unknown revision, Chromium missing) is checked before the
 * first byte, so it still gets a JSON error; a failure after that can only
 * cut the response, which is logged.
 */
import type { Response } from 'express'
import type { Logger } from 'pino'
import type { Ctx } from '../domain/context.ts'
import type { Audience } from '../domain/synthesis.ts'
import { synthesisOf } from '../domain/synthesis.ts'
import type { BillRecord } from '../store/store.ts'
import type { ExportQuery } from '../../shared/api.ts'
import { exportContext } from './records.ts'
import { writeJson } from './json.ts'
import { writeCsv } from './csv.ts'
import { writeXlsx } from './xlsx.ts'
import { renderDocx } from './docx.ts'
import { renderHtml } from './html.ts'
import { assertChromium, htmlToPdf } from './pdf.ts'
import { aknText, writeAkn, type AknVersion } from './akn.ts'
import { ExportAborted } from './sink.ts'
import { xmlSafe } from './report.ts'
import { attachmentHeader, downloadName, type DownloadName } from './file-name.ts'
import { wordsOf } from './words.ts'

/** The media type of each format. */
export const CONTENT_TYPES = {
  json: 'application/json; charset=utf-8',
  akn: 'application/akn+xml; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf'
} as const

const EXTENSIONS = { json: 'json', akn: 'akn.xml', csv: 'csv', xlsx: 'xlsx', docx: 'docx', html: 'html', pdf: 'pdf' } as const

function start (res: Response, format: keyof typeof CONTENT_TYPES, name: DownloadName, audience: Audience): void {
  res.status(200)
  res.setHeader('Content-Type', CONTENT_TYPES[format])
  res.setHeader('Content-Disposition', attachmentHeader(name))
  res.setHeader('Cache-Control', audience === 'staff' ? 'private, no-store' : 'no-cache')
}

/**
 * Writes the export of `bill` described by `query` for `audience` into `res`,
 * in the report language `query.lang` (French by default), under a name made
 * from the bill's title, what it is and the day (`file-name.ts`).
 */
export async function sendExport (ctx: Ctx, bill: BillRecord, audience: Audience, query: ExportQuery, res: Response, log: Logger): Promise<void> {
  const x = exportContext(ctx, bill, audience)
  const format = query.format
  const lang = query.lang ?? 'fr'
  const file = wordsOf(lang).file
  const suffix = audience === 'staff' && (format === 'json' || format === 'akn') ? '-staff' : ''
  const name = (what: string): DownloadName => downloadName(bill, `${what}${suffix}`, ctx.now(), EXTENSIONS[format])
  switch (format) {
    case 'html': {
      const html = renderHtml(await synthesisOf(ctx, bill), lang)
      start(res, format, name(file.synthesis), audience)
      res.end(html)
      return
    }
    case 'pdf': {
      await assertChromium(ctx.config.chromium)
      const pdf = await htmlToPdf(renderHtml(await synthesisOf(ctx, bill), lang), ctx.config.chromium)
      start(res, format, name(file.synthesis), audience)
      res.end(pdf)
      return
    }
    case 'docx': {
      const docx = await renderDocx(xmlSafe(await synthesisOf(ctx, bill)), lang)
      start(res, format, name(file.synthesis), audience)
      res.end(docx)
      return
    }
  }
  // Streamed formats: preconditions first, then headers, then the body.
  const version: AknVersion = query.version === undefined || query.version === 'latest' ? 'latest' : query.version === 'consolidated' ? 'consolidated' : Number(query.version)
  const text = format === 'akn' ? await aknText(x, version) : null
  const kind = query.kind ?? 'articles'
  start(res, format, name(format === 'csv' ? file[kind] : format === 'akn' ? (version === 'consolidated' ? file.consolidated : file.text) : file.data), audience)
  try {
    if (format === 'json') await writeJson(x, res)
    else if (format === 'csv') await writeCsv(x, kind, res, { lang: query.lang ?? null, sep: query.sep ?? null })
    else if (format === 'xlsx') await writeXlsx(x, res, lang)
    else await writeAkn(x, text!, res)
  } catch (err) {
    if (err instanceof ExportAborted) {
      log.info({ billId: bill.id, format }, 'export abandoned by the client')
      return
    }
    log.error({ err, billId: bill.id, format }, 'export failed midway')
    res.destroy(err as Error)
  }
}
