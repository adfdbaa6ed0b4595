/**
 * A {@link CollectiveCost} whose all-reduce follows a measured time-versus-size curve
 * (allreduce-curves.ts) where one exists for the GPU type and group size, and the closed-form
 * alpha-beta model otherwise. All other collectives are the alpha-beta model's.
 *
 * Interpolation (invariants, not fits): linear in bytes between measured points; below the
 * smallest measured size the smallest point's time (the curves are flat there: latency-bound);
 * above the largest, the last segment's slope (bandwidth-bound growth). A group of 1 costs 0.
 */
import { ALLREDUCE_CURVES, type AllReduceCurve, type AllReducePoint } from './allreduce-curves.js';
import { nvlinkAlphaBetaCollectives, type AlphaBetaOptions, type CollectiveCost } from './collectives.js';
import type { GpuSpec } from './gpu-catalog.js';
import { badInput } from '../core/errors.js';

/** Checks a curve's invariants: at least two points, sizes strictly increasing, times positive. */
export function checkAllReduceCurve(curve: AllReduceCurve): void {
  const field = `allReduceCurves[${curve.gpu}, ${curve.gpus}]`;
  if (!Number.isInteger(curve.gpus) || curve.gpus < 2) {
    throw badInput('all-reduce curve group size must be an integer of at least 2', { field: `${field}.gpus`, value: curve.gpus, expected: 'an integer >= 2' });
  }
  if (curve.points.length < 2) {
    throw badInput('all-reduce curve needs at least two points', { field: `${field}.points`, value: curve.points.length, expected: '>= 2 points' });
  }
  curve.points.forEach((p, i) => {
    const prev = i > 0 ? curve.points[i - 1] : undefined;
    if (!(p.bytes > 0) || (prev !== undefined && !(p.bytes > prev.bytes))) {
      throw badInput('all-reduce curve sizes must be positive and strictly increasing', { field: `${field}.points[${i}].bytes`, value: p.bytes, expected: `> ${prev?.bytes ?? 0}` });
    }
    if (!(p.timeUs > 0) || !Number.isFinite(p.timeUs)) {
      throw badInput('all-reduce curve times must be positive', { field: `${field}.points[${i}].timeUs`, value: p.timeUs, expected: 'a positive number of microseconds' });
    }
  });
}

/** Time in ns of an all-reduce of `bytes` on the measured curve `points` (checked, >= 2 points). */
export function curveTimeNs(points: readonly AllReducePoint[], bytes: number): number {
  const first = points[0]!;
  if (bytes <= first.bytes) return first.timeUs * 1000;
  for (let i = 1; i < points.length; i++) {
    const hi = points[i]!;
    if (bytes <= hi.bytes || i === points.length - 1) {
      // Inside [lo, hi], or beyond the last point on the last segment's slope.
      const lo = points[i - 1]!;
      const slopeUsPerByte = (hi.timeUs - lo.timeUs) / (hi.bytes - lo.bytes);
      return (lo.timeUs + slopeUsPerByte * (bytes - lo.bytes)) * 1000;
    }
  }
  return first.timeUs * 1000; // unreachable: the loop returns on its last iteration
}

/**
 * Collectives of one server with the all-reduce taken from measured curves. `curves` defaults to
 * {@link ALLREDUCE_CURVES}; a (GPU type, group size) without a curve uses the alpha-beta model with
 * `alphaBeta` options, which also serves every other collective and checks group sizes.
 */
export function measuredAllReduceCollectives(
  gpu: GpuSpec,
  curves: readonly AllReduceCurve[] = ALLREDUCE_CURVES,
  alphaBeta: AlphaBetaOptions = {},
): CollectiveCost {
  const base = nvlinkAlphaBetaCollectives(gpu, alphaBeta);
  const byGroup = new Map<number, readonly AllReducePoint[]>();
  for (const curve of curves) {
    if (curve.gpu !== gpu.name) continue;
    checkAllReduceCurve(curve);
    byGroup.set(curve.gpus, curve.points);
  }
  return {
    allReduceTimeNs: (bytes, gpus) => {
      const alpha = base.allReduceTimeNs(bytes, gpus); // validates the group size
      const points = byGroup.get(gpus);
      if (gpus === 1 || points === undefined) return alpha;
      return curveTimeNs(points, bytes);
    },
    allGatherTimeNs: (bytes, gpus) => base.allGatherTimeNs(bytes, gpus),
    reduceScatterTimeNs: (bytes, gpus) => base.reduceScatterTimeNs(bytes, gpus),
    allToAllTimeNs: (bytesPerGpu, gpus) => base.allToAllTimeNs(bytesPerGpu, gpus),
    sendRecvTimeNs: (bytes) => base.sendRecvTimeNs(bytes),
  };
}
