/** A contributor as others see them: their display name (as text) and, unless a citizen, what they take part as. */
import type { PublicUser } from '../../shared/types.ts'
import { t } from '../i18n/index.ts'

const PROFILE_KEY = { organisation: 'author.organisation', institution: 'author.institution' } as const

/** "Camille Martin", or "Association X (organisation)". */
export function AuthorName ({ author }: { author: PublicUser }) {
  return (
    <span class="author">
      <span class="author__name">{author.displayName}</span>
      {author.profileType !== 'citizen' && <span class="author__profile"> ({t(PROFILE_KEY[author.profileType])})</span>}
    </span>
  )
}
