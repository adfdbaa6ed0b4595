import type { NodeSpec } from './node-spec.js';
import type { PodSpec } from '../workload/pod.js';
import { bestFitGpus, GPU_MILLI } from './gpu-pick.js';

/** Where one pod runs: its node and, for GPU pods, the node-local GPU indexes it holds. */
export interface Allocation {
  readonly pod: PodSpec;
  readonly node: number;
  /** Node-local GPU indexes, each holding `pod.gpuMilli`. Empty for CPU-only pods. */
  readonly gpus: readonly number[];
  /** Simulation time the pod was placed, for minimum-runtime protection and lost-work estimates. */
  readonly startNs: number;
}

export { GPU_MILLI };

/**
 * Free and allocated resources of every node and every GPU, updated incrementally.
 *
 * Layout: struct-of-arrays over node indexes (free CPU, free memory, version, cordoned, two
 * derived GPU summaries) plus one flat `Int32Array` of free milli-GPUs over all GPUs, node `i`'s
 * GPUs at `[gpuOffset(i), gpuOffset(i + 1))`. Invariants, checked by the property tests:
 * every free amount lies in `[0, capacity]`; the free amounts plus the allocations of live pods
 * equal capacity; `fullyFreeGpus(i)`, `maxGpuFree(i)` and `freeGpuMilli(i)` agree with the per-GPU array;
 * `version(i)` changes whenever anything on node `i` changes (caches key on it).
 *
 * @example
 * const state = new ClusterState([nodeSpec({ name: 'n0', gpuType: 'T4', gpuCount: 2, cpuMilli: 8000, memoryMiB: 32768 })]);
 * const gpus = state.pickGpus(pod, 0);           // best-fit GPUs on node 0, or undefined
 * if (gpus !== undefined) state.allocate(pod, 0, gpus);
 * state.release(pod.name);
 */
export class ClusterState {
  readonly #nodes: readonly NodeSpec[];
  readonly #indexByName = new Map<string, number>();
  readonly #freeCpu: Int32Array;
  /** Capacities copied from the specs, so hot loops read typed arrays instead of spec objects. */
  readonly #cpuCapacity: Int32Array;
  readonly #memoryCapacity: Int32Array;
  readonly #freeMemory: Int32Array;
  readonly #gpuOffset: Int32Array;
  readonly #gpuFree: Int32Array;
  readonly #fullyFree: Int32Array;
  readonly #maxFree: Int32Array;
  readonly #version: Uint32Array;
  readonly #cordoned: Uint8Array;
  readonly #allocations = new Map<string, Allocation>();
  readonly #podsOnNode: Set<string>[];
  readonly #freeGpuSum: Int32Array;
  readonly #listeners: ((node: number) => void)[] = [];
  readonly #gpuMilliCapacity: number;
  #gpuMilliAllocated = 0;
  #cordonedCount = 0;
  /** Live pods per priority (few distinct priorities), for `lowestPodPriority`. */
  readonly #podsByPriority = new Map<number, number>();

