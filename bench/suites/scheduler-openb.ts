import { RandomStream } from '../../fabric-sim/engine/random.js';
import type { NodeSpec } from '../../scheduler/cluster/node-spec.js';
import type { ProfileConfig } from '../../scheduler/framework/profile.js';
import type { InflatePoint } from '../../scheduler/replay/inflate.js';
import { podGpuMilli, podSpec, type PodSpec } from '../../scheduler/workload/pod.js';
import { inflateByPolicy, pointAt } from '../../traces/replay/openb-replay.js';
import { NaiveScheduler } from '../baselines/naive-scheduler.js';
import { timed } from '../timing.js';

/**
 * The openb default replay of issue #6 (8,152 pods drawn with replacement onto the 1,523-node
 * list until arrived GPU demand is 130% of capacity, the FGD paper's inflation experiment), for
 * one policy: Weft's replay (a scheduling cycle per arrival through the policy's profile, and
 * the FGD fragmentation measure at every 5% step), and the naive full-scan loop over the
 * identical draw (no fragmentation measure, no diagnosis), as the same-run baseline.
 */
export const OPENB_SEED = 42;
export const OPENB_MAX_SHARE = 1.3;
export const OPENB_STEP = 0.05;

export interface OpenbRun {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly arrivedPods: number;
  readonly at100: InflatePoint;
  readonly atMax: InflatePoint;
}

/** One policy's replay, timed. */
export function runWeftOpenb(nodes: readonly NodeSpec[], pods: readonly PodSpec[], profile: ProfileConfig): OpenbRun {
  const run = timed(() => inflateByPolicy({ nodes, pods, profiles: [profile], seeds: [OPENB_SEED], maxArrivedShare: OPENB_MAX_SHARE, step: OPENB_STEP }));
  const points = run.value.policies[0]!.points;
  const atMax = points.at(-1)!;
  return { wallMs: run.wallMs, cpuMs: run.cpuMs, arrivedPods: atMax.arrivedPods, at100: pointAt(points, 1)!, atMax };
}

/** The naive loop (most-allocated, like the `packing` profile) over the same draws as `inflate`. */
export function runNaiveOpenb(nodes: readonly NodeSpec[], pods: readonly PodSpec[]): { wallMs: number; cpuMs: number; arrivedPods: number; allocationRatio: number } {
  const run = timed(() => naiveOpenb(nodes, pods));
  return { wallMs: run.wallMs, cpuMs: run.cpuMs, ...run.value };
}

function naiveOpenb(nodes: readonly NodeSpec[], pods: readonly PodSpec[]): { arrivedPods: number; allocationRatio: number } {
  const naive = new NaiveScheduler(nodes, 'most');
  const capacity = nodes.reduce((sum, n) => sum + n.gpuCount, 0) * 1000;
  // The draw of scheduler/replay/inflate.ts: same stream name, same sequence of indexes.
  const random = RandomStream.derive(OPENB_SEED, 'scheduler/replay/inflate');
  let arrivedMilli = 0;
  let arrived = 0;
  while (arrivedMilli < OPENB_MAX_SHARE * capacity) {
    const template = pods[random.integer(0, pods.length - 1)]!;
    const pod = podSpec({ ...template, name: `${template.name}#${arrived}` });
    arrived++;
    arrivedMilli += podGpuMilli(pod);
    naive.place(pod);
  }
  return { arrivedPods: arrived, allocationRatio: naive.gpuMilliAllocated / capacity };
}
