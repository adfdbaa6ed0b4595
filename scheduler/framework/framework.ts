import type { ClusterState } from '../cluster/cluster-state.js';
import type { PodSpec } from '../workload/pod.js';
import { NodeClassIndex } from '../cluster/node-classes.js';
import { specGroups, type SpecGroups } from '../cluster/spec-groups.js';
import { Diagnosis } from './diagnosis.js';
import {
  isBind, isFilter, isGpuSelect, isPermit, isPostFilter, isPreFilter, isPreScore, isQueueSort, isReserve, isScore,
  type BindPlugin, type CycleContext, type FilterPlugin, type FrameworkHandle, type GpuSelectPlugin, type PermitPlugin, type Plugin,
  type PostFilterPlugin, type PreFilterPlugin, type PreScorePlugin, type QueuedPod, type QueueSortPlugin,
  type ReservePlugin, type ScorePlugin,
} from './plugin.js';
import { Status } from './status.js';

const NO_POST_FILTERS: readonly PostFilterPlugin[] = [];
/**
 * Fewest nodes a sampled scan (`feasibleNodesToFind`) filters at a time: a chunk runs every
 * filter as one batch, so a few nodes past the stopping point may be filtered (and ignored).
 */
const MIN_SAMPLE_CHUNK = 32;
/** With at most this many spec groups, a run of `specOnly` filters is evaluated for every group up front. */
const MAX_EAGER_SPEC_GROUPS = 64;

/** A plugin with its score weight (ignored at points other than score). */
export interface WeightedPlugin {
  readonly plugin: Plugin;
  readonly weight: number;
}

export interface FrameworkOptions {
  readonly cluster: ClusterState;
  /** In profile order; each is registered at every extension point it implements. */
  readonly plugins: readonly WeightedPlugin[];
  /**
   * Stop filtering once this many feasible nodes are found (kube-scheduler's
   * `percentageOfNodesToScore`, as a count); 0 filters and scores every node. The scan starts
   * where the previous one stopped, so sampled cycles spread over the cluster.
   */
  readonly feasibleNodesToFind?: number;
  /**
   * Evaluate one node per class of identical nodes (`NodeClassIndex`) when every filter and
   * score plugin is `stateOnly` and `feasibleNodesToFind` is 0. The result equals a full scan
   * (property-tested). Default true.
   */
  readonly nodeClasses?: boolean;
  /** Called when a pod binds (after permit). */
  readonly onBound?: (pod: PodSpec, node: number) => void;
  /** Called when a waiting pod is rejected (permit timeout or gang failure); it was unreserved. */
  readonly onRejected?: (pod: PodSpec, reason: string) => void;
  /** Called when a running pod is evicted by a plugin (preemption). */
  readonly onEvicted?: (pod: PodSpec, reason: string) => void;
}

/** Result of one scheduling cycle. */
export type CycleResult =
  | { readonly kind: 'bound'; readonly node: number }
  | { readonly kind: 'waiting'; readonly node: number }
  | { readonly kind: 'unschedulable'; readonly diagnosis: Diagnosis; readonly nominatedNode?: number };

interface Waiting {
  readonly pod: PodSpec;
  readonly node: number;
  readonly deadlineNs: number;
}

/**
 * The scheduling framework: runs one pod through the extension points in Kubernetes order.
 *
 * pre-filter -> filter (every node, or until `feasibleNodesToFind`) -> [post-filter if none] ->
 * pre-score -> score, normalise, weight, sum -> pick the highest (ties: lowest node index) ->
 * choose GPUs on it (gpu-select plugins, else best fit) -> assume in `ClusterState` -> reserve (unreserve in reverse on failure) -> permit (allow, wait
 * with timeout, reject) -> bind.
 *
 * Invariant: a pod that is waiting or bound holds its resources in the `ClusterState`; a pod
 * that is rejected or unschedulable holds none.
 *
 * @example
 * const fw = new Framework({ cluster, plugins: [{ plugin: new ResourceFit(), weight: 1 }, { plugin: new BestFit(), weight: 1 }] });
 * const result = fw.scheduleOne(pod, 0);
 * if (result.kind === 'unschedulable') console.log(result.diagnosis.toString());
 */
