import type { NodeSpec } from '../../scheduler/cluster/node-spec.js';
import type { PodSpec } from '../../scheduler/workload/pod.js';

const GPU_MILLI = 1000;

/** One node as a plain object, the way a first scheduler is usually written. */
interface NaiveNode {
  readonly spec: NodeSpec;
  freeCpu: number;
  freeMemory: number;
  /** Free milli-GPUs of each GPU. */
  readonly gpuFree: number[];
}

/** Which kube-scheduler `NodeResourcesFit` strategy scores the nodes (CPU, memory and GPU weighted 1 each). */
export type NaiveStrategy = 'most' | 'least';

/**
 * The baseline the scheduler benchmarks measure Weft against, in the same run: a plain
 * full-scan loop over node objects with no framework, no indexes and no sampling. For every
 * pod it visits every node, checks cordon, GPU model, CPU, memory and GPUs, scores the node by
 * kube-scheduler's most- or least-allocated formula (the same arithmetic as Weft's
 * `AllocationScore`, so placements can be compared), keeps the best (ties to the lowest index),
 * and takes the best-fit GPUs inside it. Unlike Weft it records no reason for a pod that does
 * not fit.
 */
export class NaiveScheduler {
  readonly #nodes: NaiveNode[];
  readonly #most: boolean;

  constructor(nodes: readonly NodeSpec[], strategy: NaiveStrategy) {
    this.#nodes = nodes.map((spec) => ({ spec, freeCpu: spec.cpuMilli, freeMemory: spec.memoryMiB, gpuFree: new Array<number>(spec.gpuCount).fill(GPU_MILLI) }));
    this.#most = strategy === 'most';
  }

  /** Milli-GPUs held by placed pods. */
  get gpuMilliAllocated(): number {
    let used = 0;
    for (const n of this.#nodes) for (const f of n.gpuFree) used += GPU_MILLI - f;
    return used;
  }

  /** Places the pod and returns its node index, or -1 when no node fits. */
  place(pod: PodSpec): number {
    let best = -1;
    let bestScore = -Infinity;
    for (let i = 0; i < this.#nodes.length; i++) {
      const node = this.#nodes[i]!;
      if (!this.#fits(node, pod)) continue;
      const score = this.#score(node, pod);
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    }
    if (best >= 0) this.#take(this.#nodes[best]!, pod);
    return best;
  }

  #fits(node: NaiveNode, pod: PodSpec): boolean {
    if (node.spec.cordoned) return false;
    if (pod.gpuCount > 0 && (node.spec.gpuCount === 0 || (pod.gpuType !== undefined && pod.gpuType !== node.spec.gpuType))) return false;
    if (node.freeCpu < pod.cpuMilli || node.freeMemory < pod.memoryMiB) return false;
    let usable = 0;
    for (const f of node.gpuFree) if (f >= pod.gpuMilli) usable++;
    return usable >= pod.gpuCount;
  }

  #score(node: NaiveNode, pod: PodSpec): number {
    const spec = node.spec;
    let sum = 0;
    let weight = 0;
    if (spec.cpuMilli > 0) {
      sum += this.#share(spec.cpuMilli, node.freeCpu - pod.cpuMilli);
      weight += 1;
    }
    if (spec.memoryMiB > 0) {
      sum += this.#share(spec.memoryMiB, node.freeMemory - pod.memoryMiB);
      weight += 1;
    }
    if (spec.gpuCount > 0) {
      let free = 0;
      for (const f of node.gpuFree) free += f;
      sum += this.#share(spec.gpuCount * GPU_MILLI, free - pod.gpuCount * pod.gpuMilli);
      weight += 1;
    }
    return weight === 0 ? 0 : (100 * sum) / weight;
  }

  #share(capacity: number, freeAfter: number): number {
    return this.#most ? (capacity - freeAfter) / capacity : freeAfter / capacity;
  }

  /** Best fit inside the node: the GPUs with the least free capacity that still hold the request, ties to the lowest index. */
  #take(node: NaiveNode, pod: PodSpec): void {
    node.freeCpu -= pod.cpuMilli;
    node.freeMemory -= pod.memoryMiB;
    if (pod.gpuCount === 1) {
      let best = -1;
      for (let g = 0; g < node.gpuFree.length; g++) {
        const f = node.gpuFree[g]!;
        if (f >= pod.gpuMilli && (best < 0 || f < node.gpuFree[best]!)) best = g;
      }
      node.gpuFree[best]! -= pod.gpuMilli;
      return;
    }
    let taken = 0;
    for (let g = 0; g < node.gpuFree.length && taken < pod.gpuCount; g++) {
      if (node.gpuFree[g]! >= pod.gpuMilli) {
        node.gpuFree[g]! -= pod.gpuMilli;
        taken++;
      }
    }
  }
}
