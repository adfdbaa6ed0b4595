import { Charge, SharedBuffer } from '../../switch-model/buffer.js';
import { EcnMarker } from '../../switch-model/ecn.js';
import { EgressScheduler } from '../../switch-model/egress.js';
import { adaptivePort, fiveTupleHash } from '../../switch-model/forwarding.js';
import { CONTROL_CLASS, DATA_CLASS } from '../../switch-model/presets.js';
import { NUM_CLASSES, type SwitchSpec } from '../../switch-model/spec.js';
import type { Topology } from '../cluster/topology.js';
import { Engine } from '../engine/engine.js';
import type { RandomStream } from '../engine/random.js';
import { type AckFeedback, type CongestionControl, DCQCN_CNP_INTERVAL_NS, Dcqcn, MAX_INT_HOPS, NoCongestionControl } from './cc.js';
import { Hpcc } from './hpcc.js';
import type { FabricNetwork, PathIdeal } from '../network/fabric-network.js';
import { DATA_OVERHEAD_BYTES, FabricRoutes, KIND_HOST, KIND_SWITCH } from '../network/routing.js';
import { LogHistogram } from './histogram.js';
import { SelectiveRepeat } from './selective-repeat.js';

export { DATA_OVERHEAD_BYTES };
/** Wire bytes of an ACK/NACK (data headers + AETH 4) and of a CNP (same size modelled). */
export const CONTROL_WIRE_BYTES = 86;
/** A PFC pause frame: 64-byte MAC control frame + 20 bytes preamble and gap. */
export const PFC_FRAME_WIRE_BYTES = 84;

const TYPE_DATA = 0;
const TYPE_ACK = 1;
const TYPE_NACK = 2;
const TYPE_CNP = 3;

/** Packet record layout (int32 slots of `#pk`; see the field's comment). */
const PKT_STRIDE = 16;
const PKT_STRIDE_F64 = 8;
const P_FLOW = 0;
const P_SEQ = 1;
/** ACK: the PSN whose arrival it acknowledges (selective repeat), -1 for none. */
const P_ACKED = 2;
const P_PAYLOAD = 3;
const P_WIRE = 4;
/** The port the packet last arrived by (the peer of the port that sent it). */
const P_IN_PORT = 5;
/** Next packet in the same egress queue, -1 at the tail. */
const P_NEXT = 6;
/** Index in `#pinPorts` of the next switch egress on the flow's fixed path, or -1: decide per hop. */
const P_ROUTE = 7;
const P_TYPE = 8;
const P_CLS = 9;
const P_ECN = 10;
/** The shared-buffer `Charge` of the switch currently holding the packet. */
const P_CHARGE = 11;
/** 1 for the first packet of a flow: its hops are recorded as the flow's path. */
const P_RECORD_PATH = 12;
/**
 * Wire bytes of the packet behind this one in its egress queue (set with `P_NEXT`): a dequeue
 * learns the new head's size without touching the new head's record.
 */
const P_NEXT_WIRE = 13;
/** float64 slot of the cut-through tail arrival time. */
const PF_TAIL = 7;

const ECN_NOT_ECT = 0;
const ECN_ECT = 1;
const ECN_CE = 3;

const FLOWLET_TABLE = 4096;

/** One transfer: `bytes` from NIC node `src` to NIC node `dst`, started at `startNs` once its dependencies finished. */
export interface FlowDef {
  src: number;
  dst: number;
  bytes: number;
  /** Earliest start; for a flow with dependencies, the delay after the last one finishes. */
  startNs: number;
  /** Flows that must be fully received before this one starts. */
  deps: readonly number[];
}

export interface TransportOptions {
  /** `dcqcn` (default), `hpcc` (needs INT on the switches) or `none` (PFC only). */
  cc: 'dcqcn' | 'hpcc' | 'none';
  /** The receiver acknowledges every this many in-order packets (and the last). */
  ackEveryPackets: number;
  /** Go-back-N retransmission timeout. */
  rtoNs: number;
  /** Unacknowledged packets a flow may have in flight (Infinity: rate-based only, as RoCE NICs). */
  windowPackets: number;
  cnpIntervalNs: number;
  /**
   * Loss recovery: `auto` (default) uses selective repeat for a flow whose packets can take
   * several paths (a switch on its route sprays, switches flowlets or routes adaptively among
   * several next hops) and go-back-N otherwise; the other values force one for every flow.
   */
  recovery: 'auto' | 'go-back-n' | 'selective-repeat';
  /** Selective repeat: a hole counts as lost once a packet this many PSNs beyond it is acknowledged. */
  reorderThresholdPackets: number;
}

export const DEFAULT_TRANSPORT: TransportOptions = {
  cc: 'dcqcn',
  ackEveryPackets: 1,
  rtoNs: 100_000,
  windowPackets: Infinity,
  cnpIntervalNs: DCQCN_CNP_INTERVAL_NS,
  recovery: 'auto',
  reorderThresholdPackets: 64,
};

export interface NetworkOptions {
  seed?: number;
  transport?: Partial<TransportOptions>;
  /** Replaces the congestion controller chosen by `transport.cc`. */
  congestionControl?: CongestionControl;
}

/**
 * The packet-level network: links with serialization and propagation, switches built from
 * switch-model (shared buffer, ECN, PFC, egress scheduling, load balancing), and hosts with a
 * RoCEv2-style reliable transport (ACK/NACK, go-back-N, timeouts, CNPs) under a pluggable
 * congestion controller.
 *
 * Packets live in a struct-of-arrays pool indexed by packet number; events carry the packet,
 * port or flow index. Ports are numbered node by node, so each switch's per-port state is a
 * contiguous slice. Nodes 0 .. hosts-1 are NICs.
 */
export class PacketNetwork implements FabricNetwork {
  readonly fidelity = 'packet' as const;
  readonly engine: Engine;
  readonly topology: Topology;
  /** Ports, switch forwarding parameters and route tables (shared with the flow and analytic fidelities). */
  readonly routes: FabricRoutes;
  readonly transport: TransportOptions;
  readonly cc: CongestionControl;
  readonly hostCount: number;
  readonly nodeCount: number;
  readonly portCount: number;
  readonly mtu: number;

  // Nodes.
  readonly nodeKind: Uint8Array;
  readonly portBase: Int32Array;
  readonly portCountOf: Int32Array;
  readonly #buffers: (SharedBuffer | undefined)[] = [];
  readonly #ecn: (EcnMarker | undefined)[] = [];
  /**
   * Each node's egress scheduler: one per switch spec (NICs share the fabric switch's), indexed
   * by global port, so the hot path finds one or two cache-resident objects instead of one per
   * switch with arrays of its own.
   */
  readonly #schedulers: EgressScheduler[] = [];
  readonly #latencyNs: Float64Array;
  readonly #cutThrough: Uint8Array;
  readonly #lbMode: Uint8Array;
  readonly #hashSeed: Uint32Array;
  readonly #flowletGapNs: Float64Array;
  readonly #adaptiveThresholdBytes: Float64Array;
  readonly #intBytes: Float64Array;
  readonly #intEnabled: Uint8Array;
  readonly #flowletTime: Float64Array[] = [];
  readonly #flowletPort: Int32Array[] = [];
  readonly #switchRandom: (RandomStream | undefined)[] = [];

