/** Routes of the wording services: parse a dispositif, apply one to a text (anyone; per-address limits as other writes). */
import { Router } from 'express'
import type { Ctx } from '../../domain/context.ts'
import { WordingApplyBody, WordingParseBody } from '../../../shared/api.ts'
import { applyDispositif, parseDispositif } from '../../domain/wording.ts'
import { parse } from '../validate.ts'

/** The wording routes, mounted under /api/v1. */
export function wordingRoutes (_ctx: Ctx): Router {
  const r = Router()

  r.post('/wording/parse', (req, res) => {
    const body = parse(WordingParseBody, req.body)
    res.json({ operations: parseDispositif(body.text, body.lang) })
  })

  r.post('/wording/apply', (req, res) => {
    const body = parse(WordingApplyBody, req.body)
    res.json(applyDispositif(body.text, body.lang, body.alineas))
  })

  return r
}
