/**
 * Tallies broadcast at most once per interval and target. A tally is a
 * snapshot: only the latest matters to a reader. Broadcasting one per vote
 * cost every node one packet per vote for every subscriber, and socket.io's
 * connection-state recovery keeps every broadcast packet in memory for its
 * replay window (30 s): at 2,000 votes a second on one article that is
 * 60,000 packets, promoted to the old generation and collected there, the
 * largest share of a vote's garbage-collection cost. Here the first tally of
 * a target goes out at once; later ones within `intervalMs` are folded into
 * one, sent at the end of the interval with the latest counts. Readers see
 * the right tally at most `intervalMs` late, and every vote's own answer
 * still carries its exact tally.
 */
import type { ServerEvents } from '../../shared/live.ts'

type TallyPayload = Parameters<ServerEvents['tally']>[0]

interface Slot { latest: TallyPayload | null; timer: NodeJS.Timeout }

/** Folds the tallies of each target into at most one broadcast per interval. */
export class TallyThrottle {
  private readonly slots = new Map<string, Slot>()

  /** `send` broadcasts one tally; `intervalMs` 0 sends every tally at once. */
  constructor (private readonly intervalMs: number, private readonly send: (p: TallyPayload) => void) {}

  /** A new tally of a target: sent now, or folded into the one sent at the end of the current interval. */
  push (p: TallyPayload): void {
    if (this.intervalMs <= 0) { this.send(p); return }
    const key = `${p.target.type}:${p.target.id}`
    const slot = this.slots.get(key)
    if (slot) { slot.latest = p; return }
    this.send(p)
    this.open(key)
  }

  private open (key: string): void {
    const timer = setTimeout(() => {
      const slot = this.slots.get(key)
      this.slots.delete(key)
      if (slot?.latest) {
        this.send(slot.latest)
        this.open(key)
      }
    }, this.intervalMs)
    timer.unref()
    this.slots.set(key, { latest: null, timer })
  }

  /** Sends the tallies still waiting and stops (shutdown). */
  flush (): void {
    for (const slot of this.slots.values()) {
      clearTimeout(slot.timer)
      if (slot.latest) this.send(slot.latest)
    }
    this.slots.clear()
  }
}
