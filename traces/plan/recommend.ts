import type { PointResult } from './evaluate-point.js';
import { DEFAULT_INFERENCE_ATTAINMENT } from './inference-options.js';
import type { SweepSpec } from './sweep-spec.js';

/** A point's result with its verdict against the targets and its place on the Pareto front. */
export interface JudgedPoint extends PointResult {
  readonly meetsTargets: boolean;
  /** Why it misses ('' when it meets them). */
  readonly misses: string;
  /** Every job ran, and no other such design is at most as costly and at most as slow (p99 JCT) while better in one. */
  readonly onFront: boolean;
}

/**
 * Judges every point: a design meets the targets when every replayed job finished, each
 * target given (mean and p99 JCT, p99 queueing) holds, and, when the trace has inference
 * workloads, at least `inferenceAttainment` (default 0.99) of their requests met their SLO. The Pareto front is over cost per hour
 * and p99 JCT, among the designs on which every job ran (a p99 over fewer jobs is not comparable).
 */
export function judge(spec: SweepSpec, results: readonly PointResult[]): JudgedPoint[] {
  const t = spec.targets;
  return results.map((r) => {
    const misses: string[] = [];
    if (r.unfinished > 0) misses.push(`${r.unfinished} jobs never ran`);
    if (t.jctMeanS !== undefined && r.jctMeanS > t.jctMeanS) misses.push(`JCT mean ${r.jctMeanS.toFixed(0)} s > ${t.jctMeanS} s`);
    if (t.jctP99S !== undefined && r.jctP99S > t.jctP99S) misses.push(`JCT p99 ${r.jctP99S.toFixed(0)} s > ${t.jctP99S} s`);
    if (t.queueP99S !== undefined && r.queueP99S > t.queueP99S) misses.push(`queueing p99 ${r.queueP99S.toFixed(0)} s > ${t.queueP99S} s`);
    const attainment = t.inferenceAttainment ?? DEFAULT_INFERENCE_ATTAINMENT;
    if (r.inferenceAttainment !== null && r.inferenceAttainment < attainment) misses.push(`inference SLO attainment ${(100 * r.inferenceAttainment).toFixed(1)}% < ${(100 * attainment).toFixed(1)}%`);
    const dominated = results.some(
      (o) => o !== r && o.unfinished === 0 && o.costPerHourUsd <= r.costPerHourUsd && o.jctP99S <= r.jctP99S && (o.costPerHourUsd < r.costPerHourUsd || o.jctP99S < r.jctP99S),
    );
    return { ...r, meetsTargets: misses.length === 0, misses: misses.join('; '), onFront: r.unfinished === 0 && !dominated };
  });
}

/** The cheapest design that meets the targets (ties: lower p99 JCT, then sweep order), or undefined. */
export function recommend(points: readonly JudgedPoint[]): JudgedPoint | undefined {
  let best: JudgedPoint | undefined;
  for (const p of points) {
    if (!p.meetsTargets) continue;
    if (best === undefined || p.costPerHourUsd < best.costPerHourUsd || (p.costPerHourUsd === best.costPerHourUsd && p.jctP99S < best.jctP99S)) best = p;
  }
  return best;
}
