/**
 * The catalogues are split per chunk, and the built client (dist/client:
 * `npm run build` first) shows it: the main bundle (the entry chunk and what
 * it imports statically) carries none of the messages of the pages loaded
 * on demand (staff, editors' space, council pages, identity pages), in
 * French or in English, and their chunks do; every key that a source file
 * uses is registered by its chunk, a chunk it imports statically, or the
 * main bundle, so `t` never meets a key whose part is not loaded. Which
 * file is in which chunk is read from the source maps.
 */
import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { fr, frParts } from '../../client/i18n/fr/index.ts'
import { enParts } from '../../client/i18n/en/index.ts'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const ASSETS = join(ROOT, 'dist', 'client', 'assets')
type PartName = keyof typeof frParts

/** A built JavaScript chunk: its code, the chunks it imports statically and with `import()`, the project files it holds. */
interface BuiltChunk { file: string; code: string; imports: string[]; dynamicImports: string[]; sources: string[] }

function readChunks (): Map<string, BuiltChunk> {
  assert.ok(existsSync(ASSETS), 'dist/client is missing: run `npm run build` first')
  const chunks = new Map<string, BuiltChunk>()
  for (const file of readdirSync(ASSETS).filter(f => f.endsWith('.js'))) {
    // The minifier writes some characters as escapes (a no-break space as \xA0): read them back.
    const code = readFileSync(join(ASSETS, file), 'utf8')
      .replace(/\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4}))/g, (_, x?: string, u?: string) => String.fromCharCode(parseInt(x ?? u ?? '', 16)))
    const imports = [...code.matchAll(/\bimport\s*(?:\{[^}]*\}|\*\s*as\s*[\w$]+|[\w$]+)?\s*(?:from\s*)?["'`]\.\/([^"'`]+\.js)["'`]/g)].map(m => m[1])
    const dynamicImports = [...code.matchAll(/\bimport\(\s*["'`]\.\/([^"'`]+\.js)["'`]\s*\)/g)].map(m => m[1])
    const map = JSON.parse(readFileSync(join(ASSETS, file + '.map'), 'utf8')) as { sources: string[] }
    const sources = map.sources.filter(s => !s.includes('node_modules')).map(s => s.replace(/^(\.\.\/)+/, ''))
    chunks.set(file, { file, code, imports, dynamicImports, sources })
  }
  return chunks
}

/** `file` and every chunk it imports statically, transitively: what is loaded whenever it is. */
function closure (chunks: Map<string, BuiltChunk>, file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen
  seen.add(file)
  for (const i of chunks.get(file)?.imports ?? []) closure(chunks, i, seen)
  return seen
}

/** The entry chunk named by index.html. */
function entryChunk (): string {
  const html = readFileSync(join(ROOT, 'dist', 'client', 'index.html'), 'utf8')
  const m = html.match(/<script type="module"[^>]*src="\/assets\/([^"]+\.js)"/)
  assert.ok(m, 'index.html names its entry chunk')
  return m[1]
}

/** The parts a registering module registers: main.ts and each module of client/i18n/chunks/ (read from its imports). */
function partsRegisteredBy (source: string): PartName[] {
  if (source !== 'client/i18n/main.ts' && !source.startsWith('client/i18n/chunks/')) return []
  const text = readFileSync(join(ROOT, source), 'utf8')
  return [...text.matchAll(/from '\.\.?\/fr\/([\w-]+)\.ts'/g)].map(m => m[1].replace(/-(\w)/g, (_, c: string) => c.toUpperCase()) as PartName)
}

const keys = Object.keys(fr)
const keySet = new Set(keys)

