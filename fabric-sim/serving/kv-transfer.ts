/**
 * The network between prefill and decode replicas when serving is disaggregated, as a
 * documented alpha-beta model of a two-tier leaf-spine fabric.
 *
 * Why not `fabric-sim/network/`: its `FabricNetwork` interface takes every flow up front and
 * runs them as one batch, while KV transfers arise one by one as prefills finish. Until it can
 * accept flows while running, this model uses the same alpha-beta forms as its analytic
 * fidelity (time = alpha + bytes / bottleneck bandwidth, with per-resource load) applied to
 * flows as they arrive.
 *
 * Resources: each replica's NICs (one per GPU of the replica, `nicGbps` each), and each leaf's
 * uplinks to the spine and downlinks from it (`gpusPerLeaf x nicGbps / oversubscription` each
 * way). A transfer between replicas on different leaves crosses the source leaf's uplinks and
 * the destination leaf's downlinks; on one leaf only the two replicas' NICs. Each resource
 * serves transfers first come, first served and is work-conserving: a transfer of S bytes keeps
 * resource r busy for S / capacity(r), starting when every resource on its path is free of
 * earlier transfers, and completes at start + alpha + S / (slowest capacity on its path). So
 * one transfer alone takes alpha + S / B, and transfers that share an oversubscribed uplink
 * queue behind each other: the fabric shows in TTFT.
 */
export interface KvFabricOptions {
  /** NIC line rate per GPU, Gb/s (decimal; payload efficiency folded in by the caller). */
  readonly nicGbps: number;
  /** GPUs under one leaf switch (its downlink count). */
  readonly gpusPerLeaf: number;
  /** Leaf downlink : uplink capacity ratio, >= 1 (1 = non-blocking). */
  readonly oversubscription: number;
  /** Fixed latency of a transfer: connection setup, RDMA write issue, hops. Default 10 us. */
  readonly alphaNs?: number;
}

/** Where a replica's GPUs sit: its leaf and how many GPUs (and NICs) it has. */
export interface ReplicaPlacement {
  readonly leaf: number;
  readonly gpus: number;
}

export class KvTransferFabric {
  readonly alphaNs: number;
  readonly #nicBytesPerNs: number;
  readonly #leafBytesPerNs: number;
  readonly #placements: readonly ReplicaPlacement[];
  /** Next free time per resource: replica NIC groups, then leaf uplinks, then leaf downlinks. */
  readonly #freeAtNs: Float64Array;
  readonly #leaves: number;
  bytesMoved = 0;
  transfers = 0;

  constructor(options: KvFabricOptions, placements: readonly ReplicaPlacement[]) {
    const { nicGbps, gpusPerLeaf, oversubscription } = options;
    if (!(nicGbps > 0 && Number.isFinite(nicGbps))) throw new RangeError(`KvTransferFabric nicGbps must be a positive number, got ${String(nicGbps)}`);
    if (!Number.isInteger(gpusPerLeaf) || gpusPerLeaf < 1) {
      throw new RangeError(`KvTransferFabric gpusPerLeaf must be a positive integer, got ${String(gpusPerLeaf)}`);
    }
    if (!(oversubscription >= 1 && Number.isFinite(oversubscription))) {
      throw new RangeError(`KvTransferFabric oversubscription must be a number >= 1, got ${String(oversubscription)}`);
    }
    const alphaNs = options.alphaNs ?? 10_000;
    if (!(alphaNs >= 0 && Number.isFinite(alphaNs))) throw new RangeError(`KvTransferFabric alphaNs must be >= 0, got ${String(alphaNs)}`);
    this.alphaNs = alphaNs;
    this.#nicBytesPerNs = nicGbps / 8;
    this.#leafBytesPerNs = (gpusPerLeaf * nicGbps) / 8 / oversubscription;
    this.#placements = placements;
    placements.forEach((p, i) => {
      if (!Number.isInteger(p.leaf) || p.leaf < 0 || !Number.isInteger(p.gpus) || p.gpus < 1) {
        throw new RangeError(`KvTransferFabric placement ${i} must have an integer leaf >= 0 and gpus >= 1, got ${JSON.stringify(p)}`);
      }
    });
    this.#leaves = Math.max(0, ...placements.map((p) => p.leaf)) + 1;
    this.#freeAtNs = new Float64Array(placements.length + 2 * this.#leaves);
  }

  /** The transfer time of `bytes` from replica `src` to `dst` on an idle fabric: alpha + bytes / bottleneck. */
  idealNs(src: number, dst: number, bytes: number): number {
    return this.alphaNs + bytes / this.#bottleneck(src, dst);
  }

  /**
   * Books a transfer of `bytes` from replica `src` to `dst` that is ready at `nowNs`.
   * @returns the time its last byte arrives.
   */
  transfer(src: number, dst: number, bytes: number, nowNs: number): number {
    const free = this.#freeAtNs;
    const path = this.#path(src, dst);
    let start = nowNs;
    for (const [r] of path) start = Math.max(start, free[r]!);
    let slowest = 0;
    for (const [r, capacity] of path) {
      const busy = bytes / capacity;
      free[r] = start + busy;
      if (busy > slowest) slowest = busy;
    }
    this.bytesMoved += bytes;
    this.transfers++;
    return start + this.alphaNs + slowest;
  }

  #bottleneck(src: number, dst: number): number {
    return Math.min(...this.#path(src, dst).map(([, c]) => c));
  }

  /** [resource, capacity in bytes/ns] along the path. */
  #path(src: number, dst: number): [number, number][] {
    const a = this.#placements[src];
    const b = this.#placements[dst];
    if (a === undefined || b === undefined) throw new RangeError(`KvTransferFabric: no replica ${a === undefined ? src : dst}`);
    const path: [number, number][] = [
      [src, a.gpus * this.#nicBytesPerNs],
      [dst, b.gpus * this.#nicBytesPerNs],
    ];
    if (a.leaf !== b.leaf) {
      const n = this.#placements.length;
      path.push([n + a.leaf, this.#leafBytesPerNs], [n + this.#leaves + b.leaf, this.#leafBytesPerNs]);
    }
    return path;
  }
}
