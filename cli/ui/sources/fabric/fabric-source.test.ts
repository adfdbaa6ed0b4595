import { describe, expect, it } from 'vitest';
import { CONTROL_WIRE_BYTES, DATA_OVERHEAD_BYTES } from '../../../../fabric-sim/packet/network.js';
import { loadScenarioFile, parseScenario, runScenario } from '../../../../fabric-sim/scenario.js';
import { FabricScenarioSource } from './fabric-source.js';

const example = (name: string) => new URL(`../../../../fabric-sim/examples/${name}`, import.meta.url).pathname;

/** Advances `source` to its end in slices of `wallMs` at `speed`, returning the number of slices. */
function drain(source: FabricScenarioSource, speed: number, wallMs = 100): number {
  let slices = 0;
  while (source.advance(wallMs, speed)) slices++;
  return slices + 1;
}

describe('FabricScenarioSource', () => {
  it('runs the 8-to-1 incast example in bounded slices to the same end as weft fabric run', () => {
    const scenario = loadScenarioFile(example('incast.yaml'));
    const whole = runScenario(scenario, { seed: 1 });
    const source = new FabricScenarioSource(scenario, { seed: 1, maxEventsPerSlice: 100 });
    const net = source.network;
    let before = net.engine.eventsProcessed;
    let slices = 0;
    let limited = 0;
    while (source.advance(100, 1e-4)) {
      // Never more than the budget per redraw; a slice that hits it says so.
      expect(net.engine.eventsProcessed - before).toBeLessThanOrEqual(100);
      if (source.snapshot().budgetLimited === true) limited++;
      before = net.engine.eventsProcessed;
      slices++;
    }
    expect(slices).toBeGreaterThan(10);
    expect(limited).toBeGreaterThan(0);
    const snap = source.snapshot();
    expect(net.counters.pfcPauseFrames).toBe(whole.summary.pfcPauseFrames);
    expect(snap.fabricTotals).toEqual({ pfcPauses: whole.summary.pfcPauseFrames, ecnMarks: whole.summary.ecnMarks });
    // The workload (one incast of 8 flows) is done, all bytes delivered.
    expect(snap.workloads).toHaveLength(1);
    expect(snap.workloads[0]).toMatchObject({ name: 't0 incast 8->1 srv8/gpu0', kind: 'flows', replicas: 8, gpus: 9, progress: 1 });
    expect(snap.workloads[0]!.state).toMatch(/^Done in \d/);
    // PFC pauses land on the senders' NIC ports (the switch pauses them), as weft fabric run reports.
    const paused = snap.links.filter((l) => l.pfcPauses > 0).map((l) => l.name).sort();
    const expected = whole.links.filter((l) => l.pfcPausesReceived > 0).map((l) => l.link).sort();
    expect(paused).toEqual(expected);
    // ECN marks per link add up to the fabric's, all on the egress towards the receiver.
    expect(snap.links.reduce((sum, l) => sum + l.ecnMarks, 0)).toBe(whole.summary.ecnMarks);
    expect(whole.summary.ecnMarks).toBeGreaterThan(0);
    expect(snap.links.find((l) => l.name === 'switch0->srv8/nic0')!.ecnMarks).toBe(whole.summary.ecnMarks);
    const kinds = snap.events.map((e) => e.kind);
    expect(kinds).toContain('start');
    expect(kinds).toContain('finish');
    expect(snap.events.some((e) => e.kind === 'congestion' && e.message.startsWith('PFC: '))).toBe(true);
    expect(snap.events.at(-1)!.message).toMatch(/simulation ended: all traffic delivered/);
  });

  it('measures a line-rate flow at ~100% on every link of its path and 0 elsewhere (closed form)', () => {
    // One 4 MB flow across the default leaf-spine (400G): its data fills each link on the path.
    const scenario = parseScenario({ traffic: [{ kind: 'flows', flows: [{ src: 'srv0/gpu0', dst: 'srv3/gpu7', bytes: 4_000_000 }] }] });
    const source = new FabricScenarioSource(scenario, { seed: 1, windowNs: 2_000 });
    // 4 MB at 50 bytes/ns takes ~80 µs: look mid-flow, after 40 µs in 2 µs slices.
    for (let i = 0; i < 20; i++) source.advance(1, 2e-3);
    const snap = source.snapshot();
    const path = runScenario(scenario).flows[0]!.path;
    expect(path.length).toBeGreaterThanOrEqual(3);
    for (const name of path) {
      const link = snap.links.find((l) => l.name === name)!;
      // Wire bytes over line rate: data at line rate, less nothing (ACKs go the other way).
      expect(link.utilization).toBeGreaterThan(0.97);
    }
    // ACKs (86 wire bytes, one per 4096 + 82-byte data packet: 2.06%) return on one path of the
    // same length (its own ECMP hash); every other link is idle.
    const ackShare = CONTROL_WIRE_BYTES / (4096 + DATA_OVERHEAD_BYTES);
    const others = snap.links.filter((l) => !path.includes(l.name));
    const ackPath = others.filter((l) => l.utilization > 0);
    expect(ackPath).toHaveLength(path.length);
    for (const link of ackPath) expect(link.utilization).toBeCloseTo(ackShare, 3);
    expect(ackPath.some((l) => l.name === 'srv3/nic7->leaf1')).toBe(true);
    expect(snap.linkWindowNs).toBeGreaterThanOrEqual(2_000);
    expect(snap.workloads[0]!.state).toBe('Running');
    expect(snap.workloads[0]!.progress).toBeGreaterThan(0.3);
    expect(snap.workloads[0]!.progress).toBeLessThan(0.7);
    // The GPU grid marks the two endpoints as busy.
    expect(snap.totals).toMatchObject({ gpus: 32, used: 2, free: 30 });
    expect(snap.nodes[0]!.gpus[0]!.workload).toBe('t0 flow srv0/gpu0->srv3/gpu7');
    expect(snap.nodes[0]!.location).toBe('leaf0');
    drain(source, 1e-3);
    expect(source.snapshot().workloads[0]!.progress).toBe(1);
  });

  it('reports a ring all-reduce against its closed form, and tiers its links', () => {
    const scenario = parseScenario({ traffic: [{ kind: 'all-reduce', ranks: ['srv0/gpu0', 'srv1/gpu0', 'srv2/gpu0', 'srv3/gpu0'], bytes: 1_000_000 }] });
    const whole = runScenario(scenario);
    const source = new FabricScenarioSource(scenario);
    drain(source, 1e-3);
    const snap = source.snapshot();
    const c = whole.collectives[0]!;
    expect(snap.workloads[0]).toMatchObject({ name: 't0 all-reduce x4', kind: 'collective', progress: 1 });
    const ratio = (c.timeNs! / c.closedFormNs).toFixed(2);
    expect(snap.workloads[0]!.state).toContain(`(closed form `);
    expect(snap.workloads[0]!.state).toContain(`x${ratio})`);
    const tiers = new Set(snap.links.map((l) => l.tier));
    expect([...tiers].sort()).toEqual(['host-leaf', 'leaf-spine', 'nvlink']);
    expect(snap.links.find((l) => l.name === 'leaf0->spine0')?.tier).toBe('leaf-spine');
    expect(snap.links.find((l) => l.name === 'srv0/nic0->leaf0')?.tier).toBe('host-leaf');
  });
});