export class Framework implements FrameworkHandle {
  readonly #cluster: ClusterState;
  readonly #queueSort: QueueSortPlugin | undefined;
  readonly #preFilter: PreFilterPlugin[] = [];
  readonly #filter: FilterPlugin[] = [];
  readonly #postFilter: PostFilterPlugin[] = [];
  readonly #preScore: PreScorePlugin[] = [];
  readonly #score: ScorePlugin[] = [];
  readonly #scoreWeight: number[] = [];
  readonly #gpuSelect: GpuSelectPlugin[] = [];
  readonly #reserve: ReservePlugin[] = [];
  readonly #permit: PermitPlugin[] = [];
  readonly #bind: BindPlugin[] = [];
  readonly #feasibleToFind: number;
  readonly #options: FrameworkOptions;
  readonly #waiting = new Map<string, Waiting>();
  readonly #feasible: Int32Array;
  /** Candidates of one chunk of a sampled scan. */
  readonly #chunk: Int32Array;
  /** 0, 1, ..., n - 1: the candidates of a full scan. */
  readonly #allNodes: Int32Array;
  readonly #specs: SpecGroups;
  readonly #raw: Float64Array;
  readonly #total: Float64Array;
  readonly #statuses: Status[];
  readonly #classes: NodeClassIndex | undefined;
  readonly #representatives: Int32Array;
  readonly #classSizes: Int32Array;
  #classCount = 0;
  /** Plugins that are state-only for some pods only (checked per cycle). */
  readonly #perPodStateOnly: Plugin[];
  #nextStart = 0;
  #nowNs = 0;
  /** Per filter: 1 when it is `specOnly` (its status is shared by every node of a spec group). */
  readonly #specOnlyFilter: Uint8Array;
  /**
   * Per (filter, spec group): the status of the current cycle, valid when its stamp is
   * `#cycleNo`. A `specOnly` filter runs once per spec group per cycle, in the class pass and
   * the node scans alike, and its status is reused for the group's other nodes (equal by the
   * flag's contract).
   */
  readonly #specStatus: Status[];
  readonly #specStamp: Float64Array;
  /** Per spec group: 1 when the current run of specOnly filters passes it (eager evaluation). */
  readonly #groupPass = new Uint8Array(MAX_EAGER_SPEC_GROUPS);
  #cycleNo = 0;

