import { z } from 'zod';
import { loadConfigFile } from '../core/config.js';
import { badInput } from '../core/errors.js';
import { DATA_CLASS } from '../switch-model/presets.js';
import { LOAD_BALANCING_MODES, FORWARDING_MODES } from '../switch-model/spec.js';
import { ClusterSpecSchema, DEFAULT_CLUSTER, type ClusterSpec } from './cluster/spec.js';
import { buildTopology, type Topology } from './cluster/topology.js';
import { RandomStream } from './engine/random.js';
import type { FabricNetwork } from './network/fabric-network.js';
import { type FlowDef, PacketNetwork } from './packet/network.js';
import {
  allToAll,
  busBandwidthFactor,
  type Collective,
  incast,
  offsetFlows,
  permutation,
  ringCollective,
  type CollectiveKind,
} from './traffic/patterns.js';
import { collectiveClosedFormNs } from './traffic/closed-forms.js';
import { hierarchicalAllReduceFlows } from './traffic/hierarchical.js';
import { treeAllReduceFlows } from './traffic/tree.js';

/**
 * A packet-level scenario: a cluster (the built-in default or inline), switch overrides,
 * transport settings and traffic. `runScenario` simulates it and returns the metrics as plain
 * JSON-ready data; the same scenario and seed give byte-identical JSON.
 */

const Endpoint = z.union([z.number().int().min(0), z.string().min(1)]);

const FlowItem = z
  .object({ src: Endpoint, dst: Endpoint, bytes: z.number().int().min(1), startNs: z.number().min(0).default(0) })
  .strict();

const TrafficSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('flows'), flows: z.array(FlowItem).min(1) }).strict(),
  z
    .object({
      kind: z.literal('permutation'),
      bytes: z.number().int().min(1),
      hosts: z.array(Endpoint).min(2).optional(),
      startNs: z.number().min(0).default(0),
    })
    .strict(),
  z
    .object({
      kind: z.literal('incast'),
      senders: z.array(Endpoint).min(1),
      receiver: Endpoint,
      bytes: z.number().int().min(1),
      startNs: z.number().min(0).default(0),
    })
    .strict(),
  z
    .object({
      /** Ring collectives, all-to-all, double binary tree all-reduce, or hierarchical (NVLink + fabric ring) all-reduce. */
      kind: z.enum(['all-reduce', 'reduce-scatter', 'all-gather', 'all-to-all', 'tree-all-reduce', 'hierarchical-all-reduce']),
      /** Ranks in ring order (GPU indices or ids); default every GPU. */
      ranks: z.array(Endpoint).min(2).optional(),
      bytes: z.number().int().min(1),
      /** Pipeline each ring step in messages of at most this many bytes (NCCL-style chunking). */
      chunkBytes: z.number().int().min(1).optional(),
      startNs: z.number().min(0).default(0),
    })
    .strict(),
]);

