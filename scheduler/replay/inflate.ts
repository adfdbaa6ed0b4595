import { RandomStream } from '../../fabric-sim/engine/index.js';
import { ClusterState } from '../cluster/cluster-state.js';
import type { NodeSpec } from '../cluster/node-spec.js';
import { FragmentationTracker } from '../fgd/node-view.js';
import type { TargetWorkload } from '../fgd/target-workload.js';
import { Framework, type WeightedPlugin } from '../framework/framework.js';
import { podGpuMilli, podSpec, type PodSpec } from '../workload/pod.js';

/** One point of the curves, taken when arrived GPU demand crosses a step. */
export interface InflatePoint {
  /** Arrived GPU demand / cluster GPU capacity. */
  readonly arrivedShare: number;
  /** Allocated milli-GPUs / cluster milli-GPU capacity. */
  readonly allocationRatio: number;
  /** Cluster fragmentation (FGD measure) / cluster milli-GPU capacity. */
  readonly fragmentationRatio: number;
  readonly arrivedPods: number;
  readonly failedPods: number;
}

export interface InflateOptions {
  readonly nodes: readonly NodeSpec[];
  /** The population pods are drawn from, with replacement. */
  readonly pods: readonly PodSpec[];
  /** Builds the profile's plugins over the fresh cluster; `seed` is the run's (for seeded plugins such as Random). */
  readonly plugins: (cluster: ClusterState, seed: number) => readonly WeightedPlugin[];
  /** The profile's `feasibleNodesToFind` (0, the default: filter and score every node). */
  readonly feasibleNodesToFind?: number;
  /** Fragmentation is measured against this workload (normally the population's). */
  readonly workload: TargetWorkload;
  readonly seed: number;
  /** Stop once arrived GPU demand reaches this share of capacity (the FGD paper goes to 1.3). */
  readonly maxArrivedShare: number;
  /** Record a point every `step` of arrived share (default 0.05). */
  readonly step?: number;
}

/**
 * The FGD paper's "inflation" experiment: pods are drawn from a population by sampling with
 * replacement (seeded), each is scheduled once on arrival and never finishes; a pod that does
 * not fit fails and is dropped. Drawing continues until the arrived GPU demand reaches
 * `maxArrivedShare` of cluster GPU capacity. CPU-only pods arrive too but add no GPU demand.
 *
 * @example
 * const curve = inflate({ nodes, pods, workload: TargetWorkload.fromPods(pods), seed: 1, maxArrivedShare: 1.3,
 *   plugins: (c) => [{ plugin: new ResourceFit(), weight: 1 }, { plugin: new BestFit(c), weight: 1 }] });
 * @throws RangeError for an empty population, a population without GPU demand, or bad shares.
 */
export function inflate(options: InflateOptions): InflatePoint[] {
  const { pods, maxArrivedShare } = options;
  const step = options.step ?? 0.05;
  if (pods.length === 0) throw new RangeError('inflate needs a pod population, got 0 pods');
  if (!pods.some((p) => p.gpuCount > 0)) throw new RangeError('inflate needs GPU pods in the population, got none');
  if (!(maxArrivedShare > 0 && maxArrivedShare <= 10)) throw new RangeError(`maxArrivedShare must be in (0, 10], got ${maxArrivedShare}`);
  if (!(step > 0 && step <= maxArrivedShare)) throw new RangeError(`step must be in (0, maxArrivedShare], got ${step}`);
  const cluster = new ClusterState(options.nodes);
  const framework = new Framework({ cluster, plugins: options.plugins(cluster, options.seed), feasibleNodesToFind: options.feasibleNodesToFind ?? 0 });
  const random = RandomStream.derive(options.seed, 'scheduler/replay/inflate');
  const capacity = cluster.gpuMilliCapacity;
  const fragmentation = new FragmentationTracker(cluster, options.workload);
  const points: InflatePoint[] = [];
  let arrivedMilli = 0;
  let arrived = 0;
  let failed = 0;
  let nextMark = step;
  while (arrivedMilli < maxArrivedShare * capacity) {
    const template = pods[random.integer(0, pods.length - 1)]!;
    const pod = podSpec({ ...template, name: `${template.name}#${arrived}` });
    arrived++;
    arrivedMilli += podGpuMilli(pod);
    if (framework.scheduleOne(pod, 0).kind !== 'bound') failed++;
    // Several marks may be crossed by one large pod; record each so curves share x values.
    while (arrivedMilli >= nextMark * capacity - 1e-9 && nextMark <= maxArrivedShare + 1e-9) {
      points.push({
        arrivedShare: Math.round(nextMark * 1e6) / 1e6,
        allocationRatio: cluster.gpuMilliAllocated / capacity,
        fragmentationRatio: fragmentation.measure() / capacity,
        arrivedPods: arrived,
        failedPods: failed,
      });
      nextMark += step;
    }
  }
  return points;
}

/**
 * `inflate` once per seed, and the per-step median of each measure (the FGD paper reports
 * medians over seeds). Points line up by step because every run records the same marks.
 *
 * @example
 * const median = inflateMedian({ ...options, seed: 0 }, [1, 2, 3, 4, 5]);
 * @throws RangeError for an empty seed list.
 */
export function inflateMedian(options: InflateOptions, seeds: readonly number[]): InflatePoint[] {
  if (seeds.length === 0) throw new RangeError('inflateMedian needs at least one seed, got 0');
  return medianCurve(seeds.map((seed) => inflate({ ...options, seed })));
}

/**
 * Per-step medians of several `inflate` curves of the same options (one per seed); each
 * measure's median is taken on its own, as the FGD paper reports them.
 * @throws RangeError for no curves.
 */
export function medianCurve(runs: readonly (readonly InflatePoint[])[]): InflatePoint[] {
  if (runs.length === 0) throw new RangeError('medianCurve needs at least one curve, got 0');
  const steps = Math.min(...runs.map((r) => r.length));
  const median = (values: number[]): number => {
    values.sort((a, b) => a - b);
    const mid = values.length >> 1;
    return values.length % 2 === 1 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
  };
  return Array.from({ length: steps }, (_, k) => ({
    arrivedShare: runs[0]![k]!.arrivedShare,
    allocationRatio: median(runs.map((r) => r[k]!.allocationRatio)),
    fragmentationRatio: median(runs.map((r) => r[k]!.fragmentationRatio)),
    arrivedPods: median(runs.map((r) => r[k]!.arrivedPods)),
    failedPods: median(runs.map((r) => r[k]!.failedPods)),
  }));
}
