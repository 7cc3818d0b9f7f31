/**
 * Reading export files back: DOCX parts with a minimal zip reader, and with
 * the programs their users have, `pdftotext` (poppler-utils) for PDF text and
 * `xmllint` (libxml2-utils) to validate Akoma Ntoso against the official
 * schema (both installed by `.ci/run`), each on a temporary file.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { inflateRawSync } from 'node:zlib'
import { fixturePath } from './fixtures.ts'

const run = promisify(execFile)

/** The Akoma Ntoso 3.0 schema copied from the OASIS repository. */
export const AKN_SCHEMA = fixturePath('akn/schema/akomantoso30.xsd')

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

/**
 * One member of a zip archive (e.g. `word/document.xml` of a DOCX), as text:
 * a minimal reader of the central directory (stored and deflated members),
 * so the tests need neither `unzip` nor an undeclared zip package.
 */
export async function unzipMember (bytes: Buffer, member: string): Promise<string> {
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  if (eocd < 0) throw new Error('not a zip archive')
  const entries = bytes.readUInt16LE(eocd + 10)
  let at = bytes.readUInt32LE(eocd + 16)
  for (let i = 0; i < entries; i++) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory')
    const method = bytes.readUInt16LE(at + 10)
    const size = bytes.readUInt32LE(at + 20)
    const nameLength = bytes.readUInt16LE(at + 28)
    const extraLength = bytes.readUInt16LE(at + 30)
    const commentLength = bytes.readUInt16LE(at + 32)
    const local = bytes.readUInt32LE(at + 42)
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8')
    if (name === member) {
      const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28)
      const data = bytes.subarray(start, start + size)
      if (method === 0) return data.toString('utf8')
      if (method === 8) return inflateRawSync(data).toString('utf8')
      throw new Error(`unsupported compression method ${method}`)
    }
    at += 46 + nameLength + extraLength + commentLength
  }
  throw new Error(`no ${member} in the archive`)
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