  /** @throws RangeError for an empty node list or a duplicate node name. */
  constructor(nodes: readonly NodeSpec[]) {
    if (nodes.length === 0) throw new RangeError('a cluster needs at least one node, got 0');
    const n = nodes.length;
    this.#nodes = nodes;
    this.#freeCpu = new Int32Array(n);
    this.#cpuCapacity = new Int32Array(n);
    this.#memoryCapacity = new Int32Array(n);
    this.#freeMemory = new Int32Array(n);
    this.#gpuOffset = new Int32Array(n + 1);
    this.#fullyFree = new Int32Array(n);
    this.#maxFree = new Int32Array(n);
    this.#freeGpuSum = new Int32Array(n);
    this.#version = new Uint32Array(n);
    this.#cordoned = new Uint8Array(n);
    this.#podsOnNode = [];
    let gpus = 0;
    for (let i = 0; i < n; i++) {
      const node = nodes[i]!;
      if (this.#indexByName.has(node.name)) throw new RangeError(`duplicate node name ${JSON.stringify(node.name)}`);
      this.#indexByName.set(node.name, i);
      this.#freeCpu[i] = node.cpuMilli;
      this.#cpuCapacity[i] = node.cpuMilli;
      this.#memoryCapacity[i] = node.memoryMiB;
      this.#freeMemory[i] = node.memoryMiB;
      this.#gpuOffset[i] = gpus;
      this.#fullyFree[i] = node.gpuCount;
      this.#maxFree[i] = node.gpuCount > 0 ? GPU_MILLI : 0;
      this.#freeGpuSum[i] = node.gpuCount * GPU_MILLI;
      this.#cordoned[i] = node.cordoned ? 1 : 0;
      this.#cordonedCount += this.#cordoned[i]!;
      this.#podsOnNode.push(new Set());
      gpus += node.gpuCount;
    }
    this.#gpuOffset[n] = gpus;
    this.#gpuFree = new Int32Array(gpus).fill(GPU_MILLI);
    this.#gpuMilliCapacity = gpus * GPU_MILLI;
  }

  get nodeCount(): number {
    return this.#nodes.length;
  }
  get gpuCount(): number {
    return this.#gpuFree.length;
  }
  /** Total milli-GPUs in the cluster. */
  get gpuMilliCapacity(): number {
    return this.#gpuMilliCapacity;
  }
  /** Milli-GPUs held by live pods. */
  get gpuMilliAllocated(): number {
    return this.#gpuMilliAllocated;
  }
  /** Live pods. */
  get podCount(): number {
    return this.#allocations.size;
  }

  /**
   * The lowest priority among live pods (Infinity when none): a pod of this priority or
   * lower can preempt nobody, which the preemption plugin checks before scanning nodes.
   */
  lowestPodPriority(): number {
    let lowest = Infinity;
    for (const priority of this.#podsByPriority.keys()) if (priority < lowest) lowest = priority;
    return lowest;
  }

  node(index: number): NodeSpec {
    const node = this.#nodes[index];
    if (node === undefined) throw new RangeError(`node index ${index} out of range [0, ${this.#nodes.length})`);
    return node;
  }
  nodeIndex(name: string): number | undefined {
    return this.#indexByName.get(name);
  }
  /** `node(node).cpuMilli`, from a typed array. */
  cpuCapacity(node: number): number {
    return this.#cpuCapacity[node]!;
  }
  /** `node(node).memoryMiB`, from a typed array. */
  memoryCapacity(node: number): number {
    return this.#memoryCapacity[node]!;
  }
  /** `node(node).gpuCount`, from a typed array. */
  gpuCountOf(node: number): number {
    return this.#gpuOffset[node + 1]! - this.#gpuOffset[node]!;
  }
  freeCpu(node: number): number {
    return this.#freeCpu[node]!;
  }
  freeMemory(node: number): number {
    return this.#freeMemory[node]!;
  }
  /** First index of node `node`'s GPUs in the flat GPU arrays (a cluster-wide GPU id). */
  gpuOffset(node: number): number {
    return this.#gpuOffset[node]!;
  }
  /** Free milli-GPUs of node-local GPU `gpu`. */
  gpuFree(node: number, gpu: number): number {
    return this.#gpuFree[this.#gpuOffset[node]! + gpu]!;
  }
  /** GPUs of the node with nothing allocated. */
  fullyFreeGpus(node: number): number {
    return this.#fullyFree[node]!;
  }
  /** Largest free amount on any one GPU of the node (0 for CPU-only nodes). */
  maxGpuFree(node: number): number {
    return this.#maxFree[node]!;
  }
  /** Sum of free milli-GPUs on the node. */
  freeGpuMilli(node: number): number {
    return this.#freeGpuSum[node]!;
  }
  /** Changes whenever anything on the node changes; caches key on it. */
  version(node: number): number {
    return this.#version[node]!;
  }
  isCordoned(node: number): boolean {
    return this.#cordoned[node] === 1;
  }
  /** How many nodes are cordoned (0 lets a filter skip the per-node check). */
  get cordonedCount(): number {
    return this.#cordonedCount;
  }
  setCordoned(node: number, cordoned: boolean): void {
    this.node(node);
    this.#cordonedCount += (cordoned ? 1 : 0) - this.#cordoned[node]!;
    this.#cordoned[node] = cordoned ? 1 : 0;
    this.#version[node]!++;
    for (const listener of this.#listeners) listener(node);
  }

  /** Calls `listener(node)` after every change to a node (allocation, release, cordon). */
  onNodeChange(listener: (node: number) => void): void {
    this.#listeners.push(listener);
  }

  /** Copies the node's per-GPU free milli-GPUs into `out` (from index 0) and returns the GPU count. */
  copyGpuFree(node: number, out: Int32Array): number {
    const start = this.#gpuOffset[node]!;
    const count = this.#gpuOffset[node + 1]! - start;
    for (let g = 0; g < count; g++) out[g] = this.#gpuFree[start + g]!;
    return count;
  }

  /** Whether the node has enough GPUs with enough free milli-GPUs for the pod (type not checked). */
  gpusFit(pod: PodSpec, node: number): boolean {
    if (pod.gpuCount === 0) return true;
    if (pod.gpuMilli >= GPU_MILLI) return this.#fullyFree[node]! >= pod.gpuCount;
    // gpuCount is 1 for fractional pods (podSpec enforces it).
    return this.#maxFree[node]! >= pod.gpuMilli;
  }

  /**
   * The GPUs the pod would take on the node: the `gpuCount` GPUs with the least free capacity
   * that still hold `gpuMilli` (best fit inside the node, ties to the lowest index), or undefined
   * when they do not exist.
   */
  pickGpus(pod: PodSpec, node: number): number[] | undefined {
    if (!this.gpusFit(pod, node)) return undefined;
    const start = this.#gpuOffset[node]!;
    const out: number[] = [];
    bestFitGpus(this.#gpuFree, start, this.#gpuOffset[node + 1]! - start, pod.gpuCount, pod.gpuMilli, out);
    return out;
  }

  /**
   * Places the pod on the node, on the given GPUs (default: `pickGpus`).
   * @throws RangeError when the pod is already placed, or the node lacks CPU, memory or GPU.
   */
  allocate(pod: PodSpec, node: number, gpus?: readonly number[], nowNs = 0): Allocation {
    const spec = this.node(node);
    if (this.#allocations.has(pod.name)) throw new RangeError(`pod ${JSON.stringify(pod.name)} is already allocated`);
    const chosen = gpus ?? this.pickGpus(pod, node);
    if (chosen?.length !== pod.gpuCount) {
      throw new RangeError(`pod ${pod.name} needs ${pod.gpuCount} GPU(s) of ${pod.gpuMilli} milli on ${spec.name}, got ${JSON.stringify(chosen)}`);
    }
    if (this.#freeCpu[node]! < pod.cpuMilli || this.#freeMemory[node]! < pod.memoryMiB) {
      throw new RangeError(`pod ${pod.name} does not fit on ${spec.name}: needs ${pod.cpuMilli} mCPU / ${pod.memoryMiB} MiB, free ${this.#freeCpu[node]} / ${this.#freeMemory[node]}`);
    }
    const start = this.#gpuOffset[node]!;
    for (let i = 0; i < chosen.length; i++) {
      const g = chosen[i]!;
      // A GPU listed twice would be charged twice: reject it like any other bad index.
      if (!Number.isInteger(g) || g < 0 || g >= spec.gpuCount || chosen.indexOf(g) !== i || this.#gpuFree[start + g]! < pod.gpuMilli) {
        throw new RangeError(`pod ${pod.name}: GPU ${g} of ${spec.name} cannot hold ${pod.gpuMilli} milli (GPUs ${JSON.stringify(chosen)})`);
      }
    }
    for (const g of chosen) this.#gpuFree[start + g]! -= pod.gpuMilli;
    this.#freeCpu[node]! -= pod.cpuMilli;
    this.#freeMemory[node]! -= pod.memoryMiB;
    this.#gpuMilliAllocated += pod.gpuCount * pod.gpuMilli;
    const allocation: Allocation = { pod, node, gpus: [...chosen], startNs: nowNs };
    this.#allocations.set(pod.name, allocation);
    this.#podsOnNode[node]!.add(pod.name);
    this.#podsByPriority.set(pod.priority, (this.#podsByPriority.get(pod.priority) ?? 0) + 1);
    this.#refreshSummary(node);
    return allocation;
  }

  /** Removes a pod and returns its allocation. @throws RangeError for an unknown pod. */
  release(podName: string): Allocation {
    const allocation = this.#allocations.get(podName);
    if (allocation === undefined) throw new RangeError(`pod ${JSON.stringify(podName)} is not allocated`);
    const { pod, node } = allocation;
    const start = this.#gpuOffset[node]!;
    for (const g of allocation.gpus) this.#gpuFree[start + g]! += pod.gpuMilli;
    this.#freeCpu[node]! += pod.cpuMilli;
    this.#freeMemory[node]! += pod.memoryMiB;
    this.#gpuMilliAllocated -= pod.gpuCount * pod.gpuMilli;
    this.#allocations.delete(podName);
    this.#podsOnNode[node]!.delete(podName);
    const samePriority = this.#podsByPriority.get(pod.priority)! - 1;
    if (samePriority === 0) this.#podsByPriority.delete(pod.priority);
    else this.#podsByPriority.set(pod.priority, samePriority);
    this.#refreshSummary(node);
    return allocation;
  }

  allocationOf(podName: string): Allocation | undefined {
    return this.#allocations.get(podName);
  }

  /** Allocations of the pods on a node, in placement order. */
  podsOn(node: number): Allocation[] {
    const out: Allocation[] = [];
    for (const name of this.#podsOnNode[node]!) out.push(this.#allocations.get(name)!);
    return out;
  }

  /** Every live allocation, in placement order. */
  allocations(): IterableIterator<Allocation> {
    return this.#allocations.values();
  }

  #refreshSummary(node: number): void {
    let fully = 0;
    let max = 0;
    let sum = 0;
    for (let g = this.#gpuOffset[node]!, end = this.#gpuOffset[node + 1]!; g < end; g++) {
      const free = this.#gpuFree[g]!;
      if (free === GPU_MILLI) fully++;
      if (free > max) max = free;
      sum += free;
    }
    this.#fullyFree[node] = fully;
    this.#maxFree[node] = max;
    this.#freeGpuSum[node] = sum;
    this.#version[node]!++;
    for (const listener of this.#listeners) listener(node);
  }
}
