/**
 * The storage interface as the domain sees it: the `Store` and its records
 * (declared by aggregate in server/store/types/), re-exported here so that
 * the domain imports its port from its own layer, never from the folder of
 * the store adapters (server/store/sqlite, server/store/mongo).
 */
export * from '../store/store.ts'
export { storeMembers } from '../store/members.ts'
