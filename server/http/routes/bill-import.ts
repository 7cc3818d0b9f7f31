/** Route of bill imports: POST /bills/import (authors, admins), `?dryRun=1` to only see what is recognised. */
import { Router } from 'express'
import type { Ctx } from '../../domain/context.ts'
import { BillImportBody, BillImportQuery } from '../../../shared/api.ts'
import { importBill } from '../../domain/bill-import.ts'
import { getBillView } from '../../domain/views.ts'
import { parse } from '../validate.ts'

/** The bill import route, mounted under /api/v1. */
export function billImportRoutes (ctx: Ctx): Router {
  const r = Router()
  r.post('/bills/import', async (req, res) => {
    const body = parse(BillImportBody, req.body)
    const query = parse(BillImportQuery, req.query, 'query')
    const dryRun = body.dryRun === true || query.dryRun === '1' || query.dryRun === 'true'
    const { bill, reading, title } = await importBill(ctx, req.actor, body, dryRun)
    const answer = {
      bill: bill === null ? null : await getBillView(ctx, req.actor, bill.id),
      title,
      summary: reading.summary,
      recognised: {
        divisions: reading.blocks.flatMap(b => b.kind === 'division' ? [{ level: b.level, title: b.title }] : []),
        articles: reading.blocks.flatMap(b => b.kind === 'article' ? [{ num: b.num, heading: b.heading, alineas: b.alineas.filter(a => a !== '').length }] : [])
      },
      notRecognised: reading.notRecognised
    }
    if (bill !== null) res.status(201).location(`/api/v1/bills/${bill.id}`)
    res.json(answer)
  })
  return r
}
