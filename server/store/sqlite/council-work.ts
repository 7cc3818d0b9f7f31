/** The council's agenda, members' arguments and votes, and opinions in SQLite. */
import type Database from 'better-sqlite3'
import type { AgendaItemRecord, CouncilArgumentRecord, CouncilVoteRecord, CouncilWorkStore, OpinionRecord } from '../store.ts'
import type { Tally, VoteValue } from '../../../shared/types.ts'

interface AgendaRow { id: string; bill_id: string; target_type: string; target_id: string; title: string; article_id: string | null; note: string; added_by: string; added_at: string }
interface ArgumentRow { id: string; bill_id: string; item_id: string; user_id: string; side: string; body: string; at: string }
interface VoteRow { item_id: string; user_id: string; bill_id: string; value: string; at: string }
interface OpinionRow { item_id: string; bill_id: string; target_type: string; target_id: string; text: string; vote: string; by: string; at: string }

const toItem = (r: AgendaRow): AgendaItemRecord => ({
  id: r.id, billId: r.bill_id, target: { type: r.target_type as AgendaItemRecord['target']['type'], id: r.target_id },
  title: r.title, articleId: r.article_id, note: r.note, addedBy: r.added_by, addedAt: r.added_at
})

/** The agenda, deliberation and opinion methods of the SQLite store. */
export function sqliteCouncilWork (db: Database.Database): CouncilWorkStore {
  const insertItem = db.prepare(`INSERT OR IGNORE INTO council_agenda (id, bill_id, target_type, target_id, title, article_id, note, added_by, added_at, seq)
    VALUES (@id, @billId, @type, @targetId, @title, @articleId, @note, @addedBy, @addedAt,
      (SELECT coalesce(max(seq), 0) + 1 FROM council_agenda WHERE bill_id = @billId))`)
  const deleteItem = db.prepare('DELETE FROM council_agenda WHERE bill_id = ? AND id = ?')
  const deleteArgs = db.prepare('DELETE FROM council_arguments WHERE item_id = ?')
  const deleteVotes = db.prepare('DELETE FROM council_votes WHERE item_id = ?')
  const agenda = db.prepare('SELECT * FROM council_agenda WHERE bill_id = ? ORDER BY seq')
  const insertArg = db.prepare('INSERT INTO council_arguments (id, bill_id, item_id, user_id, side, body, at) VALUES (?, ?, ?, ?, ?, ?, ?)')
  const args = db.prepare('SELECT * FROM council_arguments WHERE bill_id = ? ORDER BY at, id')
  const upsertVote = db.prepare(`INSERT INTO council_votes (item_id, user_id, bill_id, value, at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT(item_id, user_id) DO UPDATE SET value = excluded.value, at = excluded.at`)
  const votes = db.prepare('SELECT * FROM council_votes WHERE bill_id = ? ORDER BY item_id, user_id')
  const upsertOpinion = db.prepare(`INSERT INTO council_opinions (item_id, bill_id, target_type, target_id, text, vote, by, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT(item_id) DO UPDATE SET text = excluded.text, vote = excluded.vote, by = excluded.by, at = excluded.at`)
  const opinions = db.prepare('SELECT * FROM council_opinions WHERE bill_id = ? ORDER BY at, item_id')

  const remove = db.transaction((billId: string, itemId: string): boolean => {
    if (deleteItem.run(billId, itemId).changes === 0) return false
    deleteArgs.run(itemId)
    deleteVotes.run(itemId)
    return true
  })

  return {
    async addAgendaItem (i) {
      return insertItem.run({ id: i.id, billId: i.billId, type: i.target.type, targetId: i.target.id, title: i.title, articleId: i.articleId, note: i.note, addedBy: i.addedBy, addedAt: i.addedAt }).changes === 1
    },
    async removeAgendaItem (billId, itemId) { return remove(billId, itemId) },
    async listAgenda (billId) { return (agenda.all(billId) as AgendaRow[]).map(toItem) },
    async addCouncilArgument (a) { insertArg.run(a.id, a.billId, a.itemId, a.userId, a.side, a.body, a.at) },
    async listCouncilArguments (billId): Promise<CouncilArgumentRecord[]> {
      return (args.all(billId) as ArgumentRow[]).map(r => ({ id: r.id, billId: r.bill_id, itemId: r.item_id, userId: r.user_id, side: r.side as 'for' | 'against', body: r.body, at: r.at }))
    },
    async setCouncilVote (v) { upsertVote.run(v.itemId, v.userId, v.billId, v.value, v.at) },
    async listCouncilVotes (billId): Promise<CouncilVoteRecord[]> {
      return (votes.all(billId) as VoteRow[]).map(r => ({ itemId: r.item_id, userId: r.user_id, billId: r.bill_id, value: r.value as VoteValue, at: r.at }))
    },
    async saveOpinion (o) { upsertOpinion.run(o.itemId, o.billId, o.target.type, o.target.id, o.text, JSON.stringify(o.vote), o.by, o.at) },
    async listOpinions (billId): Promise<OpinionRecord[]> {
      return (opinions.all(billId) as OpinionRow[]).map(r => ({
        itemId: r.item_id, billId: r.bill_id, target: { type: r.target_type as OpinionRecord['target']['type'], id: r.target_id },
        text: r.text, vote: JSON.parse(r.vote) as Tally, by: r.by, at: r.at
      }))
    }
  }
}
