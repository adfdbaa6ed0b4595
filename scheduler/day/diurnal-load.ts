import { badInput } from '../../core/errors.js';
import { RandomStream } from '../../fabric-sim/engine/index.js';
import type { InferenceRequest } from '../../fabric-sim/workload/inference-request.js';

/**
 * A day-shaped request rate: the interactive-service curve platform teams see (a night trough
 * near 02:00, a climb through the morning, the peak in the late afternoon), compressed
 * into `dayNs` of simulated time so a whole day runs in seconds. The shape is
 *
 *   shape(h) = 1 + 0.5 cos(2π (h - 15) / 24) + 0.1 cos(4π (h - 19) / 24),  h in hours of the day,
 *
 * whose mean over the day is exactly 1 (each cosine integrates to 0 over its period), so
 * `rate(t) = meanRate x shape`. Its maximum is 1.4878 at h ≈ 16.5 and its minimum 0.4299 at
 * h ≈ 2.1 (found numerically; the tests check them), a peak-to-trough ratio of 3.46.
 *
 * Compressing the day keeps the things that make elasticity hard at their real values (model
 * load time, cooldowns, reclaim grace), so ramps are steeper than in a real day: a policy that
 * keeps up here keeps up with a real day's slower ramps.
 */

/** The day shape at `hour` (0..24). Mean over a day is 1. */
export function diurnalShape(hour: number): number {
  return 1 + 0.5 * Math.cos((2 * Math.PI * (hour - 15)) / 24) + 0.1 * Math.cos((4 * Math.PI * (hour - 19)) / 24);
}

/** Extremes of the shape over a one-second grid of the day (the shape is smooth: the grid is exact to ~1e-9). */
function shapeExtremes(): { peak: number; trough: number } {
  let peak = -Infinity;
  let trough = Infinity;
  for (let second = 0; second < 86_400; second++) {
    const value = diurnalShape(second / 3600);
    peak = Math.max(peak, value);
    trough = Math.min(trough, value);
  }
  return { peak, trough };
}
const EXTREMES = shapeExtremes();
/** Largest value of {@link diurnalShape} (1.4878). */
export const DIURNAL_PEAK_SHAPE = EXTREMES.peak;
/** Smallest value of {@link diurnalShape} (0.4299). */
export const DIURNAL_TROUGH_SHAPE = EXTREMES.trough;

/** A day-shaped rate envelope. */
export interface DiurnalLoad {
  /** Requests per simulated second at the daily peak. */
  readonly peakRequestsPerSec: number;
  /** Simulated length of the day, ns. */
  readonly dayNs: number;
}

/** Requests per second at simulated time `timeNs` (the day repeats). */
export function diurnalRate(load: DiurnalLoad, timeNs: number): number {
  const hour = ((timeNs / load.dayNs) * 24) % 24;
  return (load.peakRequestsPerSec / DIURNAL_PEAK_SHAPE) * diurnalShape(hour);
}

/** Mean requests per second over the day. */
export function diurnalMeanRate(load: DiurnalLoad): number {
  return load.peakRequestsPerSec / DIURNAL_PEAK_SHAPE;
}

/** Requests per second at the night trough. */
export function diurnalTroughRate(load: DiurnalLoad): number {
  return (load.peakRequestsPerSec * DIURNAL_TROUGH_SHAPE) / DIURNAL_PEAK_SHAPE;
}

/**
 * A day of requests: arrivals from the non-homogeneous Poisson process with rate
 * {@link diurnalRate} (Lewis-Shedler thinning of a Poisson process at the peak rate), each
 * request's prompt and output lengths resampled from `samples` (a real request trace). One named
 * random stream drives it, so the same seed gives the same day.
 * @example
 * const day = diurnalRequests({ peakRequestsPerSec: 40, dayNs: 20 * 60e9 }, azureSamples, 1, 'chat');
 */
export function diurnalRequests(
  load: DiurnalLoad,
  samples: readonly { readonly promptTokens: number; readonly outputTokens: number }[],
  seed: number,
  streamName: string,
): InferenceRequest[] {
  if (!(load.peakRequestsPerSec > 0) || !Number.isFinite(load.peakRequestsPerSec)) {
    throw badInput('peak request rate must be positive', { field: 'peakRequestsPerSec', value: load.peakRequestsPerSec, expected: 'a finite number > 0' });
  }
  if (!(load.dayNs > 0) || !Number.isFinite(load.dayNs)) throw badInput('day length must be positive', { field: 'dayNs', value: load.dayNs, expected: 'a finite number of ns > 0' });
  if (samples.length === 0) throw badInput('no request samples to resample lengths from', { field: 'samples', expected: 'at least one request' });
  const random = RandomStream.derive(seed, `day/requests/${streamName}`);
  const meanGapAtPeakNs = 1e9 / load.peakRequestsPerSec;
  const out: InferenceRequest[] = [];
  for (let t = random.exponential(meanGapAtPeakNs); t < load.dayNs; t += random.exponential(meanGapAtPeakNs)) {
    // Keep the candidate arrival with probability rate(t) / peak.
    if (random.uniform() * load.peakRequestsPerSec > diurnalRate(load, t)) continue;
    const sample = samples[random.integer(0, samples.length - 1)]!;
    out.push({ arrivalNs: Math.round(t), promptTokens: sample.promptTokens, outputTokens: Math.max(1, sample.outputTokens) });
  }
  return out;
}
