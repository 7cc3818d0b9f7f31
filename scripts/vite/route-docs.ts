/**
 * A Vite plugin that leaves the route table's words out of the browser
 * bundle: the client needs each route's method, path and schema names to
 * call it, not the `who` and `summary` lines written for the OpenAPI document
 * (about 4 kB gzipped on every phone). The table's files are written one route
 * per line with single-quoted strings, which is what this reads.
 */
import type { Plugin } from 'vite'

const DOC_FIELD = /\b(?:who|summary): '(?:[^'\\]|\\.)*',? ?/g

/** Drops `who: '...', ` and `summary: '...', ` from shared/routes/*.ts in the client build. */
export function routeDocsOut (): Plugin {
  return {
    name: 'alinea-route-docs-out',
    enforce: 'pre',
    transform (code, id) {
      if (!/[\\/]shared[\\/]routes[\\/][\w-]+\.ts$/.test(id)) return null
      return { code: code.replace(DOC_FIELD, ''), map: null }
    }
  }
}
