import { createHash } from 'node:crypto';
import type { PacketNetwork } from '../fabric-sim/packet/network.js';
import { parseScenario, runScenario, type ScenarioInput } from '../fabric-sim/scenario.js';

/**
 * `node dist/bench/fabric-fingerprint.js [scenario]` (after `npm run build`): one line per
 * scenario with a hash of everything a packet-level run reports (the scenario metrics, every
 * counter, per-port bytes, queue maxima, pauses and ECN marks, the queue-depth histogram, peak
 * buffers), the event count beside it. A speed change to the packet model that must not change
 * results keeps every hash; compare the output before and after it. The event count is not
 * hashed: a change may remove events that do nothing.
 *
 * 12 small scenarios covering fat tree, leaf-spine, single switch and rail; ECMP, packet
 * spraying, flowlets and adaptive routing; PFC (with pauses), lossy (drops, NACKs, timeouts),
 * DCQCN, HPCC and no congestion control; go-back-N and selective repeat. About 2 s in all.
 */

type Lb = 'ECMP' | 'PACKET_SPRAY' | 'FLOWLET' | 'ADAPTIVE';
type Cc = 'none' | 'dcqcn' | 'hpcc';

function fatTree(name: string, k: number, cc: Cc, bytes: number): ScenarioInput {
  return {
    name,
    cluster: {
      name: `ft${k}`,
      servers: [{ count: (k * k * k) / 4, gpuType: 'h100', gpusPerServer: 1 }],
      topology: { kind: 'fat-tree', k },
      linkSpeedGbps: 100,
      propagationDelayNs: 1_000,
      mtuBytes: 4_096,
    },
    switch: { pfc: true, loadBalancing: 'ECMP', portToPortLatencyNs: 0 },
    transport: { cc },
    traffic: [{ kind: 'permutation', bytes }],
  };
}

/** 32 hosts, 2:1 oversubscribed leaf-spine, 1 MB permutation. */
function leafSpine(name: string, lb: Lb, pfc: boolean, cc: Cc, sharedBufferBytes?: number): ScenarioInput {
  return {
    name,
    cluster: {
      name: 'ls',
      servers: [{ count: 32, gpuType: 'h100', gpusPerServer: 1 }],
      topology: { kind: 'leaf-spine', hostsPerLeaf: 8, oversubscription: 2 },
      switch: 'tomahawk4-64x400g',
      linkSpeedGbps: 100,
    },
    switch: { loadBalancing: lb, pfc, ...(sharedBufferBytes === undefined ? {} : { sharedBufferBytes }) },
    transport: { cc },
    traffic: [{ kind: 'permutation', bytes: 1_000_000 }],
  };
}

/** 8-to-1 incast of 500 kB on one switch with a 200 kB shared buffer. */
function incast(name: string, cc: Cc, pfc: boolean): ScenarioInput {
  return {
    name,
    cluster: {
      name: 'incast',
      servers: [{ count: 9, gpuType: 'h100', gpusPerServer: 1 }],
      topology: { kind: 'single-switch' },
      switch: 'tomahawk4-64x400g',
      linkSpeedGbps: 100,
      propagationDelayNs: 500,
    },
    switch: { pfc, sharedBufferBytes: 200_000 },
    transport: { cc },
    traffic: [{ kind: 'incast', senders: [0, 1, 2, 3, 4, 5, 6, 7], receiver: 8, bytes: 500_000 }],
  };
}

const RAIL: ScenarioInput = {
  name: 'rail-16gpu-ring',
  cluster: {
    name: 'rail-16',
    servers: [{ count: 2, gpuType: 'h100', gpusPerServer: 8, nvlink: { bandwidthGbps: 3_600 } }],
    topology: { kind: 'rail-optimized', spines: 4 },
    linkSpeedGbps: 100,
    propagationDelayNs: 1_000,
    mtuBytes: 4_096,
  },
  switch: { pfc: true, portToPortLatencyNs: 0 },
  transport: { cc: 'dcqcn' },
  traffic: [{ kind: 'all-reduce', bytes: 4 * 1024 * 1024 }],
};

export const FINGERPRINT_SCENARIOS: readonly ScenarioInput[] = [
  fatTree('ft4-pfc', 4, 'none', 300_000),
  fatTree('ft4-dcqcn', 4, 'dcqcn', 300_000),
  fatTree('ft4-hpcc', 4, 'hpcc', 300_000),
  fatTree('ft8-pfc', 8, 'none', 2_000_000),
  leafSpine('ls-spray-lossy', 'PACKET_SPRAY', false, 'dcqcn', 1_000_000),
  leafSpine('ls-flowlet-pfc', 'FLOWLET', true, 'dcqcn', 300_000),
  leafSpine('ls-adaptive', 'ADAPTIVE', true, 'none'),
  leafSpine('ls-ecmp-lossy', 'ECMP', false, 'dcqcn', 300_000),
  incast('incast-hpcc-pfc', 'hpcc', true),
  incast('incast-dcqcn-pfc', 'dcqcn', true),
  incast('incast-dcqcn-lossy', 'dcqcn', false),
  RAIL,
];

/** Everything the run reports beyond the scenario metrics, as JSON. */
function networkState(net: PacketNetwork): string {
  return JSON.stringify({
    counters: net.counters,
    txBytes: Array.from(net.portTxBytes),
    dataBytes: Array.from(net.portDataBytes),
    maxQueue: Array.from(net.portMaxQueue),
    pauses: Array.from(net.portPausesReceived),
    ecnMarks: Array.from(net.portEcnMarks),
    live: net.livePackets,
    depthQuantiles: [0.5, 0.9, 0.99, 1].map((q) => net.queueDepth.quantile(q)),
    depthCount: net.queueDepth.count,
    lastCompletionNs: net.lastCompletionNs,
    peakBuffers: net.peakBufferBytes(),
  });
}

const only = process.argv[2];
for (const input of FINGERPRINT_SCENARIOS) {
  if (only !== undefined && input.name !== only) continue;
  let state = '';
  let events = 0;
  const result = runScenario(parseScenario(input), {
    onPacketNetwork: (net) => {
      events = net.engine.eventsProcessed;
      state = networkState(net);
    },
  });
  const metrics = JSON.stringify(result, (key, value: unknown) => (key === 'events' ? undefined : value));
  const hash = createHash('sha256').update(metrics).update(state).digest('hex').slice(0, 16);
  process.stdout.write(`${(input.name ?? '').padEnd(20)} ${hash} events=${events}\n`);
}
