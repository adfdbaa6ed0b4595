import type { ClusterSpec } from '../cluster/spec.js';
import { buildTopology } from '../cluster/topology.js';
import type { Engine } from '../engine/engine.js';
import { FlowNetwork } from '../network/flow-network.js';

/**
 * The KV transfer between prefill and decode replicas through `fabric-sim/network/` at flow
 * level: the replicas sit on real GPUs of a cluster (one NIC per GPU), and each transfer
 * becomes flows on the {@link FlowNetwork}, started on the serving simulation's engine when the
 * prefill finishes (one clock), sharing every link max-min fairly with the other transfers in
 * flight, along their ECMP paths (or pooled over equal-cost links where the switches spray).
 *
 * A replica of g GPUs (TP x PP) holds 1/g of each token's KV cache per GPU (heads split over
 * TP ranks, layers over PP stages), and rank k of the prefill replica sends its shard to rank k
 * of the decode replica, all ranks in parallel, as vLLM's P/D connectors and Mooncake's
 * transfer engine move KV per rank. The transfer is done when the last shard is received.
 * (With fewer KV heads than TP ranks vLLM replicates heads, so real traffic would be larger;
 * the volume here is the model's KV bytes, as in the alpha-beta model.)
 *
 * Two ranks on one server reach each other over NVLink (the topology's NVSwitch), as RDMA
 * between GPUs of one server would.
 */
export class NetworkKvTransfer {
  readonly network: FlowNetwork;
  /** NIC node of each rank of each replica (replica index order, as the simulation's replicas). */
  readonly #ranks: readonly (readonly number[])[];
  bytesMoved = 0;
  transfers = 0;
  flows = 0;

  /**
   * @param replicaGpus per replica, the cluster GPU index of each rank (rank order); every
   *   replica the transfers connect must have the same rank count.
   */
  constructor(engine: Engine, cluster: ClusterSpec, replicaGpus: readonly (readonly number[])[], seed = 1) {
    const topology = buildTopology(cluster);
    this.network = new FlowNetwork(topology, { engine, seed });
    const used = new Set<number>();
    this.#ranks = replicaGpus.map((gpus, r) =>
      gpus.map((g) => {
        const info = topology.gpus[g];
        if (info === undefined) throw new RangeError(`NetworkKvTransfer: replica ${r} uses GPU ${g}, the cluster has ${topology.gpus.length}`);
        if (used.has(g)) throw new RangeError(`NetworkKvTransfer: GPU ${g} is used by two replicas`);
        used.add(g);
        return info.node;
      }),
    );
  }

  /** Alpha + bytes / B of a transfer from replica `src` to `dst` on an idle fabric: its slowest rank's shard. */
  idealNs(src: number, dst: number, bytes: number): number {
    const [from, to] = this.#pair(src, dst);
    let worst = 0;
    for (let k = 0; k < from.length; k++) worst = Math.max(worst, this.network.idealNs(from[k]!, to[k]!, bytes / from.length).idealNs);
    return worst;
  }

  /**
   * Starts the transfer of `bytes` from replica `src` to `dst` now (the engine's clock; call
   * from a handler of the engine): one flow of bytes / ranks per rank. `onDone` runs when the
   * last shard's last byte is received.
   */
  transfer(src: number, dst: number, bytes: number, onDone: () => void): void {
    const [from, to] = this.#pair(src, dst);
    const shareBytes = bytes / from.length;
    let left = from.length;
    const shardDone = (): void => {
      if (--left === 0) onDone();
    };
    for (let k = 0; k < from.length; k++) this.network.startFlow(from[k]!, to[k]!, shareBytes, shardDone);
    this.bytesMoved += bytes;
    this.transfers++;
    this.flows += from.length;
  }

  #pair(src: number, dst: number): [readonly number[], readonly number[]] {
    const from = this.#ranks[src];
    const to = this.#ranks[dst];
    if (from === undefined || to === undefined) throw new RangeError(`NetworkKvTransfer: no replica ${from === undefined ? src : dst}`);
    if (from.length !== to.length) throw new RangeError(`NetworkKvTransfer: replicas ${src} and ${dst} have ${from.length} and ${to.length} ranks`);
    return [from, to];
  }
}
