/**
 * A small RFC 4180 reader for the CSV export tests (no CSV parser is a
 * dependency): quoted fields with doubled quotes, commas and line breaks
 * inside quotes, CRLF or LF record ends, an optional byte order mark.
 */

/** Parses CSV text into records (arrays of fields). */
export function parseCsv (text: string): string[][] {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  let i = 0
  while (i < src.length) {
    const c = src[i]
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') { field += '"'; i += 2; continue }
      if (c === '"') { quoted = false; i++; continue }
      field += c
      i++
      continue
    }
    if (c === '"' && field === '') { quoted = true; i++; continue }
    if (c === ',') { record.push(field); field = ''; i++; continue }
    if (c === '\r' && src[i + 1] === '\n') i++
    if (c === '\n' || c === '\r') {
      record.push(field)
      records.push(record)
      record = []
      field = ''
      i++
      continue
    }
    if (c === '"') throw new Error(`stray quote at ${i}`)
    field += c
    i++
  }
  if (quoted) throw new Error('unterminated quoted field')
  if (field !== '' || record.length > 0) { record.push(field); records.push(record) }
  return records
}

/** Parses CSV with a header row into objects keyed by column name. */
export function csvObjects (text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text)
  for (const row of rows) if (row.length !== header.length) throw new Error(`a row has ${row.length} fields, the header ${header.length}`)
  return rows.map(row => Object.fromEntries(header.map((h, i) => [h, row[i]])))
}
