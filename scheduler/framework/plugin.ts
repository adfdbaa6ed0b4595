import type { ClusterState } from '../cluster/cluster-state.js';
import type { PodSpec } from '../workload/pod.js';
import type { Status } from './status.js';

/**
 * Extension points of the scheduling framework, named and ordered as in Kubernetes:
 * queue-sort, pre-filter, filter, post-filter, pre-score, score (+ normalize), reserve /
 * unreserve, permit, bind. A plugin is one object implementing any subset; a profile lists
 * plugins and the framework registers each at every point it implements ("multiPoint").
 */
export interface Plugin {
  readonly name: string;
  /**
   * True when the plugin's filter / score results for a node depend only on the node's
   * resources, labels, taints, cordon flag and free resources (not on its name, index or
   * topology, nor on randomness). When every filter and score plugin says so, the framework
   * evaluates one node per `NodeClassIndex` class instead of every node, with the same result.
   */
  readonly stateOnly?: boolean;
  /** Like `stateOnly`, decided per pod (a topology scorer is state-only for pods outside gangs). */
  isStateOnlyFor?(pod: PodSpec): boolean;
  /**
   * True when the plugin's filter result for a node depends only on the node's fixed spec
   * (GPU model and count, CPU and memory capacity, labels, taints), not on free resources,
   * cordon, name or position. In the node-class pass the framework then filters one node per
   * spec per cycle and reuses the status for every class of that spec.
   */
  readonly specOnly?: boolean;
}

/** What a plugin sees during one scheduling cycle. */
export interface CycleContext {
  readonly cluster: ClusterState;
  /** Simulation time of the cycle. */
  readonly nowNs: number;
  /** Per-cycle scratch: pre-filter and pre-score results, keyed by plugin name. */
  readonly cycle: Map<string, unknown>;
  readonly handle: FrameworkHandle;
}

/** Services of the framework that plugins call back into. */
export interface FrameworkHandle {
  /** Pods held at permit, with the node they reserved. */
  waitingPods(): IterableIterator<{ readonly pod: PodSpec; readonly node: number }>;
  /** Lets a waiting pod through permit; it binds at once. */
  allow(podName: string): void;
  /** Rejects a waiting pod: it is unreserved and reported as rejected. */
  reject(podName: string, reason: string): void;
  /** Removes a running pod to make room (preemption). */
  evict(podName: string, reason: string): void;
}

export interface QueuedPod {
  readonly pod: PodSpec;
  /** Order of arrival, for FIFO among equals. */
  readonly sequence: number;
}

