/**
 * What the built client (dist/client: `npm run build` first) leaves out: zod
 * (the client types its calls from shared/api.ts with type-only imports and
 * calls through the route table, which names schemas instead of holding
 * them), and the route table's words for the OpenAPI document (`who`,
 * `summary`: scripts/vite/route-docs.ts), while the routes themselves are in.
 */
import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ROUTES } from '../../shared/routes.ts'

const ASSETS = fileURLToPath(new URL('../../dist/client/assets/', import.meta.url))

function builtCode (): string {
  assert.ok(existsSync(ASSETS), 'dist/client is missing: run `npm run build` first')
  return readdirSync(ASSETS).filter(f => f.endsWith('.js')).map(f => readFileSync(join(ASSETS, f), 'utf8')).join('\n')
}

describe('Client bundle', () => {
  it('holds no zod', () => {
    const code = builtCode()
    // Messages of zod's own code, whatever the minifier renames.
    for (const marker of ['Invalid input: expected', 'ZodError', '$ZodType']) assert.ok(!code.includes(marker), `a chunk holds zod (${marker})`)
  })

  it('holds every route\'s path but none of the table\'s words for the documentation', () => {
    const code = builtCode()
    for (const [name, route] of Object.entries(ROUTES)) {
      assert.ok(code.includes(route.path), `${name}'s path is not in the bundle`)
      // Short summaries ("Sign out") may be words of the interface too.
      if (route.summary.length >= 40) assert.ok(!code.includes(route.summary), `${name}'s summary is in the bundle`)
    }
  })
})
