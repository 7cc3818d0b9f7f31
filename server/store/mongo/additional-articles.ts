/** Additional articles in MongoDB: the rebase that moves the anchor, a single-document compare-and-set. */
import type { AdditionalArticleStore } from '../store.ts'
import type { MongoContext } from './schema.ts'
import { toAmendment } from './amendment-documents.ts'

/** The additional-article methods of the MongoDB store. */
export function mongoAdditionalArticles ({ col }: MongoContext): AdditionalArticleStore {
  return {
    async rebaseAddition (id, text, expectedBaseRevision) {
      const d = await col.amendments.findOneAndUpdate({ _id: id, kind: 'addArticle', status: 'proposed', baseRevision: expectedBaseRevision }, {
        $set: {
          articleId: text.articleId,
          position: text.position,
          baseRevision: text.baseRevision,
          baseAlineas: [...text.baseAlineas],
          baseHash: text.baseHash,
          alineas: [...text.alineas],
          diff: text.diff,
          wording: { fr: text.wording.fr, en: text.wording.en },
          updatedAt: text.updatedAt
        }
      }, { returnDocument: 'after' })
      return d ? toAmendment(d) : null
    }
  }
}
