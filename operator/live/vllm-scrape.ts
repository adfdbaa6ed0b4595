import { histogramOf, sumOf, type CumulativeHistogram } from './histogram.js';
import { parsePromText } from './prom-text.js';

/** vLLM's Prometheus names (the OpenAI-compatible server's /metrics). */
export const VLLM_METRICS = {
  ttft: 'vllm:time_to_first_token_seconds',
  /** Inter-token gaps; newer vLLM releases name it `vllm:inter_token_latency_seconds`, read when the first is absent. */
  tpot: 'vllm:time_per_output_token_seconds',
  tpotNew: 'vllm:inter_token_latency_seconds',
  waiting: 'vllm:num_requests_waiting',
  running: 'vllm:num_requests_running',
} as const;

/** One scrape of one serving replica. */
export interface VllmSnapshot {
  /** When it was taken (ms since the epoch): deltas between snapshots are over this clock. */
  atMs: number;
  ttft: CumulativeHistogram | undefined;
  tpot: CumulativeHistogram | undefined;
  waiting: number;
  running: number;
}

/**
 * Reads one replica's `/metrics`. Rejects on a connection error, a timeout, a non-200 answer,
 * a body that does not parse, or a body without any `vllm:` metric (an engine that is not
 * vLLM, or a wrong port): the caller then counts the replica as not reachable.
 *
 * @example
 * const snapshot = await scrapeVllm('http://10.0.3.7:8000/metrics', 1000);
 */
export async function scrapeVllm(url: string, timeoutMs: number, now: () => number = Date.now): Promise<VllmSnapshot> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'text/plain;version=0.0.4' } });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
  const samples = parsePromText(text);
  if (!samples.some((s) => s.name.startsWith('vllm:'))) throw new Error(`${url}: no vllm: metric (not a vLLM /metrics?)`);
  return {
    atMs: now(),
    // Absent before the first request on some versions: no observation yet.
    ttft: histogramOf(samples, VLLM_METRICS.ttft),
    tpot: histogramOf(samples, VLLM_METRICS.tpot) ?? histogramOf(samples, VLLM_METRICS.tpotNew),
    waiting: sumOf(samples, VLLM_METRICS.waiting) ?? 0,
    running: sumOf(samples, VLLM_METRICS.running) ?? 0,
  };
}