export interface QueueSortPlugin extends Plugin {
  /** True when `a` should be scheduled before `b`. */
  less(a: QueuedPod, b: QueuedPod): boolean;
}
export interface PreFilterPlugin extends Plugin {
  preFilter(ctx: CycleContext, pod: PodSpec): Status;
}
export interface FilterPlugin extends Plugin {
  /**
   * Runs per node; must not allocate on success (hot loop) and must not change state: the
   * framework may run a filter on a few nodes past the point where a sampled scan stops, and
   * runs the filters plugin by plugin over the candidate nodes (each node still sees the
   * filters in profile order and stops at its first failure).
   */
  filter(ctx: CycleContext, pod: PodSpec, node: number): Status;
  /**
   * Optional batch form of `filter`, one call per cycle instead of one per node (the loop
   * inside is monomorphic): keeps the nodes of `nodes[0 .. count)` that pass, in their order,
   * at the front of `nodes`, sets `statuses[node]` for each node that fails, and returns how
   * many pass. Must agree with `filter` node by node (`plugins/batch.test.ts` checks it).
   */
  filterNodes?(ctx: CycleContext, pod: PodSpec, nodes: Int32Array, count: number, statuses: Status[]): number;
}
export interface PostFilterResult {
  readonly status: Status;
  /** Node on which room was made, if any; the pod should be retried. */
  readonly nominatedNode?: number;
}
export interface PostFilterPlugin extends Plugin {
  /** Runs when no node passed the filters; `statuses[i]` is node i's first failing filter. */
  postFilter(ctx: CycleContext, pod: PodSpec, statuses: readonly Status[]): PostFilterResult;
  /**
   * Cheap check, before the per-node statuses are gathered: false when `postFilter` has
   * nothing to do for this pod (a preemptor outranking no running pod; a pod outside any
   * gang). When every post-filter plugin says false, the framework skips them and the full
   * node scan they would need (kube-scheduler's PodEligibleToPreemptOthers plays this part
   * for preemption). Default: true.
   */
  isNeededFor?(ctx: CycleContext, pod: PodSpec): boolean;
}
export interface PreScorePlugin extends Plugin {
  /** `feasible[0 .. count)` are the node indexes that passed the filters. */
  preScore(ctx: CycleContext, pod: PodSpec, feasible: Int32Array, count: number): Status;
}
export interface ScorePlugin extends Plugin {
  /** Raw score of a feasible node; higher is better. Must lie in [0, 100] unless `normalizeScore` maps it there. */
  score(ctx: CycleContext, pod: PodSpec, node: number): number;
  /**
   * Optional batch form of `score`: `out[k] = score(nodes[k])` for k in [0, count), called in
   * that order (a seeded plugin draws in it). Must agree with `score` node by node.
   */
  scoreNodes?(ctx: CycleContext, pod: PodSpec, nodes: Int32Array, count: number, out: Float64Array): void;
  /** Rescales `scores[0 .. count)` in place to [0, 100]. */
  normalizeScore?(ctx: CycleContext, pod: PodSpec, scores: Float64Array, count: number): void;
}
export interface ReservePlugin extends Plugin {
  reserve(ctx: CycleContext, pod: PodSpec, node: number): Status;
  unreserve(ctx: CycleContext, pod: PodSpec, node: number): void;
}
export interface PermitResult {
  readonly status: Status;
  /** For `Wait`: how long the pod may wait before it is rejected. */
  readonly timeoutNs?: number;
}
export interface PermitPlugin extends Plugin {
  permit(ctx: CycleContext, pod: PodSpec, node: number): PermitResult;
}
export interface BindPlugin extends Plugin {
  /** Binds the pod, or returns a `Wait`-free non-success status to pass to the next binder. */
  bind(ctx: CycleContext, pod: PodSpec, node: number): Status;
}

/**
 * Chooses which GPUs of the selected node the pod takes (a Weft extension: Kubernetes leaves
 * device choice to the kubelet, but fragmentation depends on it). Runs once, on the chosen
 * node, before reserve; the first plugin returning an array wins, otherwise the node's
 * best-fit GPUs are taken (`ClusterState.pickGpus`).
 */
export interface GpuSelectPlugin extends Plugin {
  selectGpus(ctx: CycleContext, pod: PodSpec, node: number): readonly number[] | undefined;
}

export const isGpuSelect = (p: Plugin): p is GpuSelectPlugin => 'selectGpus' in p;
export const isQueueSort = (p: Plugin): p is QueueSortPlugin => 'less' in p;
export const isPreFilter = (p: Plugin): p is PreFilterPlugin => 'preFilter' in p;
export const isFilter = (p: Plugin): p is FilterPlugin => 'filter' in p;
export const isPostFilter = (p: Plugin): p is PostFilterPlugin => 'postFilter' in p;
export const isPreScore = (p: Plugin): p is PreScorePlugin => 'preScore' in p;
export const isScore = (p: Plugin): p is ScorePlugin => 'score' in p;
export const isReserve = (p: Plugin): p is ReservePlugin => 'reserve' in p;
export const isPermit = (p: Plugin): p is PermitPlugin => 'permit' in p;
export const isBind = (p: Plugin): p is BindPlugin => 'bind' in p;

/**
 * Min-max normalisation to [0, 100], the usual `normalizeScore`: the best node gets 100, the
 * worst 0; if all are equal, all get 100 (Kubernetes gives the max score when there is no spread).
 */
export function normalizeMinMax(scores: Float64Array, count: number): void {
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < count; k++) {
    const s = scores[k]!;
    if (s < min) min = s;
    if (s > max) max = s;
  }
  const span = max - min;
  // (s - min) / span is exactly 1 at the max, so the best node gets exactly 100.
  for (let k = 0; k < count; k++) scores[k] = span > 0 ? 100 * ((scores[k]! - min) / span) : 100;
}
