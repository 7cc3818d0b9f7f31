/** Additional articles in SQLite: the rebase that moves the anchor, a compare-and-set like other rebases. */
import type Database from 'better-sqlite3'
import type { AdditionalArticleStore } from '../store.ts'
import { rebaseParams, toAmendment, type AmendmentRow } from './amendments.ts'

/** The additional-article methods of the SQLite store. */
export function sqliteAdditionalArticles (db: Database.Database): AdditionalArticleStore {
  const rebase = db.prepare(`UPDATE amendments SET article_id = @articleId, anchor_side = @side, base_revision = @baseRevision,
      base_alineas = @baseAlineas, base_hash = @baseHash, alineas = @alineas, diff = @diff, wording_fr = @wordingFr,
      wording_en = @wordingEn, updated_at = @updatedAt
    WHERE id = @id AND kind = 'addArticle' AND status = 'proposed' AND base_revision = @expected`)
  const byId = db.prepare('SELECT * FROM amendments WHERE id = ?')
  return {
    async rebaseAddition (id, text, expectedBaseRevision) {
      const res = rebase.run({ ...rebaseParams(id, text, expectedBaseRevision), articleId: text.articleId, side: text.position })
      if (res.changes !== 1) return null
      return toAmendment(byId.get(id) as AmendmentRow)
    }
  }
}