export const ScenarioSchema = z
  .object({
    name: z.string().min(1).default('scenario'),
    cluster: z.union([z.literal('default'), ClusterSpecSchema]).default('default'),
    switch: z
      .object({
        /** Lossless data class with PFC (true) or lossy (false). */
        pfc: z.boolean().optional(),
        ecn: z.boolean().optional(),
        sharedBufferBytes: z.number().int().min(0).optional(),
        pfcHeadroomBytes: z.number().int().min(0).optional(),
        reservedBytes: z.number().int().min(0).optional(),
        dynamicThresholdAlpha: z.number().gt(0).optional(),
        forwarding: z.enum(FORWARDING_MODES).optional(),
        portToPortLatencyNs: z.number().min(0).optional(),
        loadBalancing: z.enum(LOAD_BALANCING_MODES).optional(),
        hashSeed: z.number().int().min(0).optional(),
        flowletGapNs: z.number().min(0).optional(),
        /** Adaptive routing leaves the hashed next hop once its queue exceeds this. */
        adaptiveThresholdBytes: z.number().int().min(0).optional(),
        /** In-band telemetry: every hop stamps its egress queue depth into data packets. */
        int: z.boolean().optional(),
        intBytesPerHop: z.number().int().min(0).max(256).optional(),
        ecnKminBytes: z.number().int().min(0).optional(),
        ecnKmaxBytes: z.number().int().min(0).optional(),
        ecnPmax: z.number().min(0).max(1).optional(),
      })
      .strict()
      .default({}),
    transport: z
      .object({
        /** `hpcc` turns on INT at every switch unless `switch.int` is false (then it is an error). */
        cc: z.enum(['dcqcn', 'hpcc', 'none']).default('dcqcn'),
        ackEveryPackets: z.number().int().min(1).default(1),
        rtoNs: z.number().positive().default(100_000),
        windowPackets: z.number().int().min(1).optional(),
        /** Loss recovery; `auto`: selective repeat for multi-path flows, go-back-N for the rest. */
        recovery: z.enum(['auto', 'go-back-n', 'selective-repeat']).default('auto'),
        reorderThresholdPackets: z.number().int().min(1).default(64),
      })
      .strict()
      .default({ cc: 'dcqcn', ackEveryPackets: 1, rtoNs: 100_000, recovery: 'auto', reorderThresholdPackets: 64 }),
    traffic: z.array(TrafficSchema).min(1),
    /** `packet` (default): every packet through every queue; `flow`: max-min fair flows; `analytic`: alpha-beta closed forms. */
    fidelity: z.enum(['packet', 'flow', 'analytic']).default('packet'),
    /** Stop the simulation here even if traffic remains. */
    limitNs: z.number().positive().optional(),
  })
  .strict();

export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type Scenario = z.output<typeof ScenarioSchema>;

export function loadScenarioFile(path: string): Scenario {
  return loadConfigFile(path, ScenarioSchema);
}

export function parseScenario(value: unknown): Scenario {
  const result = ScenarioSchema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw badInput(`invalid scenario: ${issue.message}`, { field: issue.path.map(String).join('.') });
}

/** The cluster with the scenario's switch overrides applied. */
export function scenarioTopology(scenario: Scenario): Topology {
  const cluster: ClusterSpec = scenario.cluster === 'default' ? DEFAULT_CLUSTER : scenario.cluster;
  const topology = buildTopology(cluster);
  const o = scenario.switch;
  const spec = topology.switchSpec;
  if (o.sharedBufferBytes !== undefined) spec.buffer.sharedBytes = o.sharedBufferBytes;
  if (o.pfcHeadroomBytes !== undefined) spec.buffer.pfcHeadroomPerPortClassBytes = o.pfcHeadroomBytes;
  if (o.reservedBytes !== undefined) spec.buffer.reservedPerPortClassBytes = o.reservedBytes;
  if (o.dynamicThresholdAlpha !== undefined) spec.buffer.dynamicThresholdAlpha = o.dynamicThresholdAlpha;
  if (o.forwarding !== undefined) spec.forwarding = o.forwarding;
  if (o.portToPortLatencyNs !== undefined) spec.portToPortLatencyNs = o.portToPortLatencyNs;
  if (o.loadBalancing !== undefined) spec.loadBalancing.mode = o.loadBalancing;
  if (o.hashSeed !== undefined) spec.loadBalancing.hashSeed = o.hashSeed;
  if (o.flowletGapNs !== undefined) spec.loadBalancing.flowletGapNs = o.flowletGapNs;
  if (o.adaptiveThresholdBytes !== undefined) spec.loadBalancing.adaptiveThresholdBytes = o.adaptiveThresholdBytes;
  if (o.int !== undefined) spec.int.enabled = o.int;
  if (scenario.transport.cc === 'hpcc') {
    if (o.int === false) {
      throw badInput('HPCC needs in-band telemetry on the switches', { field: 'switch.int', value: false, expected: 'true (or omitted) with transport.cc hpcc' });
    }
    spec.int.enabled = true;
  }
  if (o.intBytesPerHop !== undefined) spec.int.bytesPerHop = o.intBytesPerHop;
  const data = spec.classes[DATA_CLASS]!;
  if (o.pfc !== undefined) {
    data.lossless = o.pfc;
    data.pfc.enabled = o.pfc;
  }
  if (o.ecn !== undefined) data.ecn.enabled = o.ecn;
  if (o.ecnKminBytes !== undefined) data.ecn.kminBytes = o.ecnKminBytes;
  if (o.ecnKmaxBytes !== undefined) data.ecn.kmaxBytes = o.ecnKmaxBytes;
  if (o.ecnPmax !== undefined) data.ecn.pmax = o.ecnPmax;
  return topology;
}

