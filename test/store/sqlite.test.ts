import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openSqliteStore } from '../../server/store/sqlite/index.ts'
import { storeContract } from './contract.ts'

describe('Store contract: SQLite (file in WAL mode)', () => {
  let dir: string
  before(() => { dir = mkdtempSync(join(tmpdir(), 'alinea-store-')) })
  after(() => rmSync(dir, { recursive: true, force: true }))
  let n = 0
  storeContract(async () => openSqliteStore(join(dir, `t${n++}.db`)))
})
