/**
 * What publishing would change: the working text (the editor's document)
 * against the last revision, article by article, matched by id. An
 * article's text is compared as the server freezes it (alinéas normalised,
 * empty ones dropped, then `articleHash`), so "changed" here means changed
 * in the revision.
 */
import type { Node } from 'prosemirror-model'
import { articleHash, frozenAlineas } from '../../shared/text.ts'
import type { NodeJSON } from '../../shared/types.ts'
import type { ChangeSummary, ChangedArticle, RevisionText, WorkingArticle } from './types.ts'

/** The articles of a document, in order, as plain text (marks dropped). */
export function workingArticles (doc: Node): WorkingArticle[] {
  const out: WorkingArticle[] = []
  doc.forEach(node => {
    if (node.type.name !== 'article') return
    const alineas: string[] = []
    node.forEach(alinea => { alineas.push(alinea.textContent) })
    out.push({ id: (node.attrs.id as string | null) ?? '', num: node.attrs.num as string, heading: (node.attrs.heading as string | null) ?? null, alineas })
  })
  return out
}

function divisionsOfDoc (doc: Node): string[] {
  const out: string[] = []
  doc.forEach(node => {
    if (node.type.name === 'division') out.push(`${String(node.attrs.id)}|${String(node.attrs.level)}|${node.textContent.trim()}`)
  })
  return out
}

function jsonText (node: NodeJSON): string {
  return typeof node.text === 'string' ? node.text : (node.content ?? []).map(jsonText).join('')
}

function divisionsOfJSON (doc: unknown): string[] {
  const content = (doc as NodeJSON | null)?.content ?? []
  return content.filter(n => n.type === 'division')
    .map(n => `${String(n.attrs?.id)}|${String(n.attrs?.level)}|${jsonText(n).trim()}`)
}

/** Compares the document with a revision (null: never published). */
export function compareWithRevision (doc: Node, revision: RevisionText | null): ChangeSummary {
  const working = workingArticles(doc)
  const empty = working.filter(a => frozenAlineas(a.alineas).length === 0).map(a => ({ id: a.id, num: a.num, previousNum: null }))
  if (!revision) {
    return {
      firstPublication: true,
      added: working.map(a => ({ id: a.id, num: a.num, previousNum: null })),
      removed: [], changed: [], renumbered: [], structureChanged: false, empty
    }
  }
  const before = new Map(revision.articles.map(a => [a.id, a]))
  const now = new Set(working.map(a => a.id))
  const added: ChangedArticle[] = []
  const changed: ChangedArticle[] = []
  const renumbered: ChangedArticle[] = []
  for (const a of working) {
    const old = before.get(a.id)
    if (!old) { added.push({ id: a.id, num: a.num, previousNum: null }); continue }
    const previousNum = old.num !== a.num ? old.num : null
    if (articleHash(frozenAlineas(a.alineas)) !== old.hash || (a.heading ?? null) !== (old.heading ?? null)) {
      changed.push({ id: a.id, num: a.num, previousNum })
    } else if (previousNum !== null) {
      renumbered.push({ id: a.id, num: a.num, previousNum })
    }
  }
  const removed = revision.articles.filter(a => !now.has(a.id)).map(a => ({ id: a.id, num: a.num, previousNum: null }))
  const keptOrderNow = working.filter(a => before.has(a.id)).map(a => a.id)
  const keptOrderBefore = revision.articles.filter(a => now.has(a.id)).map(a => a.id)
  const moved = keptOrderNow.some((id, i) => id !== keptOrderBefore[i])
  const divisionsNow = divisionsOfDoc(doc)
  const divisionsBefore = divisionsOfJSON(revision.doc)
  const divisionsChanged = divisionsNow.length !== divisionsBefore.length || divisionsNow.some((d, i) => d !== divisionsBefore[i])
  return { firstPublication: false, added, removed, changed, renumbered, structureChanged: moved || divisionsChanged, empty }
}
