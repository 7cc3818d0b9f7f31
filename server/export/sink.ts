/**
 * A buffered writer over a response stream that respects backpressure, for
 * exports that stream a whole consultation: rows are pushed synchronously
 * into a buffer, `flush` hands it to the stream once it is large enough and
 * waits for `drain` when the stream is full, and `pause` yields to the event
 * loop between pages so other requests are served meanwhile. Memory stays at
 * one page plus the stream's high-water mark, whatever the export's size.
 */
import type { Writable } from 'node:stream'
import { setImmediate as yieldNow } from 'node:timers/promises'

/** The client went away before the export ended: stop reading the store. */
export class ExportAborted extends Error {
  constructor () {
    super('the client closed the connection during the export')
    this.name = 'ExportAborted'
  }
}

/** Bytes buffered before a write to the stream. */
const CHUNK = 64 * 1024

/** Waits until the stream drains; rejects with ExportAborted if it closes or fails first. */
export function drained (out: Writable): Promise<void> {
  if (out.destroyed || out.writableEnded) return Promise.reject(new ExportAborted())
  if (!out.writableNeedDrain) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const done = (): void => { cleanup(); resolve() }
    const fail = (): void => { cleanup(); reject(new ExportAborted()) }
    const cleanup = (): void => { out.off('drain', done); out.off('close', fail); out.off('error', fail) }
    out.on('drain', done)
    out.on('close', fail)
    out.on('error', fail)
  })
}

/** Buffered, backpressure-aware text output (UTF-8). */
export class Sink {
  private buffer: string[] = []
  private size = 0

  constructor (readonly out: Writable) {}

  /** Appends text to the buffer (no I/O). */
  push (text: string): void {
    this.buffer.push(text)
    this.size += text.length
  }

  /** Writes the buffer when it is large (or always with `force`), then waits for the stream to drain if it must. */
  async flush (force = false): Promise<void> {
    if (this.size === 0 || (!force && this.size < CHUNK)) return
    if (this.out.destroyed) throw new ExportAborted()
    const text = this.buffer.join('')
    this.buffer = []
    this.size = 0
    this.out.write(text)
    await drained(this.out)
  }

  /** Flushes, then lets the event loop run other work before the next page. */
  async pause (): Promise<void> {
    await this.flush()
    await yieldNow()
  }

  /** Writes what is left and ends the stream. */
  async end (): Promise<void> {
    await this.flush(true)
    await new Promise<void>(resolve => this.out.end(resolve))
  }
}