export interface BuiltTraffic {
  flows: FlowDef[];
  collectives: { collective: Collective; first: number; count: number }[];
  /** Flows `first .. first + count - 1` of each `traffic[]` entry, in scenario order. */
  items: { kind: Scenario['traffic'][number]['kind']; first: number; count: number }[];
}

/** The scenario's traffic as one flow list (collectives as dependency graphs), GPU references resolved. */
export function buildTraffic(scenario: Scenario, topology: Topology, seed: number): BuiltTraffic {
  const ids = new Map(topology.gpus.map((g) => [g.id, g.index]));
  const gpuCount = topology.gpus.length;
  const resolve = (ref: string | number, field: string): number => {
    const index = typeof ref === 'number' ? ref : ids.get(ref);
    if (index === undefined || index >= gpuCount) {
      throw badInput('unknown GPU', { field, value: ref, expected: `a GPU index 0..${gpuCount - 1} or an id such as ${topology.gpus[0]?.id ?? 'srv0/gpu0'}` });
    }
    return index;
  };
  const all = topology.gpus.map((g) => g.index);
  const random = RandomStream.derive(seed, 'traffic/permutation');
  const out: BuiltTraffic = { flows: [], collectives: [], items: [] };
  scenario.traffic.forEach((item, i) => {
    const at = `traffic[${i}]`;
    let flows: FlowDef[];
    switch (item.kind) {
      case 'flows':
        flows = item.flows.map((f, j) => ({
          src: resolve(f.src, `${at}.flows[${j}].src`),
          dst: resolve(f.dst, `${at}.flows[${j}].dst`),
          bytes: f.bytes,
          startNs: f.startNs,
          deps: [],
        }));
        flows.forEach((f, j) => {
          if (f.src === f.dst) throw badInput('a flow needs two different GPUs', { field: `${at}.flows[${j}].dst`, value: f.dst });
        });
        break;
      case 'permutation':
        flows = permutation(item.hosts?.map((h, j) => resolve(h, `${at}.hosts[${j}]`)) ?? all, item.bytes, random, item.startNs);
        break;
      case 'incast': {
        const receiver = resolve(item.receiver, `${at}.receiver`);
        const senders = item.senders.map((h, j) => resolve(h, `${at}.senders[${j}]`));
        if (senders.includes(receiver)) throw badInput('the receiver is also a sender', { field: `${at}.senders`, value: item.receiver });
        flows = incast(senders, receiver, item.bytes, item.startNs);
        break;
      }
      default: {
        const ranks = item.ranks?.map((h, j) => resolve(h, `${at}.ranks[${j}]`)) ?? all;
        if (new Set(ranks).size !== ranks.length) throw badInput('ranks repeat a GPU', { field: `${at}.ranks`, value: item.ranks });
        const collective = buildCollective(item.kind, ranks, item.bytes, item.startNs, item.chunkBytes ?? Infinity, topology, `${at}.ranks`);
        out.collectives.push({ collective, first: out.flows.length, count: collective.flows.length });
        flows = collective.flows;
      }
    }
    out.items.push({ kind: item.kind, first: out.flows.length, count: flows.length });
    // A loop, not push(...): a spread of some 100,000 flows overflows the stack (1,024-GPU collectives).
    for (const flow of offsetFlows(flows, out.flows.length)) out.flows.push(flow);
  });
  return out;
}

