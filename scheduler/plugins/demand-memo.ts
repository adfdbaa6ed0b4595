import type { ClusterState } from '../cluster/cluster-state.js';

/** Scores of one pod demand: per node, the value and the node version it was computed at (-1: none). */
export interface DemandScores {
  readonly value: Float64Array;
  readonly version: Float64Array;
}

/** More demands than this and the memo starts over (it only saves work; values are exact either way). */
const MAX_DEMANDS = 256;

/**
 * Memo of a state-only score that depends on the pod only through its CPU, memory and GPU
 * demand: per distinct demand, per node, the score and the node version it belongs to. A node's
 * score is recomputed only after the node changed (`ClusterState.version`), so the replicas of
 * one deployment, which share a demand, pay for a node once per change rather than once per
 * pod. Cached values are the same numbers the score function returns, so decisions are
 * unchanged (`plugins/batch.test.ts` compares with the per-node score).
 */
export class DemandMemo {
  readonly #byDemand = new Map<string, DemandScores>();
  #cluster: ClusterState | undefined;
  #lastCpu = -1;
  #lastMemory = -1;
  #lastGpu = -1;
  #last: DemandScores | undefined;

  /** The scores of pods with this demand on `cluster`'s nodes. */
  of(cluster: ClusterState, cpuMilli: number, memoryMiB: number, gpuMilli: number): DemandScores {
    if (cluster !== this.#cluster) {
      this.#cluster = cluster;
      this.#byDemand.clear();
      this.#last = undefined;
    }
    if (this.#last !== undefined && cpuMilli === this.#lastCpu && memoryMiB === this.#lastMemory && gpuMilli === this.#lastGpu) return this.#last;
    const key = `${cpuMilli}/${memoryMiB}/${gpuMilli}`;
    let scores = this.#byDemand.get(key);
    if (scores === undefined) {
      if (this.#byDemand.size >= MAX_DEMANDS) this.#byDemand.clear();
      const n = cluster.nodeCount;
      scores = { value: new Float64Array(n), version: new Float64Array(n).fill(-1) };
      this.#byDemand.set(key, scores);
    }
    this.#lastCpu = cpuMilli;
    this.#lastMemory = memoryMiB;
    this.#lastGpu = gpuMilli;
    this.#last = scores;
    return scores;
  }
}
