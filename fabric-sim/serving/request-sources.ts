/**
 * Synthetic request streams and stream transforms. A stream is a plain iterable of
 * {@link InferenceRequest} in arrival order; every random draw comes from a named engine
 * stream, so the same seed gives the same requests.
 */
import { badInput } from '../../core/errors.js';
import { RandomStream } from '../engine/index.js';
import type { InferenceRequest } from '../workload/inference-request.js';

/** Prompt or output lengths in tokens. Draws are rounded and clamped to [min, max]. */
export type LengthDistribution =
  | { readonly kind: 'fixed'; readonly tokens: number }
  | { readonly kind: 'uniform'; readonly min: number; readonly max: number }
  /** Lognormal with the given median and log-space sigma (LLM prompt lengths are heavy-tailed), clamped to [1, max]. */
  | { readonly kind: 'lognormal'; readonly median: number; readonly sigma: number; readonly max: number };

/** Options of {@link syntheticRequests}. */
export interface SyntheticRequestsOptions {
  /** Mean arrival rate, requests per second. */
  readonly ratePerSec: number;
  readonly count: number;
  readonly prompt: LengthDistribution;
  readonly output: LengthDistribution;
  /**
   * Coefficient of variation of inter-arrival times: 1 is Poisson (exponential gaps); above 1
   * is burstier, as gamma-distributed gaps with shape 1 / cv^2 (the "burstiness" knob of vLLM's
   * benchmark_serving). Default 1.
   */
  readonly cv?: number;
  readonly seed?: number;
}

function checkLength(d: LengthDistribution, field: string): void {
  const ok =
    d.kind === 'fixed'
      ? Number.isInteger(d.tokens) && d.tokens >= 0
      : d.kind === 'uniform'
        ? Number.isInteger(d.min) && Number.isInteger(d.max) && d.min >= 0 && d.max >= d.min
        : d.median >= 1 && d.sigma >= 0 && Number.isFinite(d.sigma) && Number.isInteger(d.max) && d.max >= 1;
  if (!ok) throw badInput('invalid length distribution', { field, value: d, expected: 'fixed tokens >= 0, uniform 0 <= min <= max, or lognormal median >= 1, sigma >= 0, max >= 1' });
}

function drawLength(d: LengthDistribution, stream: RandomStream): number {
  switch (d.kind) {
    case 'fixed':
      return d.tokens;
    case 'uniform':
      return stream.integer(d.min, d.max);
    case 'lognormal':
      return Math.min(d.max, Math.max(1, Math.round(stream.lognormal(Math.log(d.median), d.sigma))));
  }
}

/**
 * A gamma(shape, scale) draw: Marsaglia and Tsang (2000) for shape >= 1; for shape < 1 the
 * identity Gamma(k) = Gamma(k + 1) x U^(1/k).
 */
export function gammaSample(stream: RandomStream, shape: number, scale: number): number {
  if (shape < 1) return gammaSample(stream, shape + 1, scale) * Math.pow(stream.uniform(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = stream.normal();
    const v0 = 1 + c * x;
    if (v0 <= 0) continue;
    const v = v0 * v0 * v0;
    const u = stream.uniform();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v * scale;
  }
}

/**
 * Poisson (cv = 1) or gamma-burst (cv != 1) arrivals with independent prompt and output
 * lengths, starting at time 0.
 * @throws WeftError BAD_INPUT for a non-positive rate, count or cv, or a bad length distribution.
 */
export function* syntheticRequests(options: SyntheticRequestsOptions): Generator<InferenceRequest> {
  const { ratePerSec, count } = options;
  const cv = options.cv ?? 1;
  if (!(ratePerSec > 0 && Number.isFinite(ratePerSec))) throw badInput('invalid arrival rate', { field: 'ratePerSec', value: ratePerSec, expected: 'a positive number of requests per second' });
  if (!Number.isInteger(count) || count < 0) throw badInput('invalid request count', { field: 'count', value: count, expected: 'an integer >= 0' });
  if (!(cv > 0 && Number.isFinite(cv))) throw badInput('invalid coefficient of variation', { field: 'cv', value: cv, expected: 'a positive number (1 = Poisson)' });
  checkLength(options.prompt, 'prompt');
  checkLength(options.output, 'output');
  const seed = options.seed ?? 1;
  const gaps = RandomStream.derive(seed, 'serving/arrivals');
  const lengths = RandomStream.derive(seed, 'serving/lengths');
  const meanGapNs = 1e9 / ratePerSec;
  const shape = 1 / (cv * cv);
  let t = 0;
  for (let i = 0; i < count; i++) {
    if (i > 0) t += cv === 1 ? gaps.exponential(meanGapNs) : gammaSample(gaps, shape, meanGapNs / shape);
    yield { arrivalNs: Math.round(t), promptTokens: Math.max(1, drawLength(options.prompt, lengths)), outputTokens: drawLength(options.output, lengths) };
  }
}

/**
 * Replays `stream` `speedup` times faster (arrival times divided by it), the time-scaling
 * factor of trace replays and load sweeps.
 * @throws WeftError BAD_INPUT for a non-positive factor.
 */
export async function* scaleArrivals(
  stream: Iterable<InferenceRequest> | AsyncIterable<InferenceRequest>,
  speedup: number,
): AsyncGenerator<InferenceRequest> {
  if (!(speedup > 0 && Number.isFinite(speedup))) throw badInput('invalid time-scaling factor', { field: 'speedup', value: speedup, expected: 'a positive number (2 = twice as fast)' });
  for await (const r of stream) yield { ...r, arrivalNs: Math.round(r.arrivalNs / speedup) };
}

/** The first `count` requests of `stream`. */
export async function* takeRequests(
  stream: Iterable<InferenceRequest> | AsyncIterable<InferenceRequest>,
  count: number,
): AsyncGenerator<InferenceRequest> {
  if (count <= 0) return;
  let n = 0;
  for await (const r of stream) {
    yield r;
    if (++n >= count) return;
  }
}
