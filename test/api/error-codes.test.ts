/**
 * The API's error codes are one union (shared/error-codes.ts): the status
 * map covers exactly it, each error class keeps its status, answers carry
 * only its codes, and a 400 against a schema lists each field's problem
 * (path, code, zod's limits) beside the unchanged `code` and `message`.
 */
import assert from 'node:assert/strict'
import { serverSuite } from '../helpers/server-suite.ts'
import { CONFLICT_CODES, ERROR_CODES, FIELD_ERROR_CODES, RULE_CODES, isErrorCode } from '../../shared/error-codes.ts'
import { ERROR_STATUS, statusOf } from '../../server/http/errors.ts'
import { fieldErrors } from '../../server/http/field-errors.ts'
import { LoginBody } from '../../shared/api.ts'
import {
  Conflict, Forbidden, InvalidInput, InvalidToken, NotFound, OidcFailed, RateLimited, RequirementMissing, RuleBroken, TooLarge,
  Unauthenticated, Unavailable, WrongPassword
} from '../../server/domain/errors.ts'

describe('API: error codes and field errors', () => {
  it('maps every code of the union to a status, and no other code', () => {
    assert.deepEqual(Object.keys(ERROR_STATUS).sort(), [...ERROR_CODES].sort())
    assert.equal(new Set(ERROR_CODES).size, ERROR_CODES.length, 'no code is listed twice')
    for (const c of CONFLICT_CODES) assert.equal(ERROR_STATUS[c], 409, c)
    for (const c of RULE_CODES) assert.equal(ERROR_STATUS[c], 422, c)
    assert.equal(isErrorCode('email_taken'), true)
    assert.equal(isErrorCode('no_such_code'), false)
  })

  it('keeps the status of each error class', () => {
    const cases: Array<[Error & { code: string }, number]> = [
      [new InvalidInput('x'), 400], [new Unauthenticated(), 401], [new Forbidden(), 403], [new NotFound('bill'), 404],
      [new Conflict('email_taken', 'x'), 409], [new TooLarge('x'), 413], [new RuleBroken('consultation_closed', 'x'), 422],
      [new RateLimited('x', 1), 429], [new Unavailable('x'), 503], [new RequirementMissing('oidc', 'x'), 403],
      [new InvalidToken(), 400], [new OidcFailed('x'), 400], [new WrongPassword(), 401]
    ]
    for (const [err, status] of cases) {
      assert.equal(statusOf(err as InvalidInput), status, err.constructor.name)
      assert.equal(isErrorCode(err.code), true, err.code)
    }
  })

  it('tells an absent field from one of the wrong type, with or without the parsed input', () => {
    for (const body of [{ password: 'x' }, { email: 42, password: 'x' }]) {
      const r = LoginBody.safeParse(body)
      assert.equal(r.success, false)
      const expected = [{ path: 'email', code: 'email' in body ? 'invalid_type' : 'required' }]
      assert.deepEqual(fieldErrors(r.error!, { value: body }), expected)
      assert.deepEqual(fieldErrors(r.error!), expected, 'from zod\'s words when the input is not at hand')
    }
  })

  describe('over HTTP', () => {
    const s = serverSuite()

    it('lists each field of a refused sign-up with its code and limits, keeping code, message and details', async () => {
      const r = await s.client().post('/auth/register', { email: 'pas-une-adresse', password: 'court', displayName: 'Jeanne' })
      assert.equal(r.status, 400)
      assert.equal(r.body.error.code, 'invalid_input')
      assert.equal(typeof r.body.error.message, 'string')
      assert.ok(r.body.error.message.startsWith('invalid body: '), 'the message is as before')
      assert.ok(Array.isArray(r.body.error.details.issues), 'details.issues is as before')
      assert.deepEqual(r.body.error.fields, [
        { path: 'email', code: 'invalid_email' },
        { path: 'password', code: 'too_small', minimum: 10, origin: 'string' }
      ])
    })

    it('tells an absent field, a blank one, a long one, a bad value and an unknown field apart', async () => {
      const missing = await s.client().post('/auth/login', { password: 'x' })
      assert.deepEqual(missing.body.error.fields, [{ path: 'email', code: 'required' }])
      const blank = await s.client().post('/auth/login', { email: 'a@example.org', password: '' })
      assert.deepEqual(blank.body.error.fields, [{ path: 'password', code: 'required' }])
      const long = await s.client().post('/auth/register', { email: 'a@example.org', password: 'x'.repeat(201), displayName: 'A', extra: 1 })
      assert.deepEqual(long.body.error.fields, [
        { path: 'password', code: 'too_big', maximum: 200, origin: 'string' },
        { path: 'extra', code: 'unknown_field' }
      ])
      const wrongType = await s.client().post('/auth/login', { email: 42, password: 'x' })
      assert.deepEqual(wrongType.body.error.fields, [{ path: 'email', code: 'invalid_type' }])
      for (const r of [missing, blank, long, wrongType]) {
        assert.equal(r.status, 400)
        for (const f of r.body.error.fields) assert.ok((FIELD_ERROR_CODES as readonly string[]).includes(f.code))
      }
    })

    it('names the display name that no name may be', async () => {
      const r = await s.client().post('/auth/register', { email: 'b@example.org', password: 'correct horse battery', displayName: '\u202eAdmin' })
      assert.equal(r.status, 400)
      assert.deepEqual(r.body.error.fields, [{ path: 'displayName', code: 'display_name' }])
    })

    it('answers with codes of the union only, also for unknown routes and a wrong password', async () => {
      const c = s.client()
      await c.post('/auth/register', { email: 'c@example.org', password: 'correct horse battery', displayName: 'Claire' })
      const taken = await s.client().post('/auth/register', { email: 'c@example.org', password: 'correct horse battery', displayName: 'Claire' })
      const wrong = await s.client().post('/auth/login', { email: 'c@example.org', password: 'not the password' })
      const route = await s.client().get('/no/such/route')
      const bill = await s.client().get('/bills/bill_nope')
      assert.deepEqual([taken.status, taken.body.error.code], [409, 'email_taken'])
      assert.deepEqual([wrong.status, wrong.body.error.code], [401, 'unauthenticated'])
      assert.deepEqual([route.status, route.body.error.code], [404, 'not_found'])
      assert.deepEqual([bill.status, bill.body.error.code], [404, 'not_found'])
      for (const r of [taken, wrong, route, bill]) assert.equal(r.body.error.fields, undefined, 'fields only for schema failures')
    })

    it('describes the codes and field errors in the OpenAPI document', async () => {
      const doc = (await s.client().get('/openapi.json')).body
      const error = doc.components.schemas.Error.properties.error
      assert.deepEqual([...error.properties.code.enum].sort(), [...ERROR_CODES].sort())
      assert.ok(error.properties.fields, 'fields is documented')
    })
  })
})
