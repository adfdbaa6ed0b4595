import { percentile } from '../../fabric-sim/scenario.js';
import type { NodeSpec } from '../../scheduler/cluster/node-spec.js';
import { TargetWorkload } from '../../scheduler/fgd/target-workload.js';
import { GangDirectory } from '../../scheduler/framework/gangs.js';
import { profilePlugins, type ProfileConfig } from '../../scheduler/framework/profile.js';
import { inflate, medianCurve, type InflatePoint } from '../../scheduler/replay/inflate.js';
import { timeline, type TimelineSample } from '../../scheduler/replay/timeline.js';
import type { PodSpec } from '../../scheduler/workload/pod.js';
import type { OpenbPod } from '../openb/openb.js';

/**
 * The two replays of the Alibaba openb trace that the scheduler issue asks for, per policy
 * (a policy is a scheduler profile):
 * - `inflate`: the FGD paper's methodology (Weng et al., USENIX ATC'23, section 6): pods drawn
 *   with replacement (seeded) never finish, until arrived GPU demand reaches `maxArrivedShare`
 *   of capacity; allocation ratio and fragmentation per arrived-workload step, medians over seeds.
 * - `timeline`: the trace's own creation and deletion times; queueing delay and utilisation over time.
 */

/** One policy's curve (per-step medians over the seeds). */
export interface PolicyCurve {
  readonly policy: string;
  readonly points: readonly InflatePoint[];
}

export interface InflateReport {
  readonly mode: 'inflate';
  readonly nodes: number;
  readonly gpus: number;
  /** Pods in the population drawn from. */
  readonly population: number;
  readonly seeds: readonly number[];
  readonly maxArrivedShare: number;
  readonly step: number;
  readonly policies: readonly PolicyCurve[];
}

export interface InflateByPolicyOptions {
  readonly nodes: readonly NodeSpec[];
  readonly pods: readonly PodSpec[];
  readonly profiles: readonly ProfileConfig[];
  readonly seeds: readonly number[];
  readonly maxArrivedShare: number;
  readonly step: number;
  /** Called after each (policy, seed) run, for progress. */
  readonly onRun?: (done: number, total: number, policy: string, seed: number) => void;
}

/**
 * Runs the inflation experiment for every profile and seed. Fragmentation is measured against
 * the population's own workload (the paper's target workload). Deterministic for the seeds.
 * @throws RangeError for no seeds or no profiles, or a bad share or step (from `inflate`).
 */
export function inflateByPolicy(options: InflateByPolicyOptions): InflateReport {
  const { nodes, pods, profiles, seeds, maxArrivedShare, step } = options;
  if (seeds.length === 0) throw new RangeError('inflateByPolicy needs at least one seed, got 0');
  if (profiles.length === 0) throw new RangeError('inflateByPolicy needs at least one policy, got 0');
  const workload = TargetWorkload.fromPods(pods);
  let done = 0;
  const policies = profiles.map((profile): PolicyCurve => {
    const runs = seeds.map((seed) => {
      const curve = inflate({
        nodes, pods, workload, seed, maxArrivedShare, step,
        feasibleNodesToFind: profile.feasibleNodesToFind,
        plugins: (cluster, runSeed) => profilePlugins(profile, { cluster, gangs: new GangDirectory(), workload, seed: runSeed }),
      });
      options.onRun?.(++done, profiles.length * seeds.length, profile.name, seed);
      return curve;
    });
    return { policy: profile.name, points: medianCurve(runs) };
  });
  return {
    mode: 'inflate',
    nodes: nodes.length,
    gpus: nodes.reduce((sum, n) => sum + n.gpuCount, 0),
    population: pods.length,
    seeds: [...seeds],
    maxArrivedShare,
    step,
    policies,
  };
}

/** One JSON record per policy and arrived-workload step (what `--json` prints, one per line of the array). */
export function inflateRecords(report: InflateReport): {
  policy: string;
  arrivedShare: number;
  allocationRatio: number;
  fragmentationRatio: number;
  arrivedPods: number;
  failedPods: number;
}[] {
  return report.policies.flatMap((c) =>
    c.points.map((p) => ({
      policy: c.policy,
      arrivedShare: p.arrivedShare,
      allocationRatio: round6(p.allocationRatio),
      fragmentationRatio: round6(p.fragmentationRatio),
      arrivedPods: p.arrivedPods,
      failedPods: p.failedPods,
    })),
  );
}