function buildCollective(kind: CollectiveKind, ranks: number[], bytes: number, startNs: number, chunkBytes: number, topology: Topology, field: string): Collective {
  switch (kind) {
    case 'all-to-all':
      return allToAll(ranks, bytes, startNs);
    case 'tree-all-reduce':
      return {
        kind,
        ranks,
        bytes,
        flows: treeAllReduceFlows(ranks, bytes, startNs, chunkBytes),
        pieces: Math.max(1, Math.ceil(Math.ceil(bytes / 2) / chunkBytes)),
      };
    case 'hierarchical-all-reduce': {
      // Group the ranks by server, in local-index order within each.
      const byServer = new Map<string, number[]>();
      for (const r of ranks) {
        const gpu = topology.gpus[r]!;
        byServer.set(gpu.server, [...(byServer.get(gpu.server) ?? []), r]);
      }
      const servers = [...byServer.values()].map((list) => list.sort((a, b) => topology.gpus[a]!.localIndex - topology.gpus[b]!.localIndex));
      const sizes = servers.map((list) => list.length);
      if (servers.length < 2 || sizes.some((size) => size !== sizes[0])) {
        throw badInput('a hierarchical all-reduce needs ranks on at least 2 servers, the same number on each', {
          field,
          value: sizes.join(' + '),
          expected: 'GPUs from 2 or more servers, equally many per server',
        });
      }
      return { kind, ranks, bytes, flows: hierarchicalAllReduceFlows(servers, bytes, startNs, chunkBytes), servers };
    }
    default:
      return ringCollective(kind, ranks, bytes, startNs, chunkBytes);
  }
}

export interface RunOptions {
  seed?: number;
  onProgress?: (simulatedNs: number, events: number) => void;
  /** Called with the packet network once the run ends (counters the metrics leave out, for the benchmark). */
  onPacketNetwork?: (net: PacketNetwork) => void;
}

/** Percentile of a sorted array (nearest rank). */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export const round = (x: number, digits = 3): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/**
 * Simulates a scenario at packet level (whatever its `fidelity`) and returns its metrics
 * (JSON-ready, deterministic for a seed). `simulateScenario` (scenario-models.ts) honours the
 * scenario's fidelity.
 */
export function runScenario(scenario: Scenario, options: RunOptions = {}) {
  const seed = options.seed ?? 1;
  const { net, traffic } = preparePacketRun(scenario, seed);
  if (options.onProgress !== undefined) {
    const hook = options.onProgress;
    net.engine.onProgress((r) => {
      hook(r.nowNs, r.eventsProcessed);
    }, { everyEvents: 200_000 });
  }
  net.run(scenario.limitNs ?? Infinity);
  options.onPacketNetwork?.(net);
  return collectMetrics(scenario, seed, net, traffic);
}

/**
 * The scenario's packet network with its traffic added, not yet run: `runScenario` runs it to
 * the end; a live view (`weft ui --scenario`) advances `net.engine` in slices and reads the
 * network's counters between them.
 */
export function preparePacketRun(scenario: Scenario, seed = 1): { net: PacketNetwork; traffic: BuiltTraffic } {
  const topology = scenarioTopology(scenario);
  const traffic = buildTraffic(scenario, topology, seed);
  const net = new PacketNetwork(topology, {
    seed,
    transport: {
      cc: scenario.transport.cc,
      ackEveryPackets: scenario.transport.ackEveryPackets,
      rtoNs: scenario.transport.rtoNs,
      windowPackets: scenario.transport.windowPackets ?? Infinity,
      recovery: scenario.transport.recovery,
      reorderThresholdPackets: scenario.transport.reorderThresholdPackets,
    },
  });
  traffic.flows.forEach((f, i) => {
    if (net.pathPorts(f.src, f.dst).length === 0) {
      throw badInput('no path between these GPUs (links down?)', {
        field: 'traffic',
        value: `flow ${i}: ${topology.gpus[f.src]!.id} -> ${topology.gpus[f.dst]!.id}`,
        expected: 'GPUs connected by links that are up',
      });
    }
  });
  net.addFlows(traffic.flows);
  return { net, traffic };
}