  // Ports (directional link ends).
  readonly portOwner: Int32Array;
  readonly portPeer: Int32Array;
  readonly portRate: Float64Array;
  readonly portProp: Float64Array;
  readonly portUp: Uint8Array;
  readonly portName: readonly string[];
  readonly #portBusy: Uint8Array;
  /**
   * Egress queues, one 32-byte record per (port, class) q = port * 8 + class in one buffer:
   * int32 slots `q * 8` (head packet, -1 when empty) and `q * 8 + 1` (tail packet), float64
   * slots `q * 4 + 1` (bytes queued), `q * 4 + 2` (the head packet's wire bytes, 0 when
   * empty) and `q * 4 + 3` (the switch's shared-buffer bytes charged to the queue, kept by its
   * `SharedBuffer`). Every enqueue and dequeue reads and writes them: one cache line, not five arrays.
   */
  readonly #qI: Int32Array;
  readonly #qF: Float64Array;
  readonly #portQueued: Float64Array;
  readonly #paused: Uint8Array;
  /**
   * Per port, bit c set while class c's egress queue is non-empty / paused by PFC: the
   * scheduler's eligibility in two bytes (6 KB per array at k = 16, cache-resident).
   */
  readonly #nonEmpty: Uint8Array;
  readonly #pausedMask: Uint8Array;
  readonly #pausedSince: Float64Array;
  readonly #hostWakeAt: Float64Array;
  readonly portTxBytes: Float64Array;
  readonly portDataBytes: Float64Array;
  readonly portMaxQueue: Float64Array;
  /** XOFF frames each transmitting port received (PFC reaction; spreading shows on switch ports). */
  readonly portPausesReceived: Float64Array;
  /** Packets ECN-marked (CE) at each switch egress port. */
  readonly portEcnMarks: Float64Array;

  // Routing (from `routes`): candidates of (node, dst host) in routePorts[routeStart[i] .. routeStart[i + 1]), i = dst * nodeCount + node.
  readonly #routeStart: Int32Array;
  readonly #routePorts: Int32Array;

  // Packet pool.
  #cap = 0;
  /**
   * Packet records, `PKT_STRIDE` int32 (64 bytes) each: the `P_*` fields, and the cut-through
   * tail arrival time as float64 at `pkt * PKT_STRIDE_F64 + PF_TAIL` of `#pkF` (same buffer).
   * One record per packet rather than one array per field: a switch hop reads about ten
   * fields of a packet last touched microseconds ago, one cache miss instead of ten.
   */
  #pk = new Int32Array(0);
  #pkF = new Float64Array(0);
  /** INT: the deepest egress queue (bytes) the packet met, stamped per INT hop. */
  #pIntMaxQueue = new Float64Array(0);
  /** INT records per packet (HPCC): `#intStride` slots from `pkt * #intStride`, `#pIntHops[pkt]` used. */
  readonly #intStride: number;
  #pIntHops = new Uint8Array(0);
  #pIntQueue = new Float64Array(0);
  #pIntTx = new Float64Array(0);
  #pIntTime = new Float64Array(0);
  #pIntRate = new Float64Array(0);
  #pIntPort = new Int32Array(0);
  readonly #feedback: AckFeedback;
  /** Free packet records, a LIFO list threaded through their `P_NEXT` slots (-1: none left). */
  #freeHead = -1;
  /**
   * Records below this index have been used; those from it to `#cap` never were and are taken
   * in order once the free list is empty. They are never written before that, so the pages of
   * a grown pool's unused part are not touched (not resident) until the run needs them.
   */
  #fresh = 0;
  /** Whether some switch stamps INT (per-packet `#pIntMaxQueue` is kept only then). */
  #anyInt = false;
  #live = 0;

  // Flows.
  flowCount = 0;
  fSrc = new Int32Array(0);
  fDst = new Int32Array(0);
  fBytes = new Float64Array(0);
  fPackets = new Int32Array(0);
  fStartAt = new Float64Array(0);
  fStartNs = new Float64Array(0);
  fRecvDoneNs = new Float64Array(0);
  fSendDoneNs = new Float64Array(0);
  fFirstDataNs = new Float64Array(0);
  fLastDataNs = new Float64Array(0);
  fRetransmits = new Int32Array(0);
  fTimeouts = new Int32Array(0);
  /** INT: the deepest egress queue (bytes) any of the flow's delivered packets met, as stamped by INT hops. */
  fIntMaxQueue = new Float64Array(0);
  fPath: number[][] = [];
  #fPort = new Int32Array(0);
  /**
   * Per flow, where its data (and its control packets') switch egresses start in `#pinPorts`, or
   * -1. A path is pinned when every switch on it has one next hop or hashes (ECMP): then each
   * packet's hops are the ones `#forward` would compute, looked up instead of hashed at every
   * hop (the k = 16 route table is 5.5 MB, a cache miss per lookup).
   */
  #fDataPin = new Int32Array(0);
  #fCtlPin = new Int32Array(0);
  #pinPorts = new Int32Array(0);
  /** Per flow: the receiver's NIC port its control packets leave by. */
  #fCtlPort = new Int32Array(0);
  #fEntropy = new Int32Array(0);
  #fNext = new Int32Array(0);
  #fUna = new Int32Array(0);
  #fHighest = new Int32Array(0);
  #fNextSendNs = new Float64Array(0);
  #fLastProgressNs = new Float64Array(0);
  #fRtoArmed = new Uint8Array(0);
  #fActive = new Uint8Array(0);
  #fDepsLeft = new Int32Array(0);
  #fDependents: number[][] = [];
  #rate = new Float64Array(0);
  #lineRate = new Float64Array(0);
  #window = new Float64Array(0);
  #baseRtt = new Float64Array(0);
  // Receiver side.
  #rExpected = new Int32Array(0);
  #rSinceAck = new Int32Array(0);
  #rNackSent = new Uint8Array(0);
  #rLastCnpNs = new Float64Array(0);
  #sr = new SelectiveRepeat(new Int32Array(0), new Uint8Array(0), 1);
  #hostFlows: number[][] = [];
  #hostCursor: Int32Array;

  // Counters.
  readonly counters = {
    dataPacketsSent: 0,
    dataBytesSent: 0,
    dataPacketsDelivered: 0,
    dataBytesDelivered: 0,
    dataPacketsDiscarded: 0,
    /** Data packets that arrived ahead of a missing one (reordering or loss), under selective repeat. */
    dataPacketsOutOfOrder: 0,
    dataPacketsDropped: 0,
    dataBytesDropped: 0,
    controlPacketsDropped: 0,
    retransmittedPackets: 0,
    retransmittedBytes: 0,
    timeouts: 0,
    nacks: 0,
    acks: 0,
    cnps: 0,
    ecnMarks: 0,
    pfcPauseFrames: 0,
    pfcResumeFrames: 0,
    pfcPausedNs: 0,
    headroomDrops: 0,
    /** Packets (data and control) a switch egress started transmitting: one per switch hop (the benchmark's forwarding rate). */
    switchPacketsForwarded: 0,
  };
  readonly queueDepth = new LogHistogram();
  /** Time the last flow was fully received and acknowledged (stale timers may fire later). */
  lastCompletionNs = 0;
  #onFlowDone: ((flow: number) => void) | undefined;

  readonly #kArrive: number;
  readonly #kTxDone: number;
  readonly #kPfc: number;
  readonly #kWake: number;
  readonly #kStart: number;
  readonly #kRto: number;

