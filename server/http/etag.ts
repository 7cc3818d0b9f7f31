/**
 * ETags on reads only. Express hashes (SHA-1) every body `res.send` and
 * `res.json` answer with, whatever the method, to compare it with
 * `If-None-Match`; only a GET or HEAD can be answered 304, so for a vote (a
 * PUT) the hash is work thrown away, on the hottest path. Here express's own
 * ETag function (weak ETags, as before) runs for GET and HEAD only; other
 * methods answer without an ETag.
 */
import type express from 'express'

type EtagFn = (body: string | Buffer, encoding?: BufferEncoding) => string | undefined

/**
 * Turns express's ETag setting off for `app` and returns the middleware that
 * puts it back for GET and HEAD requests (install it before the routes).
 * `res.sendFile` (the client's `index.html`) keeps its `Last-Modified`.
 */
export function etagsOnReads (app: express.Express): express.RequestHandler {
  const etagOf = app.get('etag fn') as EtagFn | undefined
  app.set('etag', false)
  const send = app.response.send
  // `res.send` with the ETag set first, as express would: `res.json` and `res.send(object)` come through here with the string.
  function sendWithEtag (this: express.Response, body?: unknown): express.Response {
    const chunk = body === null ? '' : body
    if ((typeof chunk === 'string' || Buffer.isBuffer(chunk)) && !this.get('ETag')) {
      const tag = etagOf!(chunk, 'utf8')
      if (tag) this.set('ETag', tag)
    }
    return send.call(this, body)
  }
  return (req, res, next) => {
    if (etagOf && (req.method === 'GET' || req.method === 'HEAD')) res.send = sendWithEtag
    next()
  }
}