  /** @throws RangeError for a bad weight, a duplicate plugin name, two queue-sort plugins, or a bad `feasibleNodesToFind`. */
  constructor(options: FrameworkOptions) {
    this.#options = options;
    this.#cluster = options.cluster;
    const names = new Set<string>();
    let queueSort: QueueSortPlugin | undefined;
    for (const { plugin, weight } of options.plugins) {
      if (names.has(plugin.name)) throw new RangeError(`plugin ${JSON.stringify(plugin.name)} is listed twice`);
      names.add(plugin.name);
      if (!Number.isFinite(weight) || weight < 0) throw new RangeError(`plugin ${plugin.name}: weight must be finite and >= 0, got ${weight}`);
      if (isQueueSort(plugin)) {
        if (queueSort !== undefined) throw new RangeError(`only one queue-sort plugin may be enabled, got ${queueSort.name} and ${plugin.name}`);
        queueSort = plugin;
      }
      if (isPreFilter(plugin)) this.#preFilter.push(plugin);
      if (isFilter(plugin)) this.#filter.push(plugin);
      if (isPostFilter(plugin)) this.#postFilter.push(plugin);
      if (isPreScore(plugin)) this.#preScore.push(plugin);
      if (isScore(plugin)) {
        this.#score.push(plugin);
        this.#scoreWeight.push(weight);
      }
      if (isGpuSelect(plugin)) this.#gpuSelect.push(plugin);
      if (isReserve(plugin)) this.#reserve.push(plugin);
      if (isPermit(plugin)) this.#permit.push(plugin);
      if (isBind(plugin)) this.#bind.push(plugin);
    }
    this.#queueSort = queueSort;
    const toFind = options.feasibleNodesToFind ?? 0;
    if (!Number.isInteger(toFind) || toFind < 0) throw new RangeError(`feasibleNodesToFind must be an integer >= 0, got ${toFind}`);
    this.#feasibleToFind = toFind;
    const n = this.#cluster.nodeCount;
    this.#feasible = new Int32Array(n);
    this.#chunk = new Int32Array(n);
    this.#allNodes = Int32Array.from({ length: n }, (_, i) => i);
    this.#specs = specGroups(this.#cluster);
    this.#raw = new Float64Array(n);
    this.#total = new Float64Array(n);
    this.#statuses = new Array<Status>(n).fill(Status.SUCCESS);
    this.#representatives = new Int32Array(n);
    this.#classSizes = new Int32Array(n);
    const nodePlugins = [...new Set<Plugin>([...this.#filter, ...this.#preScore, ...this.#score])];
    this.#perPodStateOnly = nodePlugins.filter((p) => p.stateOnly !== true && p.isStateOnlyFor !== undefined);
    const stateOnly = nodePlugins.every((p) => p.stateOnly === true || p.isStateOnlyFor !== undefined);
    this.#classes = (options.nodeClasses ?? true) && toFind === 0 && stateOnly ? new NodeClassIndex(this.#cluster, this.#specs) : undefined;
    this.#specOnlyFilter = Uint8Array.from(this.#filter, (p) => (p.specOnly === true ? 1 : 0));
    const slots = this.#filter.length * this.#specs.count;
    this.#specStatus = new Array<Status>(slots).fill(Status.SUCCESS);
    this.#specStamp = new Float64Array(slots).fill(-1);
  }

  get cluster(): ClusterState {
    return this.#cluster;
  }

  /** Queue order from the queue-sort plugin; priority then FIFO when none is enabled. */
  less(a: QueuedPod, b: QueuedPod): boolean {
    if (this.#queueSort !== undefined) return this.#queueSort.less(a, b);
    return a.pod.priority !== b.pod.priority ? a.pod.priority > b.pod.priority : a.sequence < b.sequence;
  }

  /** Runs one scheduling cycle for `pod` at simulation time `nowNs`. */
  scheduleOne(pod: PodSpec, nowNs: number): CycleResult {
    this.#nowNs = nowNs;
    const ctx: CycleContext = new Cycle(this.#cluster, nowNs, this);
    for (const plugin of this.#preFilter) {
      const status = plugin.preFilter(ctx, pod);
      if (!status.isSuccess) {
        return this.#rejected(status.reason);
      }
    }
    const byClass = this.#classes !== undefined && this.#perPodStateOnly.every((p) => p.isStateOnlyFor!(pod));
    let count = byClass ? this.#findFeasibleClasses(ctx, pod) : this.#findFeasible(ctx, pod);
    // No class fits: post-filter needs every node's status, so scan them all; without
    // post-filter plugins needed for this pod, the diagnosis comes from the classes (members share
    // their status).
    const postFilters = count === 0 ? this.#postFilter.filter((p) => p.isNeededFor?.(ctx, pod) ?? true) : NO_POST_FILTERS;
    const fullScan = count === 0 && byClass && postFilters.length > 0;
    if (fullScan) count = this.#findFeasible(ctx, pod);
    if (count === 0) {
      const diagnosis = new Diagnosis(this.#cluster.nodeCount);
      if (byClass && !fullScan) this.#diagnoseClasses(diagnosis);
      else this.#diagnose(diagnosis);
      for (const plugin of postFilters) {
        const result = plugin.postFilter(ctx, pod, this.#statuses);
        if (result.nominatedNode !== undefined) return { kind: 'unschedulable', diagnosis, nominatedNode: result.nominatedNode };
      }
      return { kind: 'unschedulable', diagnosis };
    }
    for (const plugin of this.#preScore) {
      const status = plugin.preScore(ctx, pod, this.#feasible, count);
      if (!status.isSuccess) return this.#rejected(status.reason);
    }
    const node = this.#selectNode(ctx, pod, count);
    return this.#reserveAndPermit(ctx, pod, node);
  }

  /** Rejects waiting pods whose permit timeout has passed; returns how many. */
  expireWaiting(nowNs: number): number {
    this.#nowNs = nowNs;
    const expired = [...this.#waiting.values()].filter((w) => w.deadlineNs <= nowNs);
    for (const w of expired) if (this.#waiting.has(w.pod.name)) this.reject(w.pod.name, 'permit timeout');
    return expired.length;
  }

  /** Earliest permit deadline among waiting pods, or Infinity. */
  nextDeadlineNs(): number {
    let next = Infinity;
    for (const w of this.#waiting.values()) next = Math.min(next, w.deadlineNs);
    return next;
  }

  // FrameworkHandle

  *waitingPods(): IterableIterator<{ readonly pod: PodSpec; readonly node: number }> {
    yield* [...this.#waiting.values()];
  }

  allow(podName: string): void {
    const w = this.#waiting.get(podName);
    if (w === undefined) throw new RangeError(`pod ${JSON.stringify(podName)} is not waiting at permit`);
    this.#waiting.delete(podName);
    this.#bindPod(this.#context(), w.pod, w.node);
  }

  reject(podName: string, reason: string): void {
    const w = this.#waiting.get(podName);
    if (w === undefined) throw new RangeError(`pod ${JSON.stringify(podName)} is not waiting at permit`);
    this.#waiting.delete(podName);
    this.#unreserve(this.#context(), w.pod, w.node, this.#reserve.length);
    this.#options.onRejected?.(w.pod, reason);
  }

  evict(podName: string, reason: string): void {
    const allocation = this.#cluster.release(podName);
    this.#options.onEvicted?.(allocation.pod, reason);
  }

  #context(): CycleContext {
    return new Cycle(this.#cluster, this.#nowNs, this);
  }

  /** An unschedulable result for a reason found before or after the node scan (pre-filter, pre-score, reserve, permit). */
  #rejected(reason: string): CycleResult {
    const diagnosis = new Diagnosis(this.#cluster.nodeCount);
    diagnosis.setPreFilterReason(reason);
    return { kind: 'unschedulable', diagnosis };
  }

  /**
   * Counts the failing statuses of the last filter pass into the diagnosis. Done only when no
   * node fits (the only time it is reported); plugins reuse status objects, so counting by
   * identity over a short list is cheap.
   */
  #diagnose(diagnosis: Diagnosis): void {
    const seen: Status[] = [];
    const counts: number[] = [];
    for (const status of this.#statuses) {
      if (status.isSuccess) continue;
      const k = seen.indexOf(status);
      if (k >= 0) counts[k]!++;
      else {
        seen.push(status);
        counts.push(1);
      }
    }
    seen.forEach((status, k) => {
      diagnosis.add(status.reason, counts[k]);
    });
  }

  /**
   * Fills `#feasible` and `#statuses` (every visited node's first failing filter); returns the
   * number of feasible nodes. Without sampling every node is filtered, in one batch; with
   * `feasibleNodesToFind`, nodes are filtered in chunks from where the last scan stopped until
   * that many pass, and the scan stops right after the last one taken.
   */
  #findFeasible(ctx: CycleContext, pod: PodSpec): number {
    const n = this.#cluster.nodeCount;
    const cycle = ++this.#cycleNo;
    if (this.#feasibleToFind === 0) {
      this.#feasible.set(this.#allNodes);
      return this.#runFilters(ctx, pod, this.#feasible, n, cycle);
    }
    const limit = this.#feasibleToFind;
    const start = this.#nextStart;
    const feasible = this.#feasible;
    const chunk = this.#chunk;
    let count = 0;
    let visited = 0;
    while (visited < n && count < limit) {
      const size = Math.min(n - visited, Math.max(limit - count, MIN_SAMPLE_CHUNK));
      let node = start + visited;
      if (node >= n) node -= n;
      for (let i = 0; i < size; i++) {
        chunk[i] = node;
        if (++node === n) node = 0;
      }
      const passed = this.#runFilters(ctx, pod, chunk, size, cycle);
      const take = Math.min(passed, limit - count);
      for (let i = 0; i < take; i++) feasible[count + i] = chunk[i]!;
      count += take;
      if (count === limit && take > 0) {
        // Stop right after the last node taken, as a node-by-node scan would.
        const last = chunk[take - 1]!;
        visited = (last >= start ? last - start : last + n - start) + 1;
      } else {
        visited += size;
      }
    }
    this.#nextStart = (start + visited) % n;
    return count;
  }

  /**
   * Runs the filters, in profile order, over `nodes[0 .. count)`: keeps the nodes that pass at
   * the front (in order) and returns how many; a node that fails gets its first failing status
   * in `#statuses`. Passing nodes keep whatever status they had: statuses are read only when no
   * node passed (diagnosis, post-filter), and then every node the scan visited failed in this
   * cycle, and a scan that finds nothing visits every node (or class). Plugin by plugin,
   * each in one batch (`filterNodes`), once per spec group (`specOnly`), or node by node.
   */
  #runFilters(ctx: CycleContext, pod: PodSpec, nodes: Int32Array, count: number, cycle: number): number {
    const filters = this.#filter;
    const statuses = this.#statuses;
    const specOnly = this.#specOnlyFilter;
    for (let f = 0; f < filters.length && count > 0; f++) {
      const plugin = filters[f]!;
      let kept = 0;
      if (specOnly[f] === 1) {
        let end = f + 1;
        while (end < filters.length && specOnly[end] === 1) end++;
        kept = this.#specRun(ctx, pod, f, end, nodes, count, cycle);
        f = end - 1;
      } else if (plugin.filterNodes !== undefined) {
        kept = plugin.filterNodes(ctx, pod, nodes, count, statuses);
      } else {
        for (let i = 0; i < count; i++) {
          const node = nodes[i]!;
          const status = plugin.filter(ctx, pod, node);
          if (status.isSuccess) nodes[kept++] = node;
          else statuses[node] = status;
        }
      }
      count = kept;
    }
    return count;
  }

  /**
   * Filters `nodes[0 .. count)` through the run of consecutive `specOnly` filters `[from, end)`
   * in one pass: per spec group, the run's first failing status is computed once per cycle
   * (on any node of the group: equal by the flag's contract). With few groups they are all
   * computed up front, and when every group passes (the usual case) the nodes are not visited.
   */
  #specRun(ctx: CycleContext, pod: PodSpec, from: number, end: number, nodes: Int32Array, count: number, cycle: number): number {
    const { groupOf, count: groups, firstNode } = this.#specs;
    const base = from * groups;
    const stamp = this.#specStamp;
    const specStatus = this.#specStatus;
    const statuses = this.#statuses;
    let kept = 0;
    if (groups <= MAX_EAGER_SPEC_GROUPS) {
      const pass = this.#groupPass;
      let allPass = true;
      for (let g = 0; g < groups; g++) {
        if (stamp[base + g] !== cycle) {
          stamp[base + g] = cycle;
          specStatus[base + g] = this.#runSpecFilters(ctx, pod, from, end, firstNode[g]!);
        }
        const ok = specStatus[base + g]!.isSuccess;
        pass[g] = ok ? 1 : 0;
        if (!ok) allPass = false;
      }
      if (allPass) return count;
      for (let i = 0; i < count; i++) {
        const node = nodes[i]!;
        const g = groupOf[node]!;
        if (pass[g] === 1) nodes[kept++] = node;
        else statuses[node] = specStatus[base + g]!;
      }
      return kept;
    }
    for (let i = 0; i < count; i++) {
      const node = nodes[i]!;
      const slot = base + groupOf[node]!;
      if (stamp[slot] !== cycle) {
        stamp[slot] = cycle;
        specStatus[slot] = this.#runSpecFilters(ctx, pod, from, end, node);
      }
      const status = specStatus[slot]!;
      if (status.isSuccess) nodes[kept++] = node;
      else statuses[node] = status;
    }
    return kept;
  }

  /** The first failing status of the filters `[from, end)` on `node`, or success. */
  #runSpecFilters(ctx: CycleContext, pod: PodSpec, from: number, end: number, node: number): Status {
    let status = Status.SUCCESS;
    for (let r = from; r < end && status.isSuccess; r++) status = this.#filter[r]!.filter(ctx, pod, node);
    return status;
  }


  /**
   * Like `#findFeasible` over one representative node per class (statuses land in
   * `#statuses` at the representatives' indexes).
   */
  #findFeasibleClasses(ctx: CycleContext, pod: PodSpec): number {
    const reps = this.#representatives;
    const classes = this.#classes!.representatives(reps, this.#classSizes);
    this.#classCount = classes;
    this.#feasible.set(reps.subarray(0, classes));
    return this.#runFilters(ctx, pod, this.#feasible, classes, ++this.#cycleNo);
  }

  /** Diagnosis from the last class pass: each class's status counts once per member. */
  #diagnoseClasses(diagnosis: Diagnosis): void {
    // Plugins reuse status objects: count by identity over a short list, then add each reason once.
    const seen: Status[] = [];
    const counts: number[] = [];
    let last: Status | undefined;
    let lastIndex = -1;
    for (let k = 0; k < this.#classCount; k++) {
      const status = this.#statuses[this.#representatives[k]!]!;
      if (status === last) {
        counts[lastIndex]! += this.#classSizes[k]!;
        continue;
      }
      if (status.isSuccess) continue;
      const i = seen.indexOf(status);
      last = status;
      lastIndex = i >= 0 ? i : seen.length;
      if (i >= 0) counts[i]! += this.#classSizes[k]!;
      else {
        seen.push(status);
        counts.push(this.#classSizes[k]!);
      }
    }
    seen.forEach((status, i) => {
      diagnosis.add(status.reason, counts[i]);
    });
  }

  /** Highest weighted score; ties go to the lowest node index (what a full scan from node 0 picks). */
  #selectNode(ctx: CycleContext, pod: PodSpec, count: number): number {
    const feasible = this.#feasible;
    const total = this.#total;
    const raw = this.#raw;
    total.fill(0, 0, count);
    for (let p = 0; p < this.#score.length; p++) {
      const plugin = this.#score[p]!;
      const weight = this.#scoreWeight[p]!;
      if (weight === 0) continue;
      if (plugin.scoreNodes !== undefined) plugin.scoreNodes(ctx, pod, feasible, count, raw);
      else for (let k = 0; k < count; k++) raw[k] = plugin.score(ctx, pod, feasible[k]!);
      plugin.normalizeScore?.(ctx, pod, raw, count);
      for (let k = 0; k < count; k++) {
        const s = raw[k]!;
        if (!(s >= 0 && s <= 100)) throw new RangeError(`score plugin ${plugin.name} gave ${s} for node ${this.#cluster.node(feasible[k]!).name}, outside [0, 100]`);
        total[k]! += weight * s;
      }
    }
    let best = 0;
    for (let k = 1; k < count; k++) {
      const t = total[k]!;
      if (t > total[best]! || (t === total[best]! && feasible[k]! < feasible[best]!)) best = k;
    }
    return feasible[best]!;
  }

  #reserveAndPermit(ctx: CycleContext, pod: PodSpec, node: number): CycleResult {
    // Assume: the pod holds its resources from here on, so later cycles see them taken.
    let gpus: readonly number[] | undefined;
    for (const plugin of this.#gpuSelect) {
      gpus = plugin.selectGpus(ctx, pod, node);
      if (gpus !== undefined) break;
    }
    this.#cluster.allocate(pod, node, gpus, ctx.nowNs);
    for (let r = 0; r < this.#reserve.length; r++) {
      const status = this.#reserve[r]!.reserve(ctx, pod, node);
      if (!status.isSuccess) {
        this.#unreserve(ctx, pod, node, r + 1);
        return this.#rejected(status.reason);
      }
    }
    let waitNs = Infinity;
    let wait = false;
    for (const plugin of this.#permit) {
      const result = plugin.permit(ctx, pod, node);
      if (result.status.code === 'Wait') {
        wait = true;
        waitNs = Math.min(waitNs, result.timeoutNs ?? Infinity);
      } else if (!result.status.isSuccess) {
        this.#unreserve(ctx, pod, node, this.#reserve.length);
        return this.#rejected(result.status.reason);
      }
    }
    if (wait) {
      this.#waiting.set(pod.name, { pod, node, deadlineNs: ctx.nowNs + waitNs });
      return { kind: 'waiting', node };
    }
    this.#bindPod(ctx, pod, node);
    return { kind: 'bound', node };
  }

  /** Unreserves the first `reserved` reserve plugins in reverse order and gives the resources back. */
  #unreserve(ctx: CycleContext, pod: PodSpec, node: number, reserved: number): void {
    for (let r = reserved - 1; r >= 0; r--) this.#reserve[r]!.unreserve(ctx, pod, node);
    this.#cluster.release(pod.name);
  }

  #bindPod(ctx: CycleContext, pod: PodSpec, node: number): void {
    for (const plugin of this.#bind) {
      if (plugin.bind(ctx, pod, node).isSuccess) break;
    }
    this.#options.onBound?.(pod, node);
  }
}

/** The context of one cycle; the `cycle` scratch map is made on first use (most cycles never touch it). */
class Cycle implements CycleContext {
  readonly cluster: ClusterState;
  readonly nowNs: number;
  readonly handle: FrameworkHandle;
  #scratch: Map<string, unknown> | undefined;

  constructor(cluster: ClusterState, nowNs: number, handle: FrameworkHandle) {
    this.cluster = cluster;
    this.nowNs = nowNs;
    this.handle = handle;
  }

  get cycle(): Map<string, unknown> {
    return (this.#scratch ??= new Map());
  }
}
