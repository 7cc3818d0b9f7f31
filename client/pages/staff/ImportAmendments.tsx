/**
 * "Importer des amendements" on the decisions page: a parliament's file
 * (Assemblée XML, Sénat CSV), sent as base64 (the Sénat's is Latin-1), and
 * the report of what was imported, what does not apply to the text and what
 * was not imported, with the reasons.
 */
import { useState } from 'preact/hooks'
import { call } from '../../api.ts'
import type { ImportReportView } from '../../../shared/api.ts'
import { t } from '../../i18n/index.ts'
import { errorMessage } from '../../errors.ts'

/** The bytes of a file as base64. */
async function base64Of (file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/** The import form and its report; `onImported` reloads the lists. */
export function ImportAmendments ({ billId, onImported }: { billId: string; onImported: () => void }) {
  const [format, setFormat] = useState<'an-xml' | 'senat-csv'>('an-xml')
  const [file, setFile] = useState<File | null>(null)
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [report, setReport] = useState<ImportReportView | null>(null)

  async function onSubmit (e: Event) {
    e.preventDefault()
    if (pending) return
    if (!file) { setError(t('import.missingFile')); return }
    setPending(true)
    setError(null)
    try {
      const body = { format, dataBase64: await base64Of(file) }
      setReport(await call('importAmendments', { params: { billId }, body }))
      onImported()
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setPending(false)
    }
  }

  const inapplicable = report?.imported.filter(i => !i.applies) ?? []
  return (
    <details class="import-amendments">
      <summary>{t('import.title')}</summary>
      <form onSubmit={onSubmit} aria-busy={pending}>
        <p class="field__hint">{t('import.hint')}</p>
        <div class="filters__field">
          <label for="import-format">{t('import.format')}</label>
          <select id="import-format" value={format} onChange={e => setFormat((e.currentTarget as HTMLSelectElement).value as 'an-xml' | 'senat-csv')}>
            <option value="an-xml">{t('import.format.an')}</option>
            <option value="senat-csv">{t('import.format.senat')}</option>
          </select>
        </div>
        <div class="filters__field">
          <label for="import-file">{t('import.file')}</label>
          <input id="import-file" type="file" accept=".xml,.csv,.txt,text/xml,text/csv" onChange={e => setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null)} />
        </div>
        <button type="submit" class="button button--secondary">{pending ? t('import.pending') : t('import.submit')}</button>
        {error && <p class="feedback feedback--error" role="alert">{error}</p>}
      </form>
      {report && (
        <div class="import-report" role="status" data-imported={report.imported.length} data-not-imported={report.notImported.length}>
          <p>{t('import.done', { imported: String(report.imported.length), notImported: String(report.notImported.length) })}</p>
          {inapplicable.length > 0 && (
            <>
              <h3>{t('import.notApplicable')}</h3>
              <ul>{inapplicable.map(i => <li key={i.amendmentId}>{t('import.line', { number: i.number, reason: i.reason ?? '' })}</li>)}</ul>
            </>
          )}
          {report.notImported.length > 0 && (
            <>
              <h3>{t('import.notImported')}</h3>
              <ul>{report.notImported.map((n, k) => <li key={k}>{t('import.line', { number: n.number, reason: n.reason })}</li>)}</ul>
            </>
          )}
        </div>
      )}
    </details>
  )
}
