/**
 * Vite build of the browser client: sources in client/, output in
 * dist/client/ (served by the Express server for every non-API path).
 * JSX is Preact's automatic runtime, without @preact/preset-vite.
 */
import { defineConfig } from 'vite'
import { routeDocsOut } from './scripts/vite/route-docs.ts'

export default defineConfig({
  root: 'client',
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  // The route table's `who` and `summary` are for the OpenAPI document, not for phones.
  plugins: [routeDocsOut()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true
  },
  server: {
    // `npm run dev` (the API on :3000) and `npx vite` side by side.
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/socket.io': { target: 'http://127.0.0.1:3000', ws: true },
      '/collab': { target: 'ws://127.0.0.1:3000', ws: true }
    }
  }
})