/** Completion time, closed form and nccl-tests bandwidths of each collective, at any fidelity. */
export function collectiveMetrics(net: FabricNetwork, traffic: BuiltTraffic) {
  return traffic.collectives.map(({ collective, first, count }) => {
    let start = Infinity;
    let end = -Infinity;
    let complete = true;
    for (let i = first; i < first + count; i++) {
      if (collective.flows[i - first]!.deps.length === 0) start = Math.min(start, net.fStartNs[i]!);
      const done = net.fRecvDoneNs[i]!;
      if (Number.isNaN(done)) complete = false;
      else end = Math.max(end, done);
    }
    const n = collective.ranks.length;
    const timeNs = complete ? end - start : null;
    // The slowest pair the collective uses sets the pace: its alpha and bandwidth enter the closed form.
    const closedFormNs = collectiveClosedFormNs(collective, (a, b) => net.idealNs(a, b, 0));
    const algBwGbps = timeNs === null ? null : (collective.bytes * 8) / timeNs;
    return {
      kind: collective.kind,
      ranks: n,
      bytes: collective.bytes,
      flows: count,
      timeNs: timeNs === null ? null : round(timeNs),
      closedFormNs: round(closedFormNs),
      algBwGbps: algBwGbps === null ? null : round(algBwGbps),
      busBwGbps: algBwGbps === null ? null : round(algBwGbps * busBandwidthFactor(collective.kind, n)),
    };
  });
}

export type ScenarioResult = ReturnType<typeof collectMetrics>;

