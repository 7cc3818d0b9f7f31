/** Listing and ending a user's credentials (API tokens, "log out everywhere"); and finding look-alike display names. */
import type { CredentialRecord, UserRecord } from './accounts.ts'

export interface CredentialListStore {
  /** The user's credentials of this kind that have not expired at `now`, newest first. */
  listCredentials (userId: string, kind: CredentialRecord['kind'], now: string): Promise<CredentialRecord[]>
}

export interface NameKeyStore {
  /**
   * Users whose display name has this look-alike key (`nameKey` of
   * shared/names.ts, kept by the store beside each account), at most `limit`.
   */
  findUsersByNameKey (key: string, limit: number): Promise<UserRecord[]>
}
