/**
 * The Content-Disposition of an export of the consultation bill (« Projet de
 * loi pour une République numérique »): the ASCII slug of its title, what it
 * is, the day of the export, and the accented form in `filename*`.
 */
import assert from 'node:assert/strict'

const ASCII = 'projet-de-loi-pour-une-republique-numerique'
const ACCENTED = 'projet-de-loi-pour-une-r%C3%A9publique-num%C3%A9rique'

/** Asserts that `header` names the export `what`.`ext` of the consultation bill, made on some day. */
export function assertConsultationName (header: string | null, what: string, ext: string): void {
  const tail = `-${what}-(\\d{4}-\\d{2}-\\d{2})\\.${ext.replace(/\./g, '\\.')}`
  const m = new RegExp(`^attachment; filename=${ASCII}${tail}; filename\\*=UTF-8''${ACCENTED}${tail}$`).exec(header ?? '')
  assert.ok(m, `${header} names ${what}.${ext}`)
  assert.equal(m[1], m[2], 'one day in both forms')
}
