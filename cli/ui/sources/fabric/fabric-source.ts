import { runBounded } from '../../../../fabric-sim/engine/run-bounded.js';
import type { PacketNetwork } from '../../../../fabric-sim/packet/network.js';
import { collectiveMetrics, preparePacketRun, type Scenario } from '../../../../fabric-sim/scenario.js';
import { formatBytes, formatDuration } from '../../format.js';
import type { DashboardSource } from '../../model/source.js';
import type { DashboardSnapshot, GpuCellView, LinkView, NodeView, SeriesView, WorkloadView } from '../../model/snapshot.js';
import { EventLog, pushBounded } from '../event-log.js';
import { catalogLinks, type LinkInfo } from './link-catalog.js';
import { LinkWindow } from './link-window.js';
import { trafficWorkloads, type TrafficWorkload } from './traffic-workloads.js';

export interface FabricSourceOptions {
  seed?: number;
  /**
   * Engine events one `advance` may fire at most: a redraw never simulates for long (a packet
   * run fires roughly 1-3 M events per second of wall time). When the budget runs out the
   * simulated clock falls behind the requested speed instead of the screen freezing.
   */
  maxEventsPerSlice?: number;
  /** Simulated span link utilisation is measured over, ns. */
  windowNs?: number;
}

export const DEFAULT_MAX_EVENTS_PER_SLICE = 50_000;
export const DEFAULT_LINK_WINDOW_NS = 20_000;

/** Above this a fabric-core link reports congestion; it must fall below the re-arm level to report again. */
const HOT_UTILISATION = 0.95;
const REARM_UTILISATION = 0.5;

type Phase = 'waiting' | 'running' | 'done';

/** A server's GPUs (indices) and the switch its NICs attach to. */
interface ServerGroup {
  name: string;
  location: string;
  gpuType: string;
  gpus: number[];
}

/**
 * The dashboard over a fabric scenario (`weft fabric run`'s YAML) simulated at packet level,
 * advanced in bounded slices on its engine. Links show utilisation over a recent window, PFC
 * pauses received and ECN marks; workloads are the scenario's flows, patterns and collectives
 * with their delivered share; events report traffic starting and finishing (collectives
 * against their closed form), the first PFC pause on each link and fabric-core links running
 * hot.
 */
export class FabricScenarioSource implements DashboardSource {
  readonly #scenario: Scenario;
  readonly #net: PacketNetwork;
  readonly #links: LinkInfo[];
  readonly #window: LinkWindow;
  readonly #workloads: TrafficWorkload[];
  readonly #phase: Phase[];
  readonly #maxEvents: number;
  readonly #limitNs: number;
  readonly #totalBytes: number;
  readonly #events = new EventLog();
  readonly #nodes: ServerGroup[] = [];
  readonly #paused: Uint8Array;
  readonly #hot: Uint8Array;
  readonly #deliveredGbps: number[] = [];
  readonly #hottest: number[] = [];
  readonly #deepest: number[] = [];
  #lastDeliveredBytes = 0;
  #lastTimeNs = 0;
  #finished = false;
  #budgetLimited = false;

