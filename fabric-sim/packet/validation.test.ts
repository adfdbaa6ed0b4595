import { describe, expect, it } from 'vitest';
import { ClusterSpecSchema, type ClusterSpecInput } from '../cluster/spec.js';
import { parseScenario, runScenario, scenarioTopology, type ScenarioInput } from '../scenario.js';
import { PacketNetwork } from './network.js';

/**
 * The validation checks of issue 3: the packet model against closed forms and the behaviours
 * PFC, DCQCN and ECMP must show. Scenarios are kept small so the suite runs in seconds.
 */

const MiB = 1 << 20;

function singleSwitch(hosts: number, extra: Partial<ClusterSpecInput> = {}): ClusterSpecInput {
  return {
    name: `star${hosts}`,
    servers: [{ count: hosts, gpuType: 'h100', gpusPerServer: 1 }],
    topology: { kind: 'single-switch' },
    switch: 'tomahawk5-64x800g',
    ...extra,
  };
}

function run(input: ScenarioInput, seed = 1) {
  return runScenario(parseScenario(input), { seed });
}

describe('one flow', () => {
  it('reaches the effective bandwidth B within 1% and completes within 1% of alpha + size/B', () => {
    const scenario = parseScenario({ cluster: singleSwitch(2), traffic: [{ kind: 'flows', flows: [{ src: 0, dst: 1, bytes: 2_000_000 }] }] });
    const net = new PacketNetwork(scenarioTopology(scenario), { seed: 1 });
    net.addFlows([{ src: 0, dst: 1, bytes: 2_000_000, startNs: 0, deps: [] }]);
    net.run();
    const ideal = net.idealNs(0, 1, 2_000_000);
    // B = 800 Gb/s x 4096 / (4096 + 82) = 98.04 bytes/ns; alpha = 2 x 50 ns + 700 ns.
    expect(ideal.bandwidthBytesPerNs).toBeCloseTo(100 * (4096 / 4178), 6);
    expect(ideal.alphaNs).toBe(800);
    const rate = (2_000_000 - 4_096) / (net.fLastDataNs[0]! - net.fFirstDataNs[0]!);
    expect(Math.abs(rate / ideal.bandwidthBytesPerNs - 1)).toBeLessThan(0.01);
    const fct = net.fRecvDoneNs[0]! - net.fStartNs[0]!;
    expect(Math.abs(fct / ideal.idealNs - 1)).toBeLessThan(0.01);
  });

  it('adds one MTU serialization per store-and-forward hop', () => {
    const scenario = parseScenario({
      cluster: singleSwitch(2),
      switch: { forwarding: 'STORE_AND_FORWARD' },
      traffic: [{ kind: 'flows', flows: [{ src: 0, dst: 1, bytes: 1_000_000 }] }],
    });
    const result = runScenario(scenario);
    const flow = result.flows[0]!;
    expect(flow.idealNs).toBeCloseTo(800 + 4178 / 100 + 1_000_000 / (100 * (4096 / 4178)), 2);
    expect(Math.abs(flow.fctNs! / flow.idealNs - 1)).toBeLessThan(0.01);
  });
});

describe('ring all-reduce on one switch', () => {
  const cases: [number, number][] = [
    [8, MiB],
    [8, 16 * MiB],
    [16, MiB],
    [16, 16 * MiB],
    [64, MiB],
  ];
  for (const [n, bytes] of cases) {
    it(`n = ${n}, S = ${bytes / MiB} MiB completes within 5% of 2(n-1) alpha + 2(n-1)/n S/B`, () => {
      const result = run({ cluster: singleSwitch(n), traffic: [{ kind: 'all-reduce', bytes }] });
      const c = result.collectives[0]!;
      const alpha = 800;
      const B = 100 * (4096 / 4178);
      const closedForm = 2 * (n - 1) * alpha + ((2 * (n - 1)) / n) * (bytes / B);
      expect(c.closedFormNs).toBeCloseTo(closedForm, 0);
      expect(c.timeNs).not.toBeNull();
      expect(Math.abs(c.timeNs! / closedForm - 1)).toBeLessThan(0.05);
      expect(result.summary.drops).toBe(0);
      expect(c.busBwGbps).toBeCloseTo((bytes * 8) / c.timeNs! * ((2 * (n - 1)) / n), 2);
    });
  }
});

describe('incast', () => {
  const incast = (pfc: boolean): ScenarioInput => ({
    cluster: singleSwitch(9, { switch: 'tomahawk4-64x400g', linkSpeedGbps: 100, propagationDelayNs: 100 }),
    switch: { pfc, sharedBufferBytes: 150_000, reservedBytes: 0 },
    transport: { cc: 'none', rtoNs: 50_000 },
    traffic: [{ kind: 'incast', senders: [0, 1, 2, 3, 4, 5, 6, 7], receiver: 8, bytes: 400_000 }],
  });

  it('with PFC on loses nothing: the switch pauses the senders instead', () => {
    const result = run(incast(true));
    expect(result.summary.drops).toBe(0);
    expect(result.summary.retransmittedPackets).toBe(0);
    expect(result.summary.pfcPauseFrames).toBeGreaterThan(0);
    expect(result.conservation.allDelivered).toBe(true);
  });

  it('with PFC off and a small buffer drops and retransmits, yet every byte arrives', () => {
    const result = run(incast(false));
    expect(result.summary.dataDrops).toBeGreaterThan(0);
    expect(result.summary.retransmittedPackets).toBeGreaterThan(0);
    expect(result.summary.pfcPauseFrames).toBe(0);
    expect(result.conservation.allDelivered).toBe(true);
    expect(result.conservation.balanced).toBe(true);
  });
});

