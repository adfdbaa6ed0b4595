import type { FlowDef } from '../packet/network.js';

/** How closely the network is modelled; see DESIGN.md "Fidelity". */
export type Fidelity = 'packet' | 'flow' | 'analytic';

export const FIDELITIES: readonly Fidelity[] = ['packet', 'flow', 'analytic'];

/** Alpha-beta figures of the minimal path between two NICs (issue 3 definitions). */
export interface PathIdeal {
  /** Propagation of every link + every switch's port-to-port latency + one MTU serialization per store-and-forward hop. */
  alphaNs: number;
  /** Effective bandwidth B: the slowest link's rate x payload / (payload + header), bytes/ns. */
  bandwidthBytesPerNs: number;
  /** alpha + bytes / B. */
  idealNs: number;
}

/**
 * The one question every fidelity answers: when do these transfers finish? A caller defines
 * flows once (with dependencies, so collectives are flow graphs), runs, then reads each
 * flow's start (its dependencies met) and the time its last byte was received.
 *
 * Implemented by `PacketNetwork` (every packet through every queue), `FlowNetwork` (max-min
 * fair rates recomputed at arrivals and departures) and `AnalyticNetwork` (alpha-beta closed
 * forms with per-resource load bounds).
 */
export interface FabricNetwork {
  readonly fidelity: Fidelity;
  /**
   * Defines all flows (once, before running). The flow level also takes flows while it runs
   * (`FlowNetwork.startFlow` on a shared engine: disaggregated serving's KV transfers).
   */
  addFlows(flows: readonly FlowDef[]): void;
  /** Runs until every flow finished, or until `limitNs`. */
  run(limitNs?: number): void;
  /** Per flow: when it started (NaN: not yet). */
  readonly fStartNs: Float64Array;
  /** Per flow: when its last byte was received (NaN: not yet). */
  readonly fRecvDoneNs: Float64Array;
  /** The latest completion so far. */
  readonly lastCompletionNs: number;
  /** Alpha, B and the ideal completion of `bytes` between two NICs. */
  idealNs(src: number, dst: number, bytes: number): PathIdeal;
}