  constructor(scenario: Scenario, options: FabricSourceOptions = {}) {
    this.#scenario = scenario;
    const { net, traffic } = preparePacketRun(scenario, options.seed ?? 1);
    this.#net = net;
    this.#maxEvents = options.maxEventsPerSlice ?? DEFAULT_MAX_EVENTS_PER_SLICE;
    this.#limitNs = scenario.limitNs ?? Infinity;
    this.#window = new LinkWindow(options.windowNs ?? DEFAULT_LINK_WINDOW_NS);
    this.#links = catalogLinks(net.topology, net);
    this.#paused = new Uint8Array(net.portCount);
    this.#hot = new Uint8Array(net.portCount);
    const closedForms = collectiveMetrics(net, traffic).map((c) => c.closedFormNs);
    this.#workloads = trafficWorkloads(traffic, net.topology, closedForms);
    this.#phase = this.#workloads.map(() => 'waiting');
    this.#totalBytes = traffic.flows.reduce((sum, f) => sum + f.bytes, 0);
    this.#groupNodes();
    this.#window.sample(0, net.portTxBytes);
    const t = net.topology;
    this.#events.push({
      timeNs: 0,
      kind: 'info',
      message: `${scenario.name}: ${t.gpus.length} GPUs, ${this.#links.length} link directions at ${t.linkSpeedGbps} Gb/s, ${traffic.flows.length} flows, cc ${net.cc.name}`,
    });
    if (scenario.fidelity !== 'packet') {
      this.#events.push({ timeNs: 0, kind: 'info', message: `shown at packet level (the scenario asks for ${scenario.fidelity}): PFC and ECN exist only there` });
    }
  }

  /** The network under simulation (tests read its counters). */
  get network(): PacketNetwork {
    return this.#net;
  }

  #groupNodes(): void {
    const t = this.#net.topology;
    const leafOf = new Map<number, string>();
    for (const link of this.#links) {
      const owner = this.#net.portOwner[link.port]!;
      if (link.tier === 'host-leaf' && owner < t.gpus.length) leafOf.set(owner, link.name.split('->')[1] ?? '');
    }
    const byServer = new Map<string, ServerGroup>();
    for (const gpu of t.gpus) {
      let node = byServer.get(gpu.server);
      if (node === undefined) {
        node = { name: gpu.server, location: leafOf.get(gpu.node) ?? '', gpuType: gpu.gpuType, gpus: [] };
        byServer.set(gpu.server, node);
        this.#nodes.push(node);
      }
      node.gpus.push(gpu.index);
    }
  }

  advance(wallMs: number, speed: number): boolean {
    if (this.#finished) return false;
    const engine = this.#net.engine;
    const targetNs = Math.min(this.#limitNs, engine.nowNs + wallMs * 1e6 * speed);
    const outcome = runBounded(engine, targetNs, this.#maxEvents);
    this.#budgetLimited = outcome === 'stopped';
    const nowNs = engine.nowNs;
    this.#window.sample(nowNs, this.#net.portTxBytes);
    this.#observe(nowNs);
    const allDelivered = this.#net.counters.dataBytesDelivered >= this.#totalBytes;
    if (allDelivered || outcome === 'idle' || nowNs >= this.#limitNs) {
      this.#finished = true;
      const why = allDelivered ? 'all traffic delivered' : nowNs >= this.#limitNs ? `time limit ${formatDuration(this.#limitNs)} reached` : 'no events left';
      this.#events.push({ timeNs: nowNs, kind: 'info', message: `simulation ended: ${why} (${engine.eventsProcessed} events)` });
    }
    return !this.#finished;
  }

  /** Phase changes, first PFC pauses, hot links and the sparkline samples after a slice. */
  #observe(nowNs: number): void {
    const net = this.#net;
    this.#workloads.forEach((w, i) => {
      const phase = this.#phaseOf(w);
      if (phase === this.#phase[i]) return;
      if (this.#phase[i] === 'waiting') this.#events.push({ timeNs: this.#startNs(w), kind: 'start', message: `${w.name}: ${w.flows.length} flow${w.flows.length === 1 ? '' : 's'}, ${formatBytes(w.totalBytes)}` });
      if (phase === 'done') this.#events.push({ timeNs: this.#endNs(w), kind: 'finish', message: `${w.name} ${this.#doneText(w)}` });
      this.#phase[i] = phase;
    });
    let hottest = 0;
    let deepest = 0;
    for (const link of this.#links) {
      const p = link.port;
      if (this.#paused[p] === 0 && net.portPausesReceived[p]! > 0) {
        this.#paused[p] = 1;
        this.#events.push({ timeNs: nowNs, kind: 'congestion', message: `PFC: ${link.name} paused by its receiver (first pause on this link)` });
      }
      const util = this.#window.utilisation(p, net.portRate[p]!);
      hottest = Math.max(hottest, util);
      deepest = Math.max(deepest, net.queuedBytes(p));
      // Host links run at line rate by design; a hot fabric-core link means contention there.
      if (link.tier === 'leaf-spine' || link.tier === 'spine-core') {
        if (this.#hot[p] === 0 && util >= HOT_UTILISATION) {
          this.#hot[p] = 1;
          this.#events.push({ timeNs: nowNs, kind: 'congestion', message: `${link.name} at ${(util * 100).toFixed(0)}% over the last ${formatDuration(this.#window.spanNs)}` });
        } else if (this.#hot[p] === 1 && util < REARM_UTILISATION) this.#hot[p] = 0;
      }
    }
    const delivered = net.counters.dataBytesDelivered;
    const dt = nowNs - this.#lastTimeNs;
    if (dt > 0) {
      pushBounded(this.#deliveredGbps, ((delivered - this.#lastDeliveredBytes) * 8) / dt);
      pushBounded(this.#hottest, hottest * 100);
      pushBounded(this.#deepest, deepest / 1e3);
    }
    this.#lastDeliveredBytes = delivered;
    this.#lastTimeNs = nowNs;
  }

  #phaseOf(w: TrafficWorkload): Phase {
    let started = false;
    let done = true;
    for (const f of w.flows) {
      if (!Number.isNaN(this.#net.fStartNs[f]!)) started = true;
      if (Number.isNaN(this.#net.fRecvDoneNs[f]!)) done = false;
    }
    return done ? 'done' : started ? 'running' : 'waiting';
  }

  #startNs(w: TrafficWorkload): number {
    let start = Infinity;
    for (const f of w.flows) if (!Number.isNaN(this.#net.fStartNs[f]!)) start = Math.min(start, this.#net.fStartNs[f]!);
    return Number.isFinite(start) ? start : this.#net.engine.nowNs;
  }

  #endNs(w: TrafficWorkload): number {
    let end = 0;
    for (const f of w.flows) end = Math.max(end, this.#net.fRecvDoneNs[f]!);
    return end;
  }

  /** `in 12.3µs`, with the closed form for a collective. */
  #doneText(w: TrafficWorkload): string {
    const took = this.#endNs(w) - this.#startNs(w);
    const closed = w.closedFormNs === undefined ? '' : ` (closed form ${formatDuration(w.closedFormNs)}, x${(took / w.closedFormNs).toFixed(2)})`;
    return `in ${formatDuration(took)}${closed}`;
  }

  #deliveredBytes(w: TrafficWorkload): number {
    let bytes = 0;
    for (const f of w.flows) bytes += this.#net.deliveredBytes(f);
    return bytes;
  }

  snapshot(): DashboardSnapshot {
    const net = this.#net;
    const workloads: WorkloadView[] = this.#workloads.map((w, i) => {
      const phase = this.#phase[i]!;
      return {
        name: w.name,
        kind: w.kind,
        replicas: w.flows.length,
        gpus: w.gpus.length,
        state: phase === 'done' ? `Done ${this.#doneText(w)}` : phase === 'running' ? 'Running' : 'Waiting',
        progress: w.totalBytes === 0 ? 1 : this.#deliveredBytes(w) / w.totalBytes,
      };
    });
    // A GPU shows the first running workload that uses it.
    const holder = new Map<number, string>();
    this.#workloads.forEach((w, i) => {
      if (this.#phase[i] !== 'running') return;
      for (const g of w.gpus) if (!holder.has(g)) holder.set(g, w.name);
    });
    const nodes: NodeView[] = this.#nodes.map((n) => ({
      name: n.name,
      gpuType: n.gpuType,
      location: n.location,
      gpus: n.gpus.map((g): GpuCellView => {
        const workload = holder.get(g);
        return workload === undefined ? { allocated: 0, lent: false } : { workload, allocated: 1, lent: false, priority: 0 };
      }),
    }));
    const links: LinkView[] = this.#links.map((l) => ({
      name: l.name,
      tier: l.tier,
      utilization: this.#window.utilisation(l.port, net.portRate[l.port]!),
      pfcPauses: net.portPausesReceived[l.port]!,
      ecnMarks: net.portEcnMarks[l.port]!,
      rateGbps: l.rateGbps,
      queueBytes: net.queuedBytes(l.port),
    }));
    const used = holder.size;
    const gpus = net.topology.gpus.length;
    const series: SeriesView[] = [
      { name: 'delivered Gb/s', unit: '', values: this.#deliveredGbps },
      { name: 'hottest link %', unit: '%', scaleMax: 100, values: this.#hottest },
      { name: 'deepest queue KB', unit: '', values: this.#deepest },
    ];
    return {
      timeNs: net.engine.nowNs,
      speed: 0,
      paused: false,
      totals: { gpus, used, lent: 0, free: gpus - used },
      nodes,
      workloads,
      links,
      events: this.#events.events,
      sloSeries: series,
      title: this.#scenario.name,
      linkWindowNs: this.#window.spanNs,
      budgetLimited: this.#budgetLimited,
      fabricTotals: { pfcPauses: net.counters.pfcPauseFrames, ecnMarks: net.counters.ecnMarks },
    };
  }
}
