import type { NodeObject } from '../../../../operator/kube/objects.js';
import { wholeCount } from '../../../../operator/quantity.js';
import type { TopologyKeys } from '../../../../operator/topology.js';
import type { GpuCellView, NodeView } from '../../model/snapshot.js';
import type { PodInfo } from './pod-info.js';

interface NodeState {
  object: NodeObject;
  capacity: number;
  /** Pod key holding each GPU (undefined: free). */
  cells: (string | undefined)[];
  /** Cached view; undefined when it must be rebuilt. */
  view: NodeView | undefined;
  sortKey: string;
}

/** Totals of the header. */
export interface GpuTotals {
  gpus: number;
  used: number;
  lent: number;
}

/**
 * Nodes and the GPUs pods hold on them, maintained from watch events: each change touches only
 * the node it concerns, and a node's `NodeView` is rebuilt only when that node or a pod on it
 * changed (snapshots reuse the other views as they are).
 *
 * Kubernetes does not say which device of a node a pod got (the device plugin decides, and the
 * operator annotates none), so a pod takes the lowest free GPU indices of its node when it
 * starts holding them and keeps them until it stops: cells never move under a running pod.
 * A pod that does not fit (more GPUs requested than are free, which the API server allows for
 * pods bound outside any scheduler) holds what was free and is reported by `overflow`.
 */
export class NodeGrid {
  readonly #keys: TopologyKeys;
  readonly #nodes = new Map<string, NodeState>();
  /** Pods holding GPUs, by node name (also for nodes not, or no longer, in the cache). */
  readonly #podsOn = new Map<string, Map<string, PodInfo>>();
  /** GPU indices each holding pod got. */
  readonly #cellsOf = new Map<string, number[]>();
  #order: NodeState[] | undefined;
  #views: NodeView[] | undefined;
  readonly totals: GpuTotals = { gpus: 0, used: 0, lent: 0 };
  /** Pods holding fewer cells than they request (node over-committed), by pod key. */
  readonly overflow = new Map<string, number>();
  /** Workload priority for the cells' colour; set by the owner of the CR caches. */
  priorityOf: (workload: string) => number | undefined = () => undefined;

  constructor(keys: TopologyKeys) {
    this.#keys = keys;
  }

  get nodeCount(): number {
    return this.#nodes.size;
  }