/** The message keys a source file uses: quoted keys (and plural bases of `tn`), and every key under a `prefix.${...}` template. */
function keysUsedIn (text: string): Set<string> {
  const used = new Set<string>()
  for (const [, , s] of text.matchAll(/(['"`])([a-zA-Z][\w.]*)\1/g)) {
    if (keySet.has(s)) used.add(s)
    if (keySet.has(`${s}.one`)) { used.add(`${s}.one`); used.add(`${s}.other`) }
  }
  for (const [, prefix] of text.matchAll(/`([a-zA-Z][\w.]*\.)\$\{/g)) for (const k of keys) if (k.startsWith(prefix)) used.add(k)
  return used
}

/** The parts loaded on demand, and a chunk that must carry each. */
const LAZY: Partial<Record<PartName, string>> = {
  staffDecisions: 'staff', staffModeration: 'staff', staffSynthesis: 'staff', staffAccount: 'staff',
  editorsSpace: 'EditorWorkspace', councilPages: 'council-pages', councilComposition: 'council-pages', identityPages: 'identity-pages'
}

describe('i18n: catalogues per chunk, in the built client', () => {
  let chunks: Map<string, BuiltChunk>
  let main: Set<string>
  let mainCode: string
  before(() => {
    chunks = readChunks()
    main = closure(chunks, entryChunk())
    mainCode = [...main].map(f => chunks.get(f)?.code ?? '').join('\n')
  })
  const mainTexts = (['shell', 'errors', 'bill', 'contributions', 'signIn', 'councilBox'] as const).flatMap(p => [...Object.values(frParts[p]), ...Object.values(enParts[p])])

  it('keeps the messages of the staff pages, the editors\' space, the council and identity pages out of the main bundle, and in their chunks', () => {
    assert.ok(mainCode.includes('Consultations ouvertes') && mainCode.includes('Open consultations'), 'the main bundle has the home page\'s messages')
    for (const [part, prefix] of Object.entries(LAZY) as [PartName, string][]) {
      const own = chunks.get([...chunks.keys()].find(f => f.startsWith(`${prefix}-`)) ?? '')
      assert.ok(own, `a chunk ${prefix}-*.js`)
      const ownCode = [...closure(chunks, own.file)].map(f => chunks.get(f)?.code ?? '').join('\n')
      // Texts that only this part has (not even within a main message), long enough not to be a common word.
      const distinctive = [...Object.values(frParts[part]), ...Object.values(enParts[part])]
        .filter(s => s.length >= 20 && !mainTexts.some(m => m.includes(s)))
      assert.ok(distinctive.length >= 6, `${part} has distinctive messages`)
      for (const text of distinctive) {
        assert.ok(!mainCode.includes(text), `${part}: "${text}" is not in the main bundle`)
        assert.ok(ownCode.includes(text), `${part}: "${text}" is in ${own.file}`)
      }
    }
  })

  it('registers every key a file uses in its chunk, a chunk it imports, or the main bundle', () => {
    const registeredIn = (files: Set<string>): Set<string> => new Set([...files].flatMap(f => chunks.get(f)?.sources ?? [])
      .flatMap(partsRegisteredBy).flatMap(p => Object.keys(frParts[p])))
    const inMain = registeredIn(main)
    assert.ok(inMain.has('app.name') && !inMain.has('decisions.title'), 'the main bundle registers its parts only')
    // What is loaded with a root (the entry, or a chunk loaded by `import()`) has the messages that the
    // root and its static imports register; a chunk shared by several roots only those that all of them do.
    const roots = new Set([entryChunk(), ...[...chunks.values()].flatMap(c => c.dynamicImports)])
    const availableWith = new Map([...roots].map(r => [r, new Set([...inMain, ...registeredIn(closure(chunks, r))])]))
    const missing: string[] = []
    let files = 0
    for (const c of chunks.values()) {
      const withRoots = [...roots].filter(r => closure(chunks, r).has(c.file)).map(r => availableWith.get(r) ?? new Set<string>())
      assert.ok(withRoots.length > 0, `${c.file} is loaded by the entry or an import()`)
      const available = new Set([...withRoots[0]].filter(k => withRoots.every(a => a.has(k))))
      for (const source of c.sources) {
        if (!source.startsWith('client/') || /^client\/i18n\/(fr|en|chunks)\/|^client\/i18n\/main\.ts$/.test(source)) continue
        files++
        for (const k of keysUsedIn(readFileSync(join(ROOT, source), 'utf8'))) if (!available.has(k)) missing.push(`${source} (${c.file}): ${k}`)
      }
    }
    assert.ok(files > 100, 'the source maps name the client\'s files')
    assert.deepEqual(missing, [])
  })

  it('puts each key in one part only, the same in both languages', () => {
    const seen = new Map<string, string>()
    for (const [name, part] of Object.entries(frParts)) {
      for (const k of Object.keys(part)) {
        assert.ok(!seen.has(k), `${k} is in ${seen.get(k)} and ${name}`)
        seen.set(k, name)
      }
      assert.deepEqual(Object.keys(enParts[name as PartName]).sort(), Object.keys(part).sort(), `en/${name} has the keys of fr/${name}`)
    }
    assert.equal(seen.size, Object.keys(fr).length)
  })
})