function collectMetrics(scenario: Scenario, seed: number, net: PacketNetwork, traffic: BuiltTraffic) {
  const topology = net.topology;
  // Measured up to the last completion (or the time limit when traffic remains).
  const allDone = net.counters.dataBytesDelivered === traffic.flows.reduce((sum, f) => sum + f.bytes, 0);
  const simulatedNs = allDone ? net.lastCompletionNs : net.engine.nowNs;
  const gpuId = (node: number) => topology.gpus[node]!.id;
  const flows = traffic.flows.map((f, i) => {
    const ideal = net.idealNs(f.src, f.dst, f.bytes);
    const fct = net.fRecvDoneNs[i]! - net.fStartNs[i]!;
    const done = !Number.isNaN(fct);
    return {
      id: i,
      src: gpuId(f.src),
      dst: gpuId(f.dst),
      bytes: f.bytes,
      startNs: done || !Number.isNaN(net.fStartNs[i]!) ? round(net.fStartNs[i]!) : null,
      fctNs: done ? round(fct) : null,
      idealNs: round(ideal.idealNs),
      slowdown: done ? round(fct / ideal.idealNs, 4) : null,
      retransmits: net.fRetransmits[i]!,
      timeouts: net.fTimeouts[i]!,
      intMaxQueueBytes: net.fIntMaxQueue[i]!,
      recovery: net.usesSelectiveRepeat(i) ? ('selective-repeat' as const) : ('go-back-n' as const),
      path: net.fPath[i]!.map((p) => net.portName[p]!),
    };
  });
  const completed = flows.filter((f) => f.fctNs !== null);
  const fcts = completed.map((f) => f.fctNs!).sort((a, b) => a - b);
  const slowdowns = completed.map((f) => f.slowdown!).sort((a, b) => a - b);

  const collectives = collectiveMetrics(net, traffic);

  const links = [];
  let utilSum = 0;
  let utilMax = 0;
  for (let p = 0; p < net.portCount; p++) {
    const bytes = net.portTxBytes[p]!;
    const utilisation = simulatedNs > 0 ? bytes / (net.portRate[p]! * simulatedNs) : 0;
    utilSum += utilisation;
    utilMax = Math.max(utilMax, utilisation);
    if (bytes > 0 || net.portPausesReceived[p]! > 0) {
      links.push({
        link: net.portName[p]!,
        wireBytes: bytes,
        payloadBytes: net.portDataBytes[p]!,
        utilisation: round(utilisation, 4),
        maxQueueBytes: net.portMaxQueue[p]!,
        pfcPausesReceived: net.portPausesReceived[p]!,
      });
    }
  }
  const c = net.counters;
  const totalBytes = traffic.flows.reduce((sum, f) => sum + f.bytes, 0);
  const q = net.queueDepth;
  return {
    scenario: scenario.name,
    fidelity: 'packet' as const,
    seed,
    cluster: {
      name: scenario.cluster === 'default' ? 'default' : scenario.cluster.name,
      gpus: topology.gpus.length,
      switches: topology.nodes.filter((n) => n.kind !== 'nic').length,
      links: topology.links.length,
      switch: topology.switchSpec.name,
      linkSpeedGbps: topology.linkSpeedGbps,
    },
    transport: { cc: net.cc.name, ackEveryPackets: net.transport.ackEveryPackets, rtoNs: net.transport.rtoNs },
    simulatedNs: round(simulatedNs),
    events: net.engine.eventsProcessed,
    summary: {
      flows: flows.length,
      completed: completed.length,
      fctP50Ns: percentile(fcts, 0.5),
      fctP99Ns: percentile(fcts, 0.99),
      slowdownP50: percentile(slowdowns, 0.5),
      slowdownP99: percentile(slowdowns, 0.99),
      slowdownMax: slowdowns.at(-1) ?? 0,
      linkUtilisationMean: round(utilSum / Math.max(1, net.portCount), 4),
      linkUtilisationMax: round(utilMax, 4),
      queueP50Bytes: round(q.quantile(0.5)),
      queueP90Bytes: round(q.quantile(0.9)),
      queueP99Bytes: round(q.quantile(0.99)),
      queueMaxBytes: q.max,
      pfcPauseFrames: c.pfcPauseFrames,
      pfcResumeFrames: c.pfcResumeFrames,
      pfcPausedNs: round(c.pfcPausedNs),
      ecnMarks: c.ecnMarks,
      cnps: c.cnps,
      drops: c.dataPacketsDropped + c.controlPacketsDropped,
      dataDrops: c.dataPacketsDropped,
      headroomDrops: c.headroomDrops,
      retransmittedPackets: c.retransmittedPackets,
      retransmittedBytes: c.retransmittedBytes,
      timeouts: c.timeouts,
      nacks: c.nacks,
      outOfOrderPackets: c.dataPacketsOutOfOrder,
      selectiveRepeatFlows: flows.filter((f) => f.recovery === 'selective-repeat').length,
    },
    conservation: {
      flowBytes: totalBytes,
      deliveredBytes: c.dataBytesDelivered,
      sentPackets: c.dataPacketsSent,
      deliveredPackets: c.dataPacketsDelivered,
      discardedPackets: c.dataPacketsDiscarded,
      droppedPackets: c.dataPacketsDropped,
      livePackets: net.livePackets,
      /** Every data packet sent was delivered in order, discarded by the receiver (out of order, duplicate) or dropped. */
      balanced: c.dataPacketsSent === c.dataPacketsDelivered + c.dataPacketsDiscarded + c.dataPacketsDropped && net.livePackets === 0,
      allDelivered: c.dataBytesDelivered === totalBytes,
    },
    collectives,
    flows,
    links,
  };
}
