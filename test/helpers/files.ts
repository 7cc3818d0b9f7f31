/**
 * Reading export files back with the programs their users have: `unzip`
 * (Info-ZIP) for DOCX parts, `pdftotext` (poppler-utils) for PDF text and
 * `xmllint` (libxml2-utils) to validate Akoma Ntoso against the official
 * schema; each on a temporary file.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** The Akoma Ntoso 3.0 schema copied from the OASIS repository. */
export const AKN_SCHEMA = fileURLToPath(new URL('../fixtures/akn/schema/akomantoso30.xsd', import.meta.url))

async function withFile<T> (bytes: Buffer | string, name: string, f: (path: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'alinea-export-'))
  try {
    const path = join(dir, name)
    writeFileSync(path, bytes)
    return await f(path)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** One member of a zip archive (e.g. `word/document.xml` of a DOCX), as text. */
export function unzipMember (bytes: Buffer, member: string): Promise<string> {
  return withFile(bytes, 'archive.zip', async path => (await run('unzip', ['-p', path, member], { maxBuffer: 64 * 1024 * 1024 })).stdout)
}

/** The text of a PDF, in layout order. */
export function pdfText (bytes: Buffer): Promise<string> {
  return withFile(bytes, 'report.pdf', async path => (await run('pdftotext', ['-layout', path, '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout)
}

/** Validates XML against the Akoma Ntoso schema; resolves with xmllint's verdict (`ok` and its messages). */
export function validateAkn (xml: Buffer | string): Promise<{ ok: boolean; messages: string }> {
  return withFile(xml, 'document.akn.xml', async path => {
    try {
      const { stderr } = await run('xmllint', ['--noout', '--schema', AKN_SCHEMA, path])
      return { ok: true, messages: stderr }
    } catch (err) {
      return { ok: false, messages: String((err as { stderr?: string }).stderr ?? err) }
    }
  })
}
