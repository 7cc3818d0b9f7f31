/** Additional articles in MongoDB: the rebase that moves the anchor, a single-document compare-and-set. */
import type { AdditionalArticleStore } from '../store.ts'
import type { MongoContext } from './schema.ts'
import { amendmentTextFields, toAmendment } from './amendment-documents.ts'

/** The additional-article methods of the MongoDB store. */
export function mongoAdditionalArticles ({ col }: MongoContext): AdditionalArticleStore {
  return {
    async rebaseAddition (id, text, expectedBaseRevision) {
      const d = await col.amendments.findOneAndUpdate({ _id: id, kind: 'addArticle', status: 'proposed', baseRevision: expectedBaseRevision },
        { $set: { articleId: text.articleId, position: text.position, ...amendmentTextFields(text) } }, { returnDocument: 'after' })
      return d ? toAmendment(d) : null
    }
  }
}