/** The curves as CSV, one row per policy and step. */
export function inflateCsv(report: InflateReport): string {
  const rows = inflateRecords(report).map((r) =>
    [r.policy, r.arrivedShare, r.allocationRatio, r.fragmentationRatio, r.arrivedPods, r.failedPods].join(','),
  );
  return `${['policy,arrived_share,allocation_ratio,fragmentation_ratio,arrived_pods,failed_pods', ...rows].join('\n')}\n`;
}

/** The point of a curve at an arrived share (the last one at or below it), or undefined. */
export function pointAt(points: readonly InflatePoint[], arrivedShare: number): InflatePoint | undefined {
  let found: InflatePoint | undefined;
  for (const p of points) if (p.arrivedShare <= arrivedShare + 1e-9) found = p;
  return found;
}

/** One policy's time-driven replay. */
export interface PolicyTimeline {
  readonly policy: string;
  readonly pods: number;
  readonly started: number;
  readonly neverScheduled: number;
  readonly queueingDelaySec: { readonly mean: number; readonly p50: number; readonly p99: number; readonly max: number };
  readonly allocation: { readonly mean: number; readonly peak: number };
  readonly samples: readonly TimelineSample[];
}

export interface TimelineReport {
  readonly mode: 'timeline';
  readonly nodes: number;
  readonly gpus: number;
  readonly sampleEveryNs: number;
  readonly policies: readonly PolicyTimeline[];
}

export interface TimelineByPolicyOptions {
  readonly nodes: readonly NodeSpec[];
  readonly pods: readonly OpenbPod[];
  readonly profiles: readonly ProfileConfig[];
  readonly seed: number;
  readonly sampleEveryNs: number;
  readonly onRun?: (done: number, total: number, policy: string) => void;
}

/**
 * Replays the trace's own times for every profile: a pod arrives at `creation_time`, runs for
 * `deletion_time - creation_time` once placed (a pod deleted before it was created runs 0 s),
 * and waits in priority-then-arrival order while it does not fit.
 */
export function timelineByPolicy(options: TimelineByPolicyOptions): TimelineReport {
  const { nodes, profiles, seed, sampleEveryNs } = options;
  if (profiles.length === 0) throw new RangeError('timelineByPolicy needs at least one policy, got 0');
  const timed = options.pods.map((p) => ({
    spec: p.spec,
    arrivalNs: p.creationTime * 1e9,
    runtimeNs: Math.max(0, p.deletionTime - p.creationTime) * 1e9,
  }));
  const workload = TargetWorkload.fromPods(options.pods.map((p) => p.spec));
  const policies = profiles.map((profile, k): PolicyTimeline => {
    const result = timeline({
      nodes, pods: timed, sampleEveryNs,
      feasibleNodesToFind: profile.feasibleNodesToFind,
      plugins: (cluster) => profilePlugins(profile, { cluster, gangs: new GangDirectory(), workload, seed }),
    });
    options.onRun?.(k + 1, profiles.length, profile.name);
    const delays = [...result.queueingDelaysNs].sort((a, b) => a - b).map((d) => d / 1e9);
    const allocations = result.samples.map((s) => s.allocationRatio);
    return {
      policy: profile.name,
      pods: timed.length,
      started: delays.length,
      neverScheduled: result.neverScheduled,
      queueingDelaySec: {
        mean: round6(delays.reduce((s, d) => s + d, 0) / Math.max(1, delays.length)),
        p50: percentile(delays, 0.5),
        p99: percentile(delays, 0.99),
        max: delays.at(-1) ?? 0,
      },
      allocation: {
        mean: round6(allocations.reduce((s, a) => s + a, 0) / Math.max(1, allocations.length)),
        peak: round6(Math.max(0, ...allocations)),
      },
      samples: result.samples.map((s) => ({ ...s, allocationRatio: round6(s.allocationRatio) })),
    };
  });
  return { mode: 'timeline', nodes: nodes.length, gpus: nodes.reduce((sum, n) => sum + n.gpuCount, 0), sampleEveryNs, policies };
}

/** Utilisation over time as CSV, one row per policy and sample. */
export function timelineCsv(report: TimelineReport): string {
  const rows = report.policies.flatMap((p) =>
    p.samples.map((s) => [p.policy, s.timeNs / 1e9, s.allocationRatio, s.running, s.pending].join(',')),
  );
  return `${['policy,time_s,allocation_ratio,running,pending', ...rows].join('\n')}\n`;
}

/** Six decimals: enough for ratios of a 6,212-GPU cluster, and stable text across platforms. */
function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