  /** Adds or replaces a node. Its pods keep their cells unless the capacity shrank below them. */
  upsertNode(object: NodeObject): void {
    const name = object.metadata.name;
    const previous = this.#nodes.get(name);
    const capacity = this.#capacity(object);
    const labels = object.metadata.labels ?? {};
    const sortKey = `${labels[this.#keys.leaf] ?? '\uffff'}\0${name}`;
    if (previous !== undefined && previous.capacity === capacity) {
      if (previous.sortKey !== sortKey) this.#order = undefined;
      previous.object = object;
      previous.sortKey = sortKey;
      previous.view = undefined;
      this.#views = undefined;
      return;
    }
    if (previous !== undefined) this.#clearNode(previous);
    this.#order = undefined;
    const state: NodeState = { object, capacity, cells: new Array<string | undefined>(capacity).fill(undefined), view: undefined, sortKey };
    this.#nodes.set(name, state);
    this.totals.gpus += capacity;
    // Pods already known on this node (listed before it, or kept across a capacity change), in arrival order.
    for (const pod of this.#podsOn.get(name)?.values() ?? []) this.#assign(state, pod);
    this.#views = undefined;
  }

  deleteNode(name: string): void {
    const state = this.#nodes.get(name);
    if (state === undefined) return;
    this.#clearNode(state);
    this.#nodes.delete(name);
    this.#order = undefined;
    this.#views = undefined;
  }

  /** A pod's new state (undefined: gone). Cells move only when its node, GPU count or holding changed. */
  updatePod(key: string, before: PodInfo | undefined, after: PodInfo | undefined): void {
    const held = before !== undefined && before.holds;
    const holds = after !== undefined && after.holds;
    if (held && holds && before.node === after.node && before.gpus === after.gpus) {
      this.#podsOn.get(after.node!)!.set(key, after);
      if (before.workload !== after.workload || before.lent !== after.lent) {
        const state = this.#nodes.get(after.node!);
        if (state !== undefined) {
          const cells = this.#cellsOf.get(key)?.length ?? 0;
          if (before.lent) this.totals.lent -= cells;
          if (after.lent) this.totals.lent += cells;
          this.#touch(state);
        }
      }
      return;
    }
    if (held) this.#release(before);
    if (holds) {
      let pods = this.#podsOn.get(after.node!);
      if (pods === undefined) this.#podsOn.set(after.node!, (pods = new Map<string, PodInfo>()));
      pods.set(key, after);
      const state = this.#nodes.get(after.node!);
      if (state !== undefined) this.#assign(state, after);
    }
  }

  /** Marks every node view stale (a workload's priority changed). */
  invalidateViews(): void {
    for (const state of this.#nodes.values()) state.view = undefined;
    this.#views = undefined;
  }

  /** Node views sorted by leaf label, then name; unchanged views are the same objects as last time. */
  views(): readonly NodeView[] {
    if (this.#views !== undefined) return this.#views;
    this.#order ??= [...this.#nodes.values()].sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
    this.#views = this.#order.map((state) => (state.view ??= this.#view(state)));
    return this.#views;
  }

  #capacity(object: NodeObject): number {
    const allocatable = object.status?.allocatable ?? object.status?.capacity ?? {};
    try {
      return wholeCount(allocatable[this.#keys.gpuResource], `node ${object.metadata.name}: allocatable.${this.#keys.gpuResource}`);
    } catch {
      return 0; // an unparseable count: shown as a node without GPUs (the operator skips it too)
    }
  }

  #assign(state: NodeState, pod: PodInfo): void {
    const taken: number[] = [];
    for (let i = 0; i < state.cells.length && taken.length < pod.gpus; i++) {
      if (state.cells[i] === undefined) {
        state.cells[i] = pod.key;
        taken.push(i);
      }
    }
    this.#cellsOf.set(pod.key, taken);
    if (taken.length < pod.gpus) this.overflow.set(pod.key, pod.gpus - taken.length);
    this.totals.used += taken.length;
    if (pod.lent) this.totals.lent += taken.length;
    this.#touch(state);
  }

  #release(pod: PodInfo): void {
    const pods = this.#podsOn.get(pod.node!);
    pods?.delete(pod.key);
    if (pods?.size === 0) this.#podsOn.delete(pod.node!);
    this.overflow.delete(pod.key);
    const cells = this.#cellsOf.get(pod.key);
    this.#cellsOf.delete(pod.key);
    const state = this.#nodes.get(pod.node!);
    if (state === undefined || cells === undefined) return;
    for (const i of cells) state.cells[i] = undefined;
    this.totals.used -= cells.length;
    if (pod.lent) this.totals.lent -= cells.length;
    this.#touch(state);
  }

  /** Frees every cell of a node (its pods stay in `#podsOn` for when it comes back). */
  #clearNode(state: NodeState): void {
    for (const pod of this.#podsOn.get(state.object.metadata.name)?.values() ?? []) {
      const cells = this.#cellsOf.get(pod.key) ?? [];
      this.totals.used -= cells.length;
      if (pod.lent) this.totals.lent -= cells.length;
      this.#cellsOf.delete(pod.key);
      this.overflow.delete(pod.key);
    }
    this.totals.gpus -= state.capacity;
    state.cells.fill(undefined);
    this.#touch(state);
  }

  #touch(state: NodeState): void {
    state.view = undefined;
    this.#views = undefined;
  }

  #view(state: NodeState): NodeView {
    const o = state.object;
    const labels = o.metadata.labels ?? {};
    const k = this.#keys;
    const gpuType = k.gpuType.map((key) => labels[key]).find((v) => v !== undefined && v !== '') ?? (state.capacity > 0 ? 'unknown' : '-');
    const ready = o.status?.conditions?.find((c) => c.type === 'Ready');
    const place = [
      labels[k.leaf] === undefined ? undefined : `leaf ${labels[k.leaf]}`,
      labels[k.rail] === undefined ? undefined : `rail ${labels[k.rail]}`,
      labels[k.nvlinkDomain] === undefined ? undefined : `nvl ${labels[k.nvlinkDomain]}`,
      labels[k.spineGroup] === undefined ? undefined : `spine ${labels[k.spineGroup]}`,
      ready !== undefined && ready.status !== 'True' ? 'NotReady' : undefined,
      o.spec?.unschedulable === true ? 'cordoned' : undefined,
    ].filter((p): p is string => p !== undefined);
    const pods = this.#podsOn.get(o.metadata.name);
    const gpus: GpuCellView[] = state.cells.map((podKey) => {
      const pod = podKey === undefined ? undefined : pods?.get(podKey);
      if (pod === undefined) return { allocated: 0, lent: false };
      const priority = this.priorityOf(pod.workload);
      return { workload: pod.workload, allocated: 1, lent: pod.lent, ...(priority === undefined ? {} : { priority }) };
    });
    return { name: o.metadata.name, gpuType, location: place.length === 0 ? '-' : place.join(', '), gpus };
  }
}