  constructor(topology: Topology, options: NetworkOptions = {}) {
    this.topology = topology;
    this.engine = new Engine({ seed: options.seed ?? 1 });
    this.transport = { ...DEFAULT_TRANSPORT, ...options.transport };
    this.cc = options.congestionControl ?? newCongestionControl(this.transport.cc);
    this.mtu = topology.mtuBytes;
    const nodes = topology.nodes;
    const routes = new FabricRoutes(topology, options.seed ?? 1);
    this.routes = routes;
    this.nodeCount = routes.nodeCount;
    this.hostCount = routes.hostCount;
    this.portBase = routes.portBase;
    this.portCountOf = routes.portCountOf;
    const ports = routes.portCount;
    this.portCount = ports;
    this.portOwner = routes.portOwner;
    this.portPeer = routes.portPeer;
    this.portRate = routes.portRate;
    this.portProp = routes.portProp;
    this.portUp = routes.portUp;
    this.portName = routes.portName;
    this.#portBusy = new Uint8Array(ports);
    const queues = new ArrayBuffer(ports * NUM_CLASSES * 32);
    this.#qI = new Int32Array(queues);
    this.#qF = new Float64Array(queues);
    for (let q = 0; q < ports * NUM_CLASSES; q++) {
      this.#qI[q * 8] = -1;
      this.#qI[q * 8 + 1] = -1;
    }
    this.#portQueued = new Float64Array(ports);
    this.#paused = new Uint8Array(ports * NUM_CLASSES);
    this.#nonEmpty = new Uint8Array(ports);
    this.#pausedMask = new Uint8Array(ports);
    this.#pausedSince = new Float64Array(ports * NUM_CLASSES);
    this.#hostWakeAt = new Float64Array(ports).fill(Infinity);
    this.portTxBytes = new Float64Array(ports);
    this.portDataBytes = new Float64Array(ports);
    this.portMaxQueue = new Float64Array(ports);
    this.portPausesReceived = new Float64Array(ports);
    this.portEcnMarks = new Float64Array(ports);

    // Switch behaviour per node.
    this.nodeKind = routes.nodeKind;
    this.#latencyNs = routes.latencyNs;
    this.#cutThrough = routes.cutThrough;
    this.#lbMode = routes.lbMode;
    this.#hashSeed = routes.hashSeed;
    this.#flowletGapNs = new Float64Array(this.nodeCount);
    this.#adaptiveThresholdBytes = new Float64Array(this.nodeCount);
    this.#intBytes = new Float64Array(this.nodeCount);
    this.#intEnabled = new Uint8Array(this.nodeCount);
    // Every switch's shared-buffer state indexed by global port (see BufferStorage): ingress
    // records in one array, egress charges in the queue records.
    const bufferIngress = new Float64Array(ports * NUM_CLASSES * 4);
    const schedulerBySpec = new Map<SwitchSpec, EgressScheduler>();
    const schedulerOf = (spec: SwitchSpec): EgressScheduler => {
      let scheduler = schedulerBySpec.get(spec);
      if (scheduler === undefined) {
        scheduler = new EgressScheduler(spec, ports);
        schedulerBySpec.set(spec, scheduler);
      }
      return scheduler;
    };
    for (let n = 0; n < this.nodeCount; n++) {
      const node = nodes[n]!;
      const count = this.portCountOf[n]!;
      if (node.kind === 'nic') {
        this.#schedulers.push(schedulerOf(topology.switchSpec));
        this.#buffers.push(undefined);
        this.#ecn.push(undefined);
        this.#switchRandom.push(undefined);
        this.#flowletTime.push(new Float64Array(0));
        this.#flowletPort.push(new Int32Array(0));
        continue;
      }
      const spec = routes.switchSpecOf(n);
      this.#flowletGapNs[n] = spec.loadBalancing.flowletGapNs;
      this.#adaptiveThresholdBytes[n] = spec.loadBalancing.adaptiveThresholdBytes;
      this.#intEnabled[n] = spec.int.enabled ? 1 : 0;
      this.#intBytes[n] = spec.int.bytesPerHop;
      const buffer = new SharedBuffer(spec, count, { ingress: bufferIngress, egressShared: this.#qF, egressStride: 4, egressOffset: 3, firstPort: this.portBase[n]! });
      const nodeIndex = n;
      buffer.onPfc = (localPort, cls, pause) => {
        this.#sendPfc(this.portBase[nodeIndex]! + localPort, cls, pause);
      };
      this.#buffers.push(buffer);
      this.#ecn.push(new EcnMarker(spec));
      this.#schedulers.push(schedulerOf(spec));
      this.#switchRandom.push(this.engine.random(`switch/${node.name}`));
      const lb = spec.loadBalancing.mode === 'FLOWLET';
      this.#flowletTime.push(new Float64Array(lb ? FLOWLET_TABLE : 0).fill(-Infinity));
      this.#flowletPort.push(new Int32Array(lb ? FLOWLET_TABLE : 0));
    }
    this.#hostCursor = new Int32Array(this.nodeCount);
    for (let h = 0; h < this.nodeCount; h++) this.#hostFlows.push([]);

    this.#routeStart = routes.routeStart;
    this.#routePorts = routes.routePorts;

    // Per-hop INT records cost 4 x 8 numbers per packet slot: only kept when a controller reads them.
    const anyInt = this.#intEnabled.some((enabled) => enabled === 1);
    this.#anyInt = anyInt;
    if (this.cc.usesInt === true && !anyInt) {
      throw new Error(`congestion control ${this.cc.name} reads in-band telemetry, but no switch has INT enabled`);
    }
    this.#intStride = this.cc.usesInt === true ? MAX_INT_HOPS : 0;
    this.#feedback = {
      cumulativePsn: 0,
      nextPsn: 0,
      hops: 0,
      base: 0,
      queueBytes: this.#pIntQueue,
      txBytes: this.#pIntTx,
      timeNs: this.#pIntTime,
      rateBytesPerNs: this.#pIntRate,
      port: this.#pIntPort,
    };
    this.#growPool(1024);
    const engine = this.engine;
    this.#kArrive = engine.register('net/arrive', (pkt) => {
      this.#arrive(pkt);
    });
    this.#kTxDone = engine.register('net/tx-done', (port) => {
      this.#portBusy[port] = 0;
      this.#tryTx(port);
    });
    this.#kPfc = engine.register('net/pfc', (code) => {
      this.#applyPfc(code);
    });
    this.#kWake = engine.register('net/host-wake', (port) => {
      this.#hostWakeAt[port] = Infinity;
      this.#tryTx(port);
    });
    this.#kStart = engine.register('net/flow-start', (flow) => {
      this.#startFlow(flow);
    });
    this.#kRto = engine.register('net/rto', (flow) => {
      this.#onRto(flow);
    });
  }

  /** Calls `hook(flow)` when a flow has been fully received. */
  onFlowDone(hook: (flow: number) => void): void {
    this.#onFlowDone = hook;
  }

  /** Defines all flows (once, before running). Returns the first flow index. */
  addFlows(flows: readonly FlowDef[]): void {
    if (this.flowCount !== 0) throw new Error('PacketNetwork.addFlows: flows are defined once');
    const n = flows.length;
    this.flowCount = n;
    this.fSrc = new Int32Array(n);
    this.fDst = new Int32Array(n);
    this.fBytes = new Float64Array(n);
    this.fPackets = new Int32Array(n);
    this.fStartAt = new Float64Array(n);
    this.fStartNs = new Float64Array(n).fill(NaN);
    this.fRecvDoneNs = new Float64Array(n).fill(NaN);
    this.fSendDoneNs = new Float64Array(n).fill(NaN);
    this.fFirstDataNs = new Float64Array(n).fill(NaN);
    this.fLastDataNs = new Float64Array(n).fill(NaN);
    this.fRetransmits = new Int32Array(n);
    this.fTimeouts = new Int32Array(n);
    this.fIntMaxQueue = new Float64Array(n);
    this.#fPort = new Int32Array(n);
    this.#fNext = new Int32Array(n);
    this.#fUna = new Int32Array(n);
    this.#fHighest = new Int32Array(n);
    this.#fNextSendNs = new Float64Array(n);
    this.#fLastProgressNs = new Float64Array(n);
    this.#fRtoArmed = new Uint8Array(n);
    this.#fActive = new Uint8Array(n);
    this.#fDepsLeft = new Int32Array(n);
    this.#rate = new Float64Array(n);
    this.#lineRate = new Float64Array(n);
    this.#window = new Float64Array(n).fill(Infinity);
    this.#baseRtt = new Float64Array(n);
    this.#rExpected = new Int32Array(n);
    this.#rSinceAck = new Int32Array(n);
    this.#rNackSent = new Uint8Array(n);
    this.#rLastCnpNs = new Float64Array(n).fill(-Infinity);
    this.#fDependents = flows.map(() => []);
    this.fPath = flows.map(() => []);
    this.#fEntropy = this.routes.flowEntropies(n, this.engine.random('transport/entropy'));
    flows.forEach((flow, f) => {
      if (flow.src === flow.dst) throw new Error(`flow ${f}: source and destination are the same NIC`);
      this.fSrc[f] = flow.src;
      this.fDst[f] = flow.dst;
      this.fBytes[f] = flow.bytes;
      this.fPackets[f] = Math.max(1, Math.ceil(flow.bytes / this.mtu));
      this.fStartAt[f] = flow.startNs;
      this.#fDepsLeft[f] = flow.deps.length;
      for (const d of flow.deps) this.#fDependents[d]!.push(f);
      const port = this.#hostPort(flow.src, flow.dst, this.#fEntropy[f]!);
      if (port < 0) throw new Error(`flow ${f}: no route from node ${flow.src} to node ${flow.dst}`);
      this.#fPort[f] = port;
      this.#lineRate[f] = this.portRate[port]!;
    });
    this.#pinPaths(n);
    // Size the packet pool once for the flows' data packets (up to 2^20 records, 64 MB): the
    // buffer's pages are touched only as records are first used, so an unused part costs no
    // memory, while growing by copies faults every copied page in twice.
    let dataPackets = 0;
    for (let f = 0; f < n; f++) dataPackets += this.fPackets[f]!;
    const capacity = Math.min(dataPackets, 1 << 20);
    if (capacity > this.#cap) this.#growPool(capacity);
    const selective = new Uint8Array(n);
    for (let f = 0; f < n; f++) selective[f] = this.#wantsSelectiveRepeat(f) ? 1 : 0;
    this.#sr = new SelectiveRepeat(this.fPackets, selective, this.transport.reorderThresholdPackets);
    flows.forEach((flow, f) => {
      const line = this.#lineRate[f]!;
      this.#baseRtt[f] =
        this.idealNs(flow.src, flow.dst, 0).alphaNs + this.idealNs(flow.dst, flow.src, 0).alphaNs + (this.mtu + DATA_OVERHEAD_BYTES + CONTROL_WIRE_BYTES) / line;
    });
    this.cc.attach({ engine: this.engine, rate: this.#rate, lineRate: this.#lineRate, windowBytes: this.#window, baseRttNs: this.#baseRtt });
    flows.forEach((flow, f) => {
      if (flow.deps.length === 0) this.engine.scheduleAt(flow.startNs, this.#kStart, f);
    });
  }

  /** Runs until every flow finished (or `limitNs`). */
  run(limitNs = Infinity): void {
    if (limitNs === Infinity) this.engine.runUntilIdle();
    else this.engine.runUntil(limitNs);
    for (let i = 0; i < this.#paused.length; i++) {
      if (this.#paused[i] === 1) this.counters.pfcPausedNs += this.engine.nowNs - this.#pausedSince[i]!;
    }
    this.counters.headroomDrops = this.#buffers.reduce((sum, b) => sum + (b?.headroomDrops ?? 0), 0);
  }

  /** Payload bytes of `flow` received in order so far. */
  deliveredBytes(flow: number): number {
    return Math.min(this.#rExpected[flow]! * this.mtu, this.fBytes[flow]!);
  }

  /** Bytes waiting in the egress queues of `port` now. */
  queuedBytes(port: number): number {
    return this.#portQueued[port]!;
  }

  /**
   * The ports flow `flow` crosses when every switch picks by its ECMP hash (the path of all
   * its packets under ECMP; the flow and analytic fidelities route flows on it).
   */
  ecmpPathPorts(flow: number): number[] {
    return this.routes.ecmpPath(this.fSrc[flow]!, this.fDst[flow]!, this.#fEntropy[flow]!);
  }

  /** The equal-cost egress ports of `node` toward host `dst`. */
  nextHops(node: number, dst: number): number[] {
    return this.routes.nextHops(node, dst);
  }

  /** Payload bytes per ns a port carries at full rate (the MTU's share of each wire packet). */
  payloadRate(port: number): number {
    return this.routes.payloadRate(port);
  }

  /** The port named `from->to` (node names), or -1. */
  portIndex(name: string): number {
    return this.routes.portIndex(name);
  }

  /** Whether `flow` recovers losses by selective repeat (else go-back-N). */
  usesSelectiveRepeat(flow: number): boolean {
    return this.#sr.uses(flow);
  }

  /** Whether some switch on a route of `flow` may send its packets over different next hops. */
  isMultipath(flow: number): boolean {
    return this.routes.isMultipath(this.#fPort[flow]!, this.fDst[flow]!);
  }

  /** Fills `#fDataPin`, `#fCtlPin`, `#pinPorts` and `#fCtlPort` for the flows. */
  #pinPaths(n: number): void {
    const routes = this.routes;
    const ports: number[] = [];
    this.#fDataPin = new Int32Array(n).fill(-1);
    this.#fCtlPin = new Int32Array(n).fill(-1);
    this.#fCtlPort = new Int32Array(n);
    const pin = (src: number, dst: number, entropy: number, switchEntropy: number): number => {
      const path = routes.ecmpPath(src, dst, entropy, switchEntropy);
      if (path.length === 0 || !routes.isFixedPath(path, dst)) return -1;
      const start = ports.length;
      for (let k = 1; k < path.length; k++) ports.push(path[k]!);
      return start;
    };
    for (let f = 0; f < n; f++) {
      const src = this.fSrc[f]!;
      const dst = this.fDst[f]!;
      const entropy = this.#fEntropy[f]!;
      // Data packets hash the flow's entropy at each switch; ACKs, NACKs and CNPs entropy ^ 1.
      this.#fDataPin[f] = pin(src, dst, entropy, entropy);
      this.#fCtlPin[f] = pin(dst, src, entropy, entropy ^ 1);
      this.#fCtlPort[f] = routes.hostPort(dst, src, entropy);
    }
    this.#pinPorts = Int32Array.from(ports);
  }

  #wantsSelectiveRepeat(flow: number): boolean {
    const recovery = this.transport.recovery;
    if (recovery === 'auto') return this.isMultipath(flow);
    return recovery === 'selective-repeat';
  }

  /** Packets allocated and not yet freed (0 after a complete run: nothing leaks). */
  get livePackets(): number {
    return this.#live;
  }

  /** Peak shared-buffer bytes of each switch by name. */
  peakBufferBytes(): Record<string, number> {
    const out: Record<string, number> = {};
    this.#buffers.forEach((b, n) => {
      if (b !== undefined) out[this.topology.nodes[n]!.name] = b.peakSharedUsed;
    });
    return out;
  }

  /** Minimal hop path (ports) from `src` to `dst` following the first candidate, for ideal-time computations. */
  pathPorts(src: number, dst: number): number[] {
    return this.routes.pathPorts(src, dst);
  }

  /** Ideal completion of `bytes` from src to dst: alpha + bytes / B on the minimal path (issue 3 definitions). */
  idealNs(src: number, dst: number, bytes: number): PathIdeal {
    return this.routes.idealNs(src, dst, bytes);
  }

  // ---------------------------------------------------------------- routing

  #hostPort(src: number, dst: number, entropy: number): number {
    return this.routes.hostPort(src, dst, entropy);
  }

  #forward(node: number, pkt: number): number {
    const pinned = this.#pk[pkt * PKT_STRIDE + P_ROUTE]!;
    if (pinned >= 0) {
      this.#pk[pkt * PKT_STRIDE + P_ROUTE] = pinned + 1;
      return this.#pinPorts[pinned]!;
    }
    const data = this.#pk[pkt * PKT_STRIDE + P_TYPE]! === TYPE_DATA;
    const flow = this.#pk[pkt * PKT_STRIDE + P_FLOW]!;
    // Data packets go from the flow's source to its destination, control packets back.
    const dst = data ? this.fDst[flow]! : this.fSrc[flow]!;
    const i = dst * this.nodeCount + node;
    const offset = this.#routeStart[i]!;
    const count = this.#routeStart[i + 1]! - offset;
    if (count === 0) return -1;
    if (count === 1) return this.#routePorts[offset]!;
    const src = data ? this.fSrc[flow]! : this.fDst[flow]!;
    const hash = fiveTupleHash(this.#hashSeed[node]!, src, dst, this.#fEntropy[flow]! ^ (data ? 0 : 1));
    switch (this.#lbMode[node]) {
      case 1:
        return this.#routePorts[offset + this.#switchRandom[node]!.integer(0, count - 1)]!;
      case 2: {
        const slot = hash & (FLOWLET_TABLE - 1);
        const times = this.#flowletTime[node]!;
        const chosen = this.#flowletPort[node]!;
        const now = this.engine.nowNs;
        if (now - times[slot]! > this.#flowletGapNs[node]!) {
          chosen[slot] = this.#routePorts[offset + this.#switchRandom[node]!.integer(0, count - 1)]!;
        }
        times[slot] = now;
        return chosen[slot]!;
      }
      case 3:
        return adaptivePort(this.#routePorts, offset, count, hash, this.#portQueued, this.#paused, this.#pk[pkt * PKT_STRIDE + P_CLS]!, this.#adaptiveThresholdBytes[node]!);
      default:
        return this.#routePorts[offset + (hash % count)]!;
    }
  }

  // ---------------------------------------------------------------- packets

  #growPool(capacity: number): void {
    const grow = <T extends Int32Array | Uint8Array | Int8Array | Float64Array>(old: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(old);
      return next;
    };
    const buffer = new ArrayBuffer(capacity * PKT_STRIDE * 4);
    const pk = new Int32Array(buffer);
    pk.set(this.#pk);
    this.#pk = pk;
    this.#pkF = new Float64Array(buffer);
    // Per-packet INT state exists only where INT does (4 MB of a 500,000-packet pool otherwise).
    if (this.#anyInt) this.#pIntMaxQueue = grow(this.#pIntMaxQueue, (n) => new Float64Array(n));
    const stride = this.#intStride;
    if (stride > 0) this.#pIntHops = grow(this.#pIntHops, (n) => new Uint8Array(n));
    this.#pIntQueue = grow(this.#pIntQueue, (n) => new Float64Array(n * stride));
    this.#pIntTx = grow(this.#pIntTx, (n) => new Float64Array(n * stride));
    this.#pIntTime = grow(this.#pIntTime, (n) => new Float64Array(n * stride));
    this.#pIntRate = grow(this.#pIntRate, (n) => new Float64Array(n * stride));
    this.#pIntPort = grow(this.#pIntPort, (n) => new Int32Array(n * stride));
    this.#cap = capacity;
  }

  #alloc(type: number, flow: number, seq: number, payload: number, wire: number, cls: number): number {
    const pk0 = this.#freeHead;
    let pkt: number;
    if (pk0 !== -1) {
      pkt = pk0;
      this.#freeHead = this.#pk[pkt * PKT_STRIDE + P_NEXT]!;
    } else {
      // Released records first (LIFO), then never-used ones lowest index first; doubling copies
      // only the used records, and the new buffer's unused pages stay untouched.
      if (this.#fresh === this.#cap) this.#growPool(this.#cap * 2);
      pkt = this.#fresh++;
    }
    const pk = this.#pk;
    const b = pkt * PKT_STRIDE;
    this.#live++;
    pk[b + P_TYPE] = type;
    pk[b + P_FLOW] = flow;
    pk[b + P_SEQ] = seq;
    pk[b + P_ACKED] = -1;
    pk[b + P_PAYLOAD] = payload;
    pk[b + P_WIRE] = wire;
    pk[b + P_CLS] = cls;
    pk[b + P_ECN] = ECN_NOT_ECT;
    pk[b + P_NEXT] = -1;
    pk[b + P_CHARGE] = Charge.DROP;
    pk[b + P_RECORD_PATH] = 0;
    pk[b + P_ROUTE] = -1;
    // INT stamps need a switch with INT on (pIntMaxQueue), records a controller that reads them (pIntHops).
    if (this.#anyInt) this.#pIntMaxQueue[pkt] = 0;
    if (this.#intStride > 0) this.#pIntHops[pkt] = 0;
    return pkt;
  }

  #release(pkt: number): void {
    this.#pk[pkt * PKT_STRIDE + P_NEXT] = this.#freeHead;
    this.#freeHead = pkt;
    this.#live--;
  }

  #enqueue(port: number, cls: number, pkt: number): void {
    const q = port * NUM_CLASSES + cls;
    const wire = this.#pk[pkt * PKT_STRIDE + P_WIRE]!;
    this.#pk[pkt * PKT_STRIDE + P_NEXT] = -1;
    const qI = this.#qI;
    const qF = this.#qF;
    const tail = qI[q * 8 + 1]!;
    if (tail === -1) {
      qI[q * 8] = pkt;
      qF[q * 4 + 2] = wire;
      this.#nonEmpty[port]! |= 1 << cls;
    } else {
      this.#pk[tail * PKT_STRIDE + P_NEXT] = pkt;
      this.#pk[tail * PKT_STRIDE + P_NEXT_WIRE] = wire;
    }
    qI[q * 8 + 1] = pkt;
    qF[q * 4 + 1]! += wire;
    this.#portQueued[port]! += wire;
  }

  #dequeue(port: number, cls: number): number {
    const q = port * NUM_CLASSES + cls;
    const qI = this.#qI;
    const qF = this.#qF;
    const pkt = qI[q * 8]!;
    const next = this.#pk[pkt * PKT_STRIDE + P_NEXT]!;
    qI[q * 8] = next;
    if (next === -1) {
      qI[q * 8 + 1] = -1;
      qF[q * 4 + 2] = 0;
      this.#nonEmpty[port]! &= ~(1 << cls);
    } else qF[q * 4 + 2] = this.#pk[pkt * PKT_STRIDE + P_NEXT_WIRE]!;
    const wire = this.#pk[pkt * PKT_STRIDE + P_WIRE]!;
    qF[q * 4 + 1]! -= wire;
    this.#portQueued[port]! -= wire;
    return pkt;
  }

  // ---------------------------------------------------------------- links

  #tryTx(port: number): void {
    if (this.#portBusy[port] === 1 || this.portUp[port] === 0) return;
    const node = this.portOwner[port]!;
    const local = port - this.portBase[node]!;
    const cls = this.#schedulers[node]!.pickMasked(port, this.#nonEmpty[port]!, this.#pausedMask[port]!, this.#qF, 4, 2);
    let pkt: number;
    if (cls >= 0) {
      pkt = this.#dequeue(port, cls);
      if (this.nodeKind[node] === KIND_SWITCH) {
        this.counters.switchPacketsForwarded++;
        const inPort = this.#pk[pkt * PKT_STRIDE + P_IN_PORT]!;
        this.#buffers[node]!.release(inPort - this.portBase[node]!, local, cls, this.#pk[pkt * PKT_STRIDE + P_WIRE]!, this.#pk[pkt * PKT_STRIDE + P_CHARGE]!);
        if (this.#intStride > 0 && this.#intEnabled[node] === 1 && this.#pk[pkt * PKT_STRIDE + P_TYPE]! === TYPE_DATA) this.#stampInt(port, pkt);
      }
    } else if (this.nodeKind[node] === KIND_HOST) {
      pkt = this.#pullData(port);
      if (pkt < 0) return;
    } else return;
    this.#transmit(port, pkt);
  }

  /** HPCC-style INT as the packet leaves a switch egress: queue left behind, bytes sent, time, line rate. */
  #stampInt(port: number, pkt: number): void {
    const hop = this.#pIntHops[pkt]!;
    if (hop >= this.#intStride) return;
    const i = pkt * this.#intStride + hop;
    this.#pIntQueue[i] = this.#portQueued[port]!;
    this.#pIntTx[i] = this.portTxBytes[port]!;
    this.#pIntTime[i] = this.engine.nowNs;
    this.#pIntRate[i] = this.portRate[port]!;
    this.#pIntPort[i] = port;
    this.#pIntHops[pkt] = hop + 1;
  }

  #transmit(port: number, pkt: number): void {
    const now = this.engine.nowNs;
    const wire = this.#pk[pkt * PKT_STRIDE + P_WIRE]!;
    const ser = wire / this.portRate[port]!;
    const node = this.portOwner[port]!;
    // Cut-through: a packet cannot leave before its tail arrived.
    let end = now + ser;
    if (this.nodeKind[node] === KIND_SWITCH && this.#cutThrough[node] === 1 && this.#pkF[pkt * PKT_STRIDE_F64 + PF_TAIL]! > end) end = this.#pkF[pkt * PKT_STRIDE_F64 + PF_TAIL]!;
    this.#portBusy[port] = 1;
    this.engine.scheduleAt(end, this.#kTxDone, port);
    this.portTxBytes[port]! += wire;
    if (this.#pk[pkt * PKT_STRIDE + P_TYPE]! === TYPE_DATA) this.portDataBytes[port]! += this.#pk[pkt * PKT_STRIDE + P_PAYLOAD]!;
    const peer = this.portPeer[port]!;
    const next = this.portOwner[peer]!;
    const prop = this.portProp[port]!;
    this.#pk[pkt * PKT_STRIDE + P_IN_PORT] = peer;
    if (this.nodeKind[next] === KIND_HOST) {
      this.engine.scheduleAt(end + prop, this.#kArrive, pkt);
    } else if (this.#cutThrough[next] === 1) {
      this.#pkF[pkt * PKT_STRIDE_F64 + PF_TAIL] = end + prop;
      this.engine.scheduleAt(end - ser + prop + this.#latencyNs[next]!, this.#kArrive, pkt);
    } else {
      this.#pkF[pkt * PKT_STRIDE_F64 + PF_TAIL] = end + prop;
      this.engine.scheduleAt(end + prop + this.#latencyNs[next]!, this.#kArrive, pkt);
    }
  }

  #arrive(pkt: number): void {
    const node = this.portOwner[this.#pk[pkt * PKT_STRIDE + P_IN_PORT]!]!;
    if (this.nodeKind[node] === KIND_HOST) this.#hostReceive(node, pkt);
    else this.#switchReceive(node, pkt);
  }

  #switchReceive(node: number, pkt: number): void {
    const out = this.#forward(node, pkt);
    const cls = this.#pk[pkt * PKT_STRIDE + P_CLS]!;
    const int = this.#intEnabled[node] === 1 && this.#pk[pkt * PKT_STRIDE + P_TYPE]! === TYPE_DATA;
    if (int) this.#pk[pkt * PKT_STRIDE + P_WIRE]! += this.#intBytes[node]!;
    const wire = this.#pk[pkt * PKT_STRIDE + P_WIRE]!;
    const base = this.portBase[node]!;
    const charge = out < 0 ? Charge.DROP : this.#buffers[node]!.admit(this.#pk[pkt * PKT_STRIDE + P_IN_PORT]! - base, out - base, cls, wire);
    if (charge === Charge.DROP) {
      this.#drop(pkt);
      return;
    }
    this.#pk[pkt * PKT_STRIDE + P_CHARGE] = charge;
    const q = out * NUM_CLASSES + cls;
    if (this.#pk[pkt * PKT_STRIDE + P_ECN]! === ECN_ECT) {
      const depth = this.#qF[q * 4 + 1]!;
      if (this.#ecn[node]!.shouldMark(cls, depth, this.#switchRandom[node]!.uniform())) {
        this.#pk[pkt * PKT_STRIDE + P_ECN] = ECN_CE;
        this.counters.ecnMarks++;
        this.portEcnMarks[out]! += 1;
      }
    }
    if (this.#pk[pkt * PKT_STRIDE + P_RECORD_PATH]! === 1) this.fPath[this.#pk[pkt * PKT_STRIDE + P_FLOW]!]!.push(out);
    if (int && this.#qF[q * 4 + 1]! > this.#pIntMaxQueue[pkt]!) this.#pIntMaxQueue[pkt] = this.#qF[q * 4 + 1]!;
    this.#enqueue(out, cls, pkt);
    const depth = this.#portQueued[out]!;
    this.queueDepth.record(depth);
    if (depth > this.portMaxQueue[out]!) this.portMaxQueue[out] = depth;
    this.#tryTx(out);
  }

  #drop(pkt: number): void {
    if (this.#pk[pkt * PKT_STRIDE + P_TYPE]! === TYPE_DATA) {
      this.counters.dataPacketsDropped++;
      this.counters.dataBytesDropped += this.#pk[pkt * PKT_STRIDE + P_PAYLOAD]!;
    } else this.counters.controlPacketsDropped++;
    this.#release(pkt);
  }

  #sendPfc(ingressPort: number, cls: number, pause: boolean): void {
    // The frame goes back over the link the packets came in on, to the upstream transmitter.
    const upstream = this.portPeer[ingressPort]!;
    if (pause) this.counters.pfcPauseFrames++;
    else this.counters.pfcResumeFrames++;
    const delay = PFC_FRAME_WIRE_BYTES / this.portRate[ingressPort]! + this.portProp[ingressPort]!;
    this.engine.schedule(delay, this.#kPfc, (upstream * NUM_CLASSES + cls) * 2 + (pause ? 1 : 0));
  }

  #applyPfc(code: number): void {
    const pause = code % 2 === 1;
    const q = (code - (pause ? 1 : 0)) / 2;
    const port = Math.floor(q / NUM_CLASSES);
    if (pause) {
      this.portPausesReceived[port]! += 1;
      if (this.#paused[q] === 0) {
        this.#paused[q] = 1;
        this.#pausedMask[port]! |= 1 << (q - port * NUM_CLASSES);
        this.#pausedSince[q] = this.engine.nowNs;
      }
    } else if (this.#paused[q] === 1) {
      this.#paused[q] = 0;
      this.#pausedMask[port]! &= ~(1 << (q - port * NUM_CLASSES));
      this.counters.pfcPausedNs += this.engine.nowNs - this.#pausedSince[q]!;
      this.#tryTx(port);
    }
  }

  // ---------------------------------------------------------------- transport: sender

  #startFlow(flow: number): void {
    const now = this.engine.nowNs;
    this.fStartNs[flow] = now;
    this.#fActive[flow] = 1;
    this.#fNextSendNs[flow] = now;
    this.cc.onFlowStart(flow);
    this.#hostFlows[this.fSrc[flow]!]!.push(flow);
    this.#tryTx(this.#fPort[flow]!);
  }

  #pullData(port: number): number {
    const host = this.portOwner[port]!;
    const flows = this.#hostFlows[host]!;
    const n = flows.length;
    if (n === 0) return -1;
    if (this.#paused[port * NUM_CLASSES + DATA_CLASS] === 1) return -1;
    const now = this.engine.nowNs;
    let wakeAt = Infinity;
    const start = this.#hostCursor[host]! % n;
    for (let k = 0; k < n; k++) {
      const i = (start + k) % n;
      const f = flows[i]!;
      if (this.#fPort[f] !== port) continue;
      let window = this.transport.windowPackets;
      // A window-based controller (HPCC) bounds bytes in flight: packets while inflight < W.
      const windowBytes = this.#window[f]!;
      if (windowBytes < Infinity) window = Math.min(window, Math.max(1, Math.ceil(windowBytes / (this.mtu + DATA_OVERHEAD_BYTES))));
      let next: number;
      if (this.#sr.uses(f)) {
        next = this.#sr.nextToSend(f, window);
        if (next < 0) continue;
      } else {
        next = this.#fNext[f]!;
        if (next >= this.fPackets[f]! || next - this.#fUna[f]! >= window) continue;
      }
      if (this.#fNextSendNs[f]! > now) {
        if (this.#fNextSendNs[f]! < wakeAt) wakeAt = this.#fNextSendNs[f]!;
        continue;
      }
      this.#hostCursor[host] = i + 1;
      return this.#makeData(f, next, now);
    }
    if (wakeAt < Infinity && wakeAt < this.#hostWakeAt[port]!) {
      this.#hostWakeAt[port] = wakeAt;
      this.engine.scheduleAt(wakeAt, this.#kWake, port);
    }
    return -1;
  }

  #makeData(f: number, seq: number, now: number): number {
    const payload = Math.min(this.mtu, this.fBytes[f]! - seq * this.mtu);
    const wire = payload + DATA_OVERHEAD_BYTES;
    const pkt = this.#alloc(TYPE_DATA, f, seq, payload, wire, DATA_CLASS);
    this.#pk[pkt * PKT_STRIDE + P_ROUTE] = this.#fDataPin[f]!;
    if (this.cc.usesEcn) this.#pk[pkt * PKT_STRIDE + P_ECN] = ECN_ECT;
    if (this.#sr.uses(f)) this.#sr.markSent(f, seq);
    else this.#fNext[f] = seq + 1;
    this.counters.dataPacketsSent++;
    this.counters.dataBytesSent += payload;
    if (seq < this.#fHighest[f]!) {
      this.counters.retransmittedPackets++;
      this.counters.retransmittedBytes += payload;
      this.fRetransmits[f]! += 1;
    } else {
      this.#fHighest[f] = seq + 1;
      if (seq === 0) {
        this.#pk[pkt * PKT_STRIDE + P_RECORD_PATH] = 1;
        this.fPath[f]!.push(this.#fPort[f]!);
      }
    }
    this.#fNextSendNs[f] = Math.max(this.#fNextSendNs[f]!, now) + wire / this.#rate[f]!;
    this.cc.onSent(f, wire);
    if (this.#fRtoArmed[f] === 0) {
      this.#fRtoArmed[f] = 1;
      this.#fLastProgressNs[f] = now;
      this.engine.schedule(this.transport.rtoNs, this.#kRto, f);
    }
    return pkt;
  }

  #onRto(f: number): void {
    const outstanding = this.#sr.uses(f) ? this.#sr.hasOutstanding(f) : this.#fUna[f]! < this.#fNext[f]!;
    if (this.#fActive[f] === 0 || !outstanding) {
      this.#fRtoArmed[f] = 0;
      return;
    }
    const now = this.engine.nowNs;
    const due = this.#fLastProgressNs[f]! + this.transport.rtoNs;
    if (now >= due) {
      this.counters.timeouts++;
      this.fTimeouts[f]! += 1;
      if (this.#sr.uses(f)) this.#sr.onTimeout(f);
      else this.#fNext[f] = this.#fUna[f]!;
      this.#fLastProgressNs[f] = now;
      this.engine.schedule(this.transport.rtoNs, this.#kRto, f);
      this.#tryTx(this.#fPort[f]!);
    } else this.engine.scheduleAt(due, this.#kRto, f);
  }

  #senderControl(pkt: number): void {
    const f = this.#pk[pkt * PKT_STRIDE + P_FLOW]!;
    const type = this.#pk[pkt * PKT_STRIDE + P_TYPE]!;
    if (type === TYPE_CNP) {
      this.counters.cnps++;
      if (this.#fActive[f] === 1) this.cc.onCnp(f);
      return;
    }
    if (this.#fActive[f] === 0) return;
    const now = this.engine.nowNs;
    let ack = this.#pk[pkt * PKT_STRIDE + P_SEQ]!;
    if (this.#sr.uses(f)) {
      // Selective repeat: the cumulative PSN plus the PSN that arrived; holes far enough
      // behind become lost and are resent before new data.
      this.#sr.onAck(f, ack, this.#pk[pkt * PKT_STRIDE + P_ACKED]!);
      ack = this.#sr.una(f);
    }
    if (ack > this.#fUna[f]!) {
      this.#fUna[f] = ack;
      this.#fLastProgressNs[f] = now;
      if (this.#fNext[f]! < ack) this.#fNext[f] = ack;
    }
    if (type === TYPE_NACK) {
      this.counters.nacks++;
      // Go-back-N: resend everything from the first missing packet.
      this.#fNext[f] = this.#fUna[f]!;
      this.#fLastProgressNs[f] = now;
    }
    if (this.cc.onAck !== undefined) {
      const feedback = this.#feedback;
      feedback.cumulativePsn = this.#fUna[f]!;
      feedback.nextPsn = this.#fHighest[f]!;
      feedback.hops = this.#intStride > 0 ? this.#pIntHops[pkt]! : 0;
      feedback.base = pkt * this.#intStride;
      feedback.queueBytes = this.#pIntQueue;
      feedback.txBytes = this.#pIntTx;
      feedback.timeNs = this.#pIntTime;
      feedback.rateBytesPerNs = this.#pIntRate;
      feedback.port = this.#pIntPort;
      this.cc.onAck(f, feedback);
    }
    if (this.#fUna[f]! >= this.fPackets[f]!) {
      this.#fActive[f] = 0;
      this.fSendDoneNs[f] = now;
      if (now > this.lastCompletionNs) this.lastCompletionNs = now;
      this.cc.onFlowEnd(f);
      const list = this.#hostFlows[this.fSrc[f]!]!;
      list.splice(list.indexOf(f), 1);
      return;
    }
    this.#tryTx(this.#fPort[f]!);
  }

  // ---------------------------------------------------------------- transport: receiver

  #hostReceive(host: number, pkt: number): void {
    // Routes never pass through a host (FabricRoutes), so every packet reaching one is its own.
    const dst = this.#pk[pkt * PKT_STRIDE + P_TYPE]! === TYPE_DATA ? this.fDst[this.#pk[pkt * PKT_STRIDE + P_FLOW]!]! : this.fSrc[this.#pk[pkt * PKT_STRIDE + P_FLOW]!]!;
    if (dst !== host) throw new Error(`PacketNetwork: packet for node ${dst} reached host ${this.portName[this.#pk[pkt * PKT_STRIDE + P_IN_PORT]!]!}`);
    const type = this.#pk[pkt * PKT_STRIDE + P_TYPE]!;
    if (type !== TYPE_DATA) {
      if (type === TYPE_ACK) this.counters.acks++;
      this.#senderControl(pkt);
      this.#release(pkt);
      return;
    }
    const f = this.#pk[pkt * PKT_STRIDE + P_FLOW]!;
    const seq = this.#pk[pkt * PKT_STRIDE + P_SEQ]!;
    const now = this.engine.nowNs;
    if (this.#pk[pkt * PKT_STRIDE + P_ECN]! === ECN_CE && now - this.#rLastCnpNs[f]! >= this.transport.cnpIntervalNs) {
      this.#rLastCnpNs[f] = now;
      this.#sendControl(host, TYPE_CNP, f, 0);
    }
    if (this.#sr.uses(f)) {
      this.#receiveSelective(host, f, pkt, seq, now);
      return;
    }
    const expected = this.#rExpected[f]!;
    if (seq === expected) {
      this.#rExpected[f] = expected + 1;
      this.#rNackSent[f] = 0;
      this.counters.dataPacketsDelivered++;
      this.counters.dataBytesDelivered += this.#pk[pkt * PKT_STRIDE + P_PAYLOAD]!;
      if (Number.isNaN(this.fFirstDataNs[f]!)) this.fFirstDataNs[f] = now;
      if (this.#anyInt && this.#pIntMaxQueue[pkt]! > this.fIntMaxQueue[f]!) this.fIntMaxQueue[f] = this.#pIntMaxQueue[pkt]!;
      this.fLastDataNs[f] = now;
      const done = expected + 1 === this.fPackets[f]!;
      this.#rSinceAck[f]! += 1;
      if (done || this.#rSinceAck[f]! >= this.transport.ackEveryPackets) {
        this.#rSinceAck[f] = 0;
        this.#sendControl(host, TYPE_ACK, f, expected + 1, -1, pkt);
      }
      this.#release(pkt);
      if (done) this.#flowReceived(f);
      return;
    }
    this.counters.dataPacketsDiscarded++;
    if (seq > expected) {
      if (this.#rNackSent[f] === 0) {
        this.#rNackSent[f] = 1;
        this.#sendControl(host, TYPE_NACK, f, expected, -1, pkt);
      }
    } else this.#sendControl(host, TYPE_ACK, f, expected, -1, pkt);
    this.#release(pkt);
  }

  /**
   * Selective repeat at the receiver: any new PSN is accepted (the bitmap remembers it) and
   * every arrival, duplicates included, is acknowledged with the cumulative PSN and its own
   * PSN, so a lost acknowledgement is repaired by the next one.
   */
  #receiveSelective(host: number, f: number, pkt: number, seq: number, now: number): void {
    if (seq > this.#sr.expected(f)) this.counters.dataPacketsOutOfOrder++;
    const fresh = this.#sr.receive(f, seq);
    const cumulative = this.#sr.expected(f);
    this.#rExpected[f] = cumulative;
    if (fresh) {
      this.counters.dataPacketsDelivered++;
      this.counters.dataBytesDelivered += this.#pk[pkt * PKT_STRIDE + P_PAYLOAD]!;
      if (Number.isNaN(this.fFirstDataNs[f]!)) this.fFirstDataNs[f] = now;
      if (this.#anyInt && this.#pIntMaxQueue[pkt]! > this.fIntMaxQueue[f]!) this.fIntMaxQueue[f] = this.#pIntMaxQueue[pkt]!;
      this.fLastDataNs[f] = now;
    } else this.counters.dataPacketsDiscarded++;
    this.#sendControl(host, TYPE_ACK, f, cumulative, seq, pkt);
    this.#release(pkt);
    if (fresh && cumulative === this.fPackets[f]) this.#flowReceived(f);
  }

  /** Sends a control packet back to the flow's sender; an ACK echoes the INT records of data packet `echo`. */
  #sendControl(host: number, type: number, flow: number, seq: number, acked = -1, echo = -1): void {
    const pkt = this.#alloc(type, flow, seq, 0, CONTROL_WIRE_BYTES, CONTROL_CLASS);
    this.#pk[pkt * PKT_STRIDE + P_ROUTE] = this.#fCtlPin[flow]!;
    this.#pk[pkt * PKT_STRIDE + P_ACKED] = acked;
    const stride = this.#intStride;
    if (echo >= 0 && stride > 0) {
      const hops = this.#pIntHops[echo]!;
      this.#pIntHops[pkt] = hops;
      this.#pIntQueue.copyWithin(pkt * stride, echo * stride, echo * stride + hops);
      this.#pIntTx.copyWithin(pkt * stride, echo * stride, echo * stride + hops);
      this.#pIntTime.copyWithin(pkt * stride, echo * stride, echo * stride + hops);
      this.#pIntRate.copyWithin(pkt * stride, echo * stride, echo * stride + hops);
      this.#pIntPort.copyWithin(pkt * stride, echo * stride, echo * stride + hops);
    }
    // Control packets leave the flow's receiver (`host` is fDst) by the port fixed per flow.
    const port = this.#fCtlPort[flow]!;
    this.#enqueue(port, CONTROL_CLASS, pkt);
    this.#tryTx(port);
  }

  #flowReceived(f: number): void {
    const now = this.engine.nowNs;
    this.fRecvDoneNs[f] = now;
    if (now > this.lastCompletionNs) this.lastCompletionNs = now;
    for (const g of this.#fDependents[f]!) {
      this.#fDepsLeft[g]! -= 1;
      if (this.#fDepsLeft[g] === 0) this.engine.schedule(this.fStartAt[g]!, this.#kStart, g);
    }
    this.#onFlowDone?.(f);
  }
}

/** The congestion controller a transport option names. */
function newCongestionControl(cc: TransportOptions['cc']): CongestionControl {
  switch (cc) {
    case 'dcqcn':
      return new Dcqcn();
    case 'hpcc':
      return new Hpcc();
    case 'none':
      return new NoCongestionControl();
  }
}
