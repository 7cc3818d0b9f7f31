/**
 * The synthesis's downloads, each with what it is for: Word (an editable
 * report), PDF (printable), Excel (a sheet per table), CSV (raw tables),
 * JSON (open data), Akoma Ntoso (parliamentary XML, the text and the
 * consolidated text). The reports and tables are for staff, the bill's
 * editors and admins: only they see those links (the server checks anyway).
 */
import type { User } from '../../api.ts'
import { t } from '../../i18n/index.ts'
import { exportHref, type CsvKind, type ExportFormat, type SynthesisView } from './staff-api.ts'

interface Download { format: ExportFormat; key: string; href: string; name: string; use: string; staff: boolean }

const CSV_KINDS: CsvKind[] = ['articles', 'amendments', 'arguments', 'votes', 'participation']
const CSV_KEY = {
  articles: 'synthesis.csv.articles', amendments: 'synthesis.csv.amendments', arguments: 'synthesis.csv.arguments',
  votes: 'synthesis.csv.votes', participation: 'synthesis.csv.participation'
} as const

/** Whether `me` gets the staff formats of this bill: staff, admins and the bill's editors (its authors). */
export function readsStaffExports (me: User | null | undefined, bill: SynthesisView['bill']): boolean {
  if (!me) return false
  return me.role === 'staff' || me.role === 'admin' || bill.authors.some(a => a.id === me.id)
}

function downloads (billId: string): Download[] {
  return [
    { format: 'docx', key: 'docx', href: exportHref(billId, 'docx'), name: t('synthesis.dl.docx'), use: t('synthesis.dl.docxUse'), staff: true },
    { format: 'pdf', key: 'pdf', href: exportHref(billId, 'pdf'), name: t('synthesis.dl.pdf'), use: t('synthesis.dl.pdfUse'), staff: true },
    { format: 'xlsx', key: 'xlsx', href: exportHref(billId, 'xlsx'), name: t('synthesis.dl.xlsx'), use: t('synthesis.dl.xlsxUse'), staff: true },
    { format: 'json', key: 'json', href: exportHref(billId, 'json'), name: t('synthesis.dl.json'), use: t('synthesis.dl.jsonUse'), staff: false },
    { format: 'akn', key: 'akn', href: exportHref(billId, 'akn'), name: t('synthesis.dl.akn'), use: t('synthesis.dl.aknUse'), staff: false },
    { format: 'akn', key: 'akn-consolidated', href: exportHref(billId, 'akn', { version: 'consolidated' }), name: t('synthesis.dl.aknConsolidated'), use: t('synthesis.dl.aknConsolidatedUse'), staff: false }
  ]
}

function DownloadItem ({ d }: { d: Download }) {
  return (
    <li class="download" data-format={d.format}>
      <a class="download__link" href={d.href} download data-native data-export={d.key}>
        <span class="download__name">{d.name}</span>
        <span class="download__use">{d.use}</span>
      </a>
    </li>
  )
}

/** The download list for `me`. */
export function Downloads ({ synthesis, me }: { synthesis: SynthesisView; me: User | null | undefined }) {
  const staff = readsStaffExports(me, synthesis.bill)
  const billId = synthesis.bill.id
  const shown = downloads(billId).filter(d => staff || !d.staff)
  return (
    <section class="downloads" aria-labelledby="downloads-title">
      <h2 id="downloads-title">{t('synthesis.downloads')}</h2>
      <ul class="downloads__list">
        {shown.filter(d => d.staff).map(d => <DownloadItem key={d.key} d={d} />)}
        {staff && (
          <li class="download download--csv" data-format="csv">
            <p class="download__name" id="csv-title">{t('synthesis.dl.csv')}</p>
            <p class="download__use">{t('synthesis.dl.csvUse')}</p>
            <ul class="download__kinds" aria-labelledby="csv-title">
              {CSV_KINDS.map(k => (
                <li key={k}><a href={exportHref(billId, 'csv', { kind: k })} download data-native data-export={`csv-${k}`}>{t(CSV_KEY[k])}</a></li>
              ))}
            </ul>
          </li>
        )}
        {shown.filter(d => !d.staff).map(d => <DownloadItem key={d.key} d={d} />)}
      </ul>
      {!staff && <p class="downloads__note">{t('synthesis.dl.staffOnly')}</p>}
    </section>
  )
}
