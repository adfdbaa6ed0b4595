import { addHistograms, fractionBelow, histogramDelta, histogramQuantile, type CumulativeHistogram } from './histogram.js';
import type { VllmSnapshot } from './vllm-scrape.js';

/** Latency and load of a deployment over the window, from its replicas' metrics. */
export interface WindowStats {
  /** Replicas with at least two snapshots in the window (the ones measured). */
  podsMeasured: number;
  /** Requests that got their first token in the window. */
  requests: number;
  /** Those per second, summed over replicas (each over its own elapsed time). */
  requestsPerSec: number;
  /** Queued and running requests at the latest scrapes. */
  waiting: number;
  running: number;
  ttftP99Ns: number | undefined;
  tpotP99Ns: number | undefined;
  /** Window TTFT histogram, for SLO attainment. */
  ttft: CumulativeHistogram | undefined;
}

/**
 * The last `windowMs` of scrapes, per replica pod, and the deployment's windowed p99s from
 * them: for each pod the bucket-by-bucket difference between its newest snapshot and the
 * oldest one still in the window (counter resets handled as Prometheus's `increase()`), summed
 * over pods, then `histogram_quantile(0.99)`. A pod needs two snapshots to count: its first
 * scrape holds everything since the engine started, not the window.
 *
 * Memory: per pod, the snapshots of one window (window / scrape interval of them).
 */
export class LatencyWindow {
  readonly #windowMs: number;
  readonly #pods = new Map<string, VllmSnapshot[]>();

  constructor(windowMs: number) {
    if (!(windowMs > 0)) throw new RangeError(`LatencyWindow: windowMs must be > 0, got ${windowMs}`);
    this.#windowMs = windowMs;
  }

  /** Records a scrape of pod `uid` (a histogram absent from it counts as empty). */
  add(uid: string, snapshot: VllmSnapshot): void {
    const list = this.#pods.get(uid) ?? [];
    list.push(snapshot);
    // Keep the newest snapshot at or before the window's start: it is the window's baseline.
    while (list.length > 2 && list[1]!.atMs <= snapshot.atMs - this.#windowMs) list.shift();
    this.#pods.set(uid, list);
  }

  /** Forgets pods not in `live` (deleted replicas, replaced incarnations). */
  retain(live: ReadonlySet<string>): void {
    for (const uid of this.#pods.keys()) if (!live.has(uid)) this.#pods.delete(uid);
  }

  stats(): WindowStats {
    const ttfts: CumulativeHistogram[] = [];
    const tpots: CumulativeHistogram[] = [];
    let podsMeasured = 0;
    let requests = 0;
    let requestsPerSec = 0;
    let waiting = 0;
    let running = 0;
    for (const list of this.#pods.values()) {
      const newest = list[list.length - 1]!;
      waiting += newest.waiting;
      running += newest.running;
      if (list.length < 2) continue;
      const oldest = list[0]!;
      const elapsedSec = (newest.atMs - oldest.atMs) / 1000;
      if (!(elapsedSec > 0) || newest.ttft === undefined) continue;
      podsMeasured++;
      const ttft = histogramDelta(newest.ttft, oldest.ttft);
      ttfts.push(ttft);
      const count = ttft.counts[ttft.counts.length - 1]!;
      requests += count;
      requestsPerSec += count / elapsedSec;
      if (newest.tpot !== undefined) tpots.push(histogramDelta(newest.tpot, oldest.tpot));
    }
    const ttft = addHistograms(ttfts).total;
    const tpot = addHistograms(tpots).total;
    const p99Ns = (h: CumulativeHistogram | undefined): number | undefined => {
      const q = h === undefined ? undefined : histogramQuantile(0.99, h);
      return q === undefined ? undefined : q * 1e9;
    };
    return { podsMeasured, requests, requestsPerSec, waiting, running, ttftP99Ns: p99Ns(ttft), tpotP99Ns: p99Ns(tpot), ttft };
  }
}

/** Share of the window's requests whose TTFT met `targetNs` (undefined without requests). */
export function ttftAttainment(stats: WindowStats, targetNs: number): number | undefined {
  return stats.ttft === undefined ? undefined : fractionBelow(targetNs / 1e9, stats.ttft);
}
