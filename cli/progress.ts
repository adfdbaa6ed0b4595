import type { Writable } from 'node:stream';

/**
 * Progress for long work, on stderr: a redrawn bar with rate and ETA on a TTY, a plain line at
 * most every `plainIntervalMs` otherwise (so logs stay readable). Uses the wall clock, which
 * is fine here: it only reports, it never feeds a simulation.
 */
export class ProgressReporter {
  readonly #stream: Writable & { isTTY?: boolean };
  readonly #label: string;
  readonly #unit: string;
  readonly #startMs = Date.now();
  readonly #plainIntervalMs: number;
  #lastPlainMs = 0;
  #drewTty = false;

  constructor(stream: Writable & { isTTY?: boolean }, label: string, options: { unit?: string; plainIntervalMs?: number } = {}) {
    this.#stream = stream;
    this.#label = label;
    this.#unit = options.unit ?? 'items';
    this.#plainIntervalMs = options.plainIntervalMs ?? 5000;
  }

  /**
   * Reports `done` of `total` units; with `total` undefined (work whose size is not known ahead,
   * such as a packet-level run with no time limit) it shows the count and rate without a bar or
   * ETA. `detail` is appended (for example the simulated time reached).
   */
  update(done: number, total?: number, detail?: string): void {
    const nowMs = Date.now();
    const elapsedSec = Math.max(1e-3, (nowMs - this.#startMs) / 1000);
    const rate = done / elapsedSec;
    const suffix = detail === undefined ? '' : `, ${detail}`;
    let bar = '';
    let figures: string;
    if (total === undefined) {
      figures = `${formatCount(done)} ${this.#unit}, ${formatCount(rate)}/s${suffix}`;
    } else {
      const fraction = total > 0 ? Math.min(1, done / total) : 0;
      const etaSec = rate > 0 ? (total - done) / rate : Infinity;
      const width = 24;
      const filled = Math.round(fraction * width);
      bar = ` [${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
      figures = `${(fraction * 100).toFixed(0).padStart(3)}% ${formatCount(done)}/${formatCount(total)} ${this.#unit}, ${formatCount(rate)}/s, ETA ${formatDuration(etaSec)}${suffix}`;
    }
    if (this.#stream.isTTY === true) {
      this.#stream.write(`\r${this.#label}${bar} ${figures}\x1b[K`);
      this.#drewTty = true;
    } else if (nowMs - this.#lastPlainMs >= this.#plainIntervalMs) {
      this.#lastPlainMs = nowMs;
      this.#stream.write(`${this.#label}: ${figures}\n`);
    }
  }

  /** Ends the bar's line on a TTY. */
  done(): void {
    if (this.#drewTty) this.#stream.write('\n');
  }
}

export function formatCount(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)}G`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)}k`;
  return n.toFixed(0);
}

function formatDuration(sec: number): string {
  if (!Number.isFinite(sec)) return '?';
  if (sec < 60) return `${sec.toFixed(0)}s`;
  if (sec < 3600) return `${Math.floor(sec / 60)}m${String(Math.round(sec % 60)).padStart(2, '0')}s`;
  return `${Math.floor(sec / 3600)}h${String(Math.round((sec % 3600) / 60)).padStart(2, '0')}m`;
}