describe('DCQCN', () => {
  it('converges flows sharing a bottleneck to their fair share (Jain index >= 0.95)', () => {
    const senders = 4;
    const scenario = parseScenario({
      cluster: singleSwitch(senders + 1, { switch: 'tomahawk4-64x400g', linkSpeedGbps: 25, propagationDelayNs: 500 }),
      switch: { pfc: true },
      transport: { cc: 'dcqcn' },
      traffic: [{ kind: 'flows', flows: [{ src: 0, dst: senders, bytes: 1 }] }],
    });
    const net = new PacketNetwork(scenarioTopology(scenario), { seed: 1 });
    // Long flows starting 1 ms apart: the late ones must win back their share.
    net.addFlows(Array.from({ length: senders }, (_, i) => ({ src: i, dst: senders, bytes: 1e9, startNs: i * 1e6, deps: [] })));
    const windowStart = 20e6;
    const windowEnd = 40e6;
    net.run(windowStart);
    const before = Array.from({ length: senders }, (_, f) => net.deliveredBytes(f));
    net.run(windowEnd);
    const rates = before.map((b, f) => (net.deliveredBytes(f) - b) / (windowEnd - windowStart));
    const sum = rates.reduce((a, b) => a + b, 0);
    const jain = (sum * sum) / (senders * rates.reduce((a, b) => a + b * b, 0));
    expect(jain).toBeGreaterThanOrEqual(0.95);
    // The bottleneck stays busy: together the flows get most of 25 Gb/s.
    expect(sum * 8).toBeGreaterThan(0.8 * 25 * (4096 / 4178));
    expect(net.counters.cnps).toBeGreaterThan(0);
  });
});

describe('ECMP on a 2:1 oversubscribed leaf-spine', () => {
  it('collides flows on some uplinks while others idle, and the colliding flows take longer', () => {
    const result = run({
      cluster: {
        name: 'ls',
        servers: [{ count: 16, gpuType: 'h100', gpusPerServer: 1 }],
        topology: { kind: 'leaf-spine', hostsPerLeaf: 8, oversubscription: 2 },
        switch: 'tomahawk5-64x800g',
        linkSpeedGbps: 400,
      },
      transport: { cc: 'none' },
      traffic: [{ kind: 'flows', flows: [0, 1, 2, 3].map((i) => ({ src: i, dst: 8 + i, bytes: 4_000_000 })) }],
    });
    const uplinks = ['leaf0->spine0', 'leaf0->spine1', 'leaf0->spine2', 'leaf0->spine3'];
    const flowsOn = new Map(uplinks.map((u) => [u, [] as number[]]));
    for (const flow of result.flows) {
      const uplink = flow.path.find((hop) => hop.startsWith('leaf0->'))!;
      flowsOn.get(uplink)!.push(flow.id);
    }
    const counts = uplinks.map((u) => flowsOn.get(u)!.length);
    expect(Math.max(...counts)).toBeGreaterThanOrEqual(2);
    expect(Math.min(...counts)).toBe(0);
    const idle = uplinks.filter((u) => flowsOn.get(u)!.length === 0);
    for (const u of idle) expect(result.links.find((l) => l.link === u)).toBeUndefined();
    for (const ids of flowsOn.values()) {
      for (const id of ids) {
        const slowdown = result.flows[id]!.slowdown!;
        if (ids.length >= 2) expect(slowdown).toBeGreaterThan(1.8);
        else expect(slowdown).toBeLessThan(1.1);
      }
    }
  });
});

describe('conservation and determinism', () => {
  const lossy: ScenarioInput = {
    cluster: {
      name: 'ls',
      servers: [{ count: 8, gpuType: 'h100', gpusPerServer: 1 }],
      topology: { kind: 'leaf-spine', hostsPerLeaf: 4, oversubscription: 2 },
      switch: 'tomahawk4-64x400g',
      linkSpeedGbps: 100,
    },
    switch: { pfc: false, sharedBufferBytes: 60_000, reservedBytes: 0 },
    transport: { cc: 'dcqcn', rtoNs: 40_000 },
    traffic: [
      { kind: 'permutation', bytes: 300_000 },
      { kind: 'incast', senders: [1, 2, 3, 4, 5], receiver: 0, bytes: 100_000 },
    ],
  };

  it('delivers every byte: each packet sent is delivered, discarded by the receiver or dropped (then resent)', () => {
    const result = run(lossy, 5);
    const c = result.conservation;
    expect(result.summary.dataDrops).toBeGreaterThan(0);
    expect(c.allDelivered).toBe(true);
    expect(c.deliveredBytes).toBe(c.flowBytes);
    expect(c.sentPackets).toBe(c.deliveredPackets + c.discardedPackets + c.droppedPackets);
    expect(c.livePackets).toBe(0);
    expect(c.balanced).toBe(true);
  });

  it('gives byte-identical JSON for the same seed', () => {
    const a = JSON.stringify(run(lossy, 9));
    const b = JSON.stringify(run(lossy, 9));
    expect(a).toBe(b);
    expect(JSON.stringify(run(lossy, 10))).not.toBe(a);
  });
});

describe('cluster spec', () => {
  it('parses the validation clusters', () => {
    expect(ClusterSpecSchema.parse(singleSwitch(4)).mtuBytes).toBe(4096);
  });
});
