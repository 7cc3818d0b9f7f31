/**
 * Volunteering for the council while it recruits: the counts so far by
 * category (never who), the private questions, "Je me porte volontaire",
 * then "Modifier mes réponses" and "Retirer ma candidature".
 */
import { useEffect, useState } from 'preact/hooks'
import { formatDate, formatNumber, t, tn } from '../i18n/index.ts'
import type { SessionState } from '../session.ts'
import { FormError } from '../components/FormError.tsx'
import { FieldError } from '../components/Field.tsx'
import { formErrors } from '../errors.ts'
import { announce } from '../components/Announcer.tsx'
import { councilApi, type CouncilMeView, type CouncilView } from './council-api.ts'
import { councilError } from './errors.ts'

/** The counts by category value, as a small table. */
export function VolunteerCounts ({ council }: { council: CouncilView }) {
  return (
    <table class="council-counts">
      <caption>{t('council.countsCaption')}</caption>
      <tbody>
        {council.categories.map(c => (
          <tr key={c.key}>
            <th scope="row">{c.label}</th>
            <td>{c.values.map(v => `${v.label} ${formatNumber(v.volunteers)}`).join(' · ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** The volunteer form; `onChanged` reloads the counts. */
export function VolunteerForm ({ council, me, returnTo, onChanged }: { council: CouncilView; me: SessionState; returnTo: string; onChanged: () => void }) {
  const [mine, setMine] = useState<CouncilMeView | null>(null)
  const [answers, setAnswers] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const [missing, setMissing] = useState(false)
  const [fields, setFields] = useState<Record<string, string>>({})
  const [pending, setPending] = useState(false)
  const idp = `council-${council.billId}`

  useEffect(() => {
    if (!me) { setMine(null); return }
    const controller = new AbortController()
    councilApi.me(council.billId, controller.signal).then(m => { setMine(m); if (m.answers) setAnswers(m.answers) }, () => {})
    return () => controller.abort()
  }, [me?.id, council.billId])

  async function act (what: 'volunteer' | 'withdraw') {
    if (pending) return
    if (what === 'volunteer' && council.categories.some(c => !answers[c.key])) { setError(t('council.answerAll')); setMissing(true); return }
    setPending(true)
    setError(null)
    setMissing(false)
    setFields({})
    try {
      const m = what === 'volunteer' ? await councilApi.volunteer(council.billId, answers) : await councilApi.withdraw(council.billId)
      setMine(m)
      if (!m.answers) setAnswers({})
      announce(t(what === 'volunteer' ? 'council.volunteeredDone' : 'council.withdrawn'))
      onChanged()
    } catch (e) {
      setError(councilError(e))
      setFields(formErrors(e, council.categories.map(c => `answers.${c.key}`)).fields)
    } finally {
      setPending(false)
    }
  }

  return (
    <div class="council-volunteer">
      <p class="council-volunteer__count" data-volunteers={council.volunteersCount}>{tn('council.volunteers', council.volunteersCount)}</p>
      <VolunteerCounts council={council} />
      {council.closesAt && <p>{t('council.closesAt', { date: formatDate(council.closesAt, true) })}</p>}
      {council.commitmentText && (
        <details class="council-volunteer__commitment">
          <summary>{t('council.commitmentText')}</summary>
          <p>{council.commitmentText}</p>
        </details>
      )}
      {me === null && (
        <p>{t('council.signedOut')} <a href={`/login?next=${encodeURIComponent(returnTo)}`}>{t('council.signIn')}</a></p>
      )}
      {me && (
        <form class="council-volunteer__form" onSubmit={e => { e.preventDefault(); void act('volunteer') }} noValidate>
          <p class="muted">{t('council.privacy')}</p>
          {council.categories.map(c => (
            <p class="field" key={c.key}>
              <label for={`${idp}-${c.key}`}>{c.label}</label>
              <select id={`${idp}-${c.key}`} name={c.key} value={answers[c.key] ?? ''}
                aria-invalid={(missing && !answers[c.key]) || fields[`answers.${c.key}`] ? 'true' : undefined}
                aria-describedby={fields[`answers.${c.key}`] ? `${idp}-${c.key}-error` : missing && !answers[c.key] ? `${idp}-error` : undefined}
                onChange={e => setAnswers(a => ({ ...a, [c.key]: (e.target as HTMLSelectElement).value }))}>
                <option value="">{t('council.choose')}</option>
                {c.values.map(v => <option key={v.key} value={v.key}>{v.label}</option>)}
              </select>
              <FieldError id={`${idp}-${c.key}`} message={fields[`answers.${c.key}`]} />
            </p>
          ))}
          <FormError id={`${idp}-error`} message={error} />
          {mine?.volunteered && <p class="council-volunteer__status" data-volunteered="true">{t('council.volunteered')}</p>}
          <p class="council-volunteer__actions">
            <button type="submit" class="button button--primary" disabled={pending}>{t(mine?.volunteered ? 'council.update' : 'council.volunteer')}</button>
            {mine?.volunteered && <button type="button" class="button button--secondary" disabled={pending} onClick={() => void act('withdraw')}>{t('council.withdraw')}</button>}
          </p>
        </form>
      )}
    </div>
  )
}
