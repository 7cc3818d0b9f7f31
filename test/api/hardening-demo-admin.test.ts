/**
 * The demo is seeded even when an admin is configured (ALINEA_ADMIN_EMAIL
 * used to create a user first, and the demo then saw a non-empty store).
 */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ApiClient } from '../helpers/server.ts'
import { spawnServer, exited } from '../helpers/process.ts'

describe('hardening: demo and configured admin', function () {
  this.timeout(90_000)
  let dir: string
  before(() => { dir = mkdtempSync(join(tmpdir(), 'alinea-demo-admin-')) })
  after(() => rmSync(dir, { recursive: true, force: true }))

  async function billsAndAdmin (url: string): Promise<number> {
    const admin = new ApiClient(url)
    const login = await admin.post('/auth/login', { email: 'root@example.org', password: 'admin password 2026' })
    assert.equal(login.status, 200)
    assert.equal(login.body.role, 'admin')
    return (await (await fetch(`${url}/api/v1/bills`)).json()).items.length
  }

  it('seeds the demo beside the configured admin, and into a store that has users but no bill', async () => {
    const admin = { ALINEA_ADMIN_EMAIL: 'root@example.org', ALINEA_ADMIN_PASSWORD: 'admin password 2026', ALINEA_CLIENT_DIR: join(dir, 'none') }
    const fresh = await spawnServer({ ...admin, ALINEA_DB: join(dir, 'a.db'), ALINEA_DEMO: '1' })
    try {
      assert.equal(await billsAndAdmin(fresh.url), 1)
    } finally {
      fresh.child.kill('SIGTERM')
      await exited(fresh.child)
    }
    // A store started without the demo (only the admin), then with it.
    const bare = await spawnServer({ ...admin, ALINEA_DB: join(dir, 'b.db'), ALINEA_DEMO: '0' })
    bare.child.kill('SIGTERM')
    await exited(bare.child)
    const again = await spawnServer({ ...admin, ALINEA_DB: join(dir, 'b.db'), ALINEA_DEMO: '1' })
    try {
      assert.equal(await billsAndAdmin(again.url), 1)
    } finally {
      again.child.kill('SIGTERM')
      await exited(again.child)
    }
  })
})
