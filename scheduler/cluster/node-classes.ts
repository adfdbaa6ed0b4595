import type { ClusterState } from './cluster-state.js';

interface NodeClass {
  readonly members: Set<number>;
  /** Lowest member index (the class's representative); -1 when empty. */
  min: number;
}

/**
 * Groups nodes whose state is indistinguishable to state-only plugins: same GPU model and
 * count, capacity, labels, taints and cordon flag, same free CPU and memory, and the same
 * multiset of free milli-GPUs. Such nodes pass the same filters and get the same scores, so
 * the framework evaluates one representative per class (its lowest-indexed node, which is
 * also the node a full scan would pick among them). In a large, mostly idle or regularly
 * loaded cluster there are far fewer classes than nodes.
 *
 * Kept up to date incrementally: `ClusterState` reports each changed node and the index
 * re-files it on the next `classes()` call.
 */
export class NodeClassIndex {
  readonly #cluster: ClusterState;
  readonly #specKey: string[];
  /** Spec group of each node: nodes of equal spec (all but free resources and cordon) share it. */
  readonly #specGroup: Int32Array;
  readonly #specGroups: number;
  readonly #keyOf: string[];
  readonly #classes = new Map<string, NodeClass>();
  readonly #dirty: number[] = [];
  readonly #isDirty: Uint8Array;
  readonly #scratch: number[] = [];

  constructor(cluster: ClusterState) {
    this.#cluster = cluster;
    const n = cluster.nodeCount;
    this.#isDirty = new Uint8Array(n);
    this.#specKey = [];
    this.#specGroup = new Int32Array(n);
    this.#keyOf = new Array<string>(n).fill('');
    const specIds = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const s = cluster.node(i);
      const spec = JSON.stringify([s.gpuType, s.gpuCount, s.cpuMilli, s.memoryMiB, Object.entries(s.labels).sort(), s.taints]);
      let id = specIds.get(spec);
      if (id === undefined) {
        id = specIds.size;
        specIds.set(spec, id);
      }
      this.#specKey.push(String(id));
      this.#specGroup[i] = id;
      this.#file(i);
    }
    this.#specGroups = specIds.size;
    cluster.onNodeChange((node) => {
      if (this.#isDirty[node] === 1) return;
      this.#isDirty[node] = 1;
      this.#dirty.push(node);
    });
  }

  /**
   * Representatives (lowest node index) of the non-empty classes, after re-filing changed
   * nodes, into `out`, and the class sizes into `sizes`; returns the class count.
   */
  representatives(out: Int32Array, sizes: Int32Array): number {
    for (const node of this.#dirty) {
      this.#isDirty[node] = 0;
      this.#unfile(node);
      this.#file(node);
    }
    this.#dirty.length = 0;
    let count = 0;
    for (const c of this.#classes.values()) {
      sizes[count] = c.members.size;
      out[count++] = c.min;
    }
    return count;
  }

  /** The node's spec group, in [0, specGroupCount). */
  specGroupOf(node: number): number {
    return this.#specGroup[node]!;
  }

  get specGroupCount(): number {
    return this.#specGroups;
  }

  get classCount(): number {
    return this.#classes.size;
  }

  #key(node: number): string {
    const c = this.#cluster;
    const frees = this.#scratch;
    frees.length = 0;
    for (let g = 0, n = c.node(node).gpuCount; g < n; g++) frees.push(c.gpuFree(node, g));
    frees.sort((a, b) => a - b);
    return `${this.#specKey[node]!}|${c.isCordoned(node) ? 1 : 0}|${c.freeCpu(node)}|${c.freeMemory(node)}|${frees.join(',')}`;
  }

  #file(node: number): void {
    const key = this.#key(node);
    this.#keyOf[node] = key;
    let c = this.#classes.get(key);
    if (c === undefined) {
      c = { members: new Set(), min: node };
      this.#classes.set(key, c);
    }
    c.members.add(node);
    if (node < c.min) c.min = node;
  }

  #unfile(node: number): void {
    const key = this.#keyOf[node]!;
    const c = this.#classes.get(key)!;
    c.members.delete(node);
    if (c.members.size === 0) {
      this.#classes.delete(key);
      return;
    }
    if (c.min === node) {
      let min = Infinity;
      for (const m of c.members) if (m < min) min = m;
      c.min = min;
    }
  }
}
