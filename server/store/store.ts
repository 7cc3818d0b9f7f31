/**
 * The storage interface the domain layer uses. Two implementations pass the
 * same contract suite (test/store/contract.ts): SQLite (embedded, default)
 * and MongoDB. Everything here is persistence only: rules and roles live in
 * `server/domain/`.
 *
 * Times are ISO 8601 strings in UTC. Binary Yjs updates are `Uint8Array`.
 */
import type { UserStore, CredentialStore } from './types/accounts.ts'
import type { BillStore } from './types/bills.ts'
import type { VoteStore } from './types/votes.ts'
import type { DocStore } from './types/documents.ts'
import type { AmendmentStore } from './types/amendments.ts'
import type { ArgumentStore } from './types/arguments.ts'
import type { ModerationStore } from './types/moderation.ts'
import type { ExportStore } from './types/exports.ts'
import type { CredentialListStore, NameKeyStore } from './types/credential-lists.ts'
import type { CouncilStore, CouncilWorkStore } from './types/council.ts'
import type { AmendmentBatchStore } from './types/amendment-batches.ts'
import type { AdditionalArticleStore } from './types/additional-articles.ts'
import type { IdentityStore } from './types/identity.ts'
import type { VoteRevisionStore } from './types/vote-revisions.ts'
import type { WorkspaceStore } from './types/workspace.ts'
import type { DigestClaimStore } from './types/digests.ts'

export * from './types/accounts.ts'
export * from './types/bills.ts'
export * from './types/votes.ts'
export * from './types/documents.ts'
export * from './types/errors.ts'
export * from './types/amendments.ts'
export * from './types/arguments.ts'
export * from './types/moderation.ts'
export * from './types/exports.ts'
export * from './types/credential-lists.ts'
export * from './types/council.ts'
export * from './types/amendment-batches.ts'
export * from './types/additional-articles.ts'
export * from './types/identity.ts'
export * from './types/vote-revisions.ts'
export * from './types/workspace.ts'
export * from './types/digests.ts'

/** The whole store. */
export interface Store extends UserStore, CredentialStore, BillStore, VoteStore, DocStore, ArgumentStore, ModerationStore, AmendmentStore, ExportStore,
  CredentialListStore, NameKeyStore, CouncilStore, CouncilWorkStore, AmendmentBatchStore, AdditionalArticleStore, IdentityStore,
  VoteRevisionStore,
  WorkspaceStore,
  DigestClaimStore {
  /** Which implementation, for logs and /healthz. */
  readonly kind: 'sqlite' | 'mongodb'
  /** Cheap round trip to the backing store. */
  ping (): Promise<boolean>
  /** Flushes and releases everything. */
  close (): Promise<void>
}
