import type { ClusterState } from './cluster-state.js';
import { specGroups, type SpecGroups } from './spec-groups.js';

interface NodeClass {
  readonly key: string;
  /** Member count. */
  size: number;
  /** Lowest member index (the class's representative). */
  min: number;
  /** Position in the dense class list. */
  slot: number;
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
 * re-files it on the next `representatives()` call. Classes live in a dense list (removal swaps
 * the last one in), so listing them costs O(classes); the order of the list is not meaningful.
 * A class keeps its member count and lowest member, not its members: when the lowest member
 * leaves, the next one is found by scanning upward through `#classOf` (one step when the
 * lowest nodes are taken in order, as a packing or spreading scheduler does).
 */
export class NodeClassIndex {
  readonly #cluster: ClusterState;
  readonly #specs: SpecGroups;
  readonly #classOf: (NodeClass | undefined)[];
  readonly #byKey = new Map<string, NodeClass>();
  readonly #list: NodeClass[] = [];
  /** Per slot of `#list`: the class's representative and size, kept in step with the list. */
  readonly #reps: Int32Array;
  readonly #sizes: Int32Array;
  readonly #dirty: number[] = [];
  readonly #isDirty: Uint8Array;
  readonly #scratch: number[] = [];

  constructor(cluster: ClusterState, specs: SpecGroups = specGroups(cluster)) {
    this.#cluster = cluster;
    this.#specs = specs;
    const n = cluster.nodeCount;
    this.#isDirty = new Uint8Array(n);
    this.#classOf = new Array<NodeClass | undefined>(n).fill(undefined);
    this.#reps = new Int32Array(n);
    this.#sizes = new Int32Array(n);
    for (let i = 0; i < n; i++) this.#file(i);
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
    const dirty = this.#dirty;
    for (let i = 0; i < dirty.length; i++) {
      const node = dirty[i]!;
      this.#isDirty[node] = 0;
      this.#unfile(node);
      this.#file(node);
    }
    dirty.length = 0;
    const count = this.#list.length;
    out.set(this.#reps.subarray(0, count));
    sizes.set(this.#sizes.subarray(0, count));
    return count;
  }

  /** The node's spec group, in [0, specGroupCount). */
  specGroupOf(node: number): number {
    return this.#specs.groupOf[node]!;
  }

  get specGroupCount(): number {
    return this.#specs.count;
  }

  get classCount(): number {
    return this.#list.length;
  }

  #key(node: number): string {
    const c = this.#cluster;
    const frees = this.#scratch;
    frees.length = 0;
    for (let g = 0, n = c.node(node).gpuCount; g < n; g++) frees.push(c.gpuFree(node, g));
    frees.sort((a, b) => a - b);
    return `${this.#specs.groupOf[node]!}|${c.isCordoned(node) ? 1 : 0}|${c.freeCpu(node)}|${c.freeMemory(node)}|${frees.join(',')}`;
  }

  #file(node: number): void {
    const key = this.#key(node);
    let c = this.#byKey.get(key);
    if (c === undefined) {
      c = { key, size: 0, min: node, slot: this.#list.length };
      this.#byKey.set(key, c);
      this.#list.push(c);
    }
    c.size++;
    if (node < c.min) c.min = node;
    this.#classOf[node] = c;
    this.#reps[c.slot] = c.min;
    this.#sizes[c.slot] = c.size;
  }

  #unfile(node: number): void {
    const c = this.#classOf[node]!;
    this.#classOf[node] = undefined;
    c.size--;
    if (c.size === 0) {
      this.#byKey.delete(c.key);
      const last = this.#list.pop()!;
      if (last !== c) {
        last.slot = c.slot;
        this.#list[c.slot] = last;
        this.#reps[c.slot] = last.min;
        this.#sizes[c.slot] = last.size;
      }
      return;
    }
    if (c.min === node) {
      // Members are all above the old minimum; the class is non-empty, so the scan ends.
      let m = node + 1;
      while (this.#classOf[m] !== c) m++;
      c.min = m;
    }
    this.#reps[c.slot] = c.min;
    this.#sizes[c.slot] = c.size;
  }
}
