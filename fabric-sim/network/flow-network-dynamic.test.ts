/**
 * Flows started while the engine runs (`FlowNetwork.startFlow` on a shared engine), against
 * the closed forms of max-min sharing, and against the same flows defined up front.
 */
import { describe, expect, it } from 'vitest';
import { ClusterSpecSchema, type ClusterSpecInput } from '../cluster/spec.js';
import { buildTopology } from '../cluster/topology.js';
import { Engine } from '../engine/engine.js';
import { FlowNetwork } from './flow-network.js';

const star = (n: number): ClusterSpecInput => ({
  servers: [{ count: n, gpuType: 'h100', gpusPerServer: 1 }],
  topology: { kind: 'single-switch' },
  switch: 'tomahawk5-64x800g',
  linkSpeedGbps: 400,
});
const leafSpine: ClusterSpecInput = {
  servers: [{ count: 32, gpuType: 'h100', gpusPerServer: 1 }],
  topology: { kind: 'leaf-spine', hostsPerLeaf: 8, oversubscription: 2 },
  switch: 'tomahawk4-64x400g',
  linkSpeedGbps: 100,
};
const topology = (input: ClusterSpecInput) => buildTopology(ClusterSpecSchema.parse(input));

/** A FlowNetwork on a caller's engine, and a way to run `action` at `timeNs` inside that engine. */
function shared(input: ClusterSpecInput) {
  const engine = new Engine({ seed: 1 });
  const net = new FlowNetwork(topology(input), { engine, seed: 1 });
  const actions: (() => void)[] = [];
  const kind = engine.register('test/action', (i) => {
    actions[i]!();
  });
  const at = (timeNs: number, action: () => void) => {
    actions.push(action);
    engine.scheduleAt(timeNs, kind, actions.length - 1);
  };
  return { engine, net, at };
}

describe('FlowNetwork.startFlow (flows added during a run)', () => {
  it('one flow alone finishes at start + alpha + bytes / B, and reports it to its handler', () => {
    const { engine, net, at } = shared(star(2));
    const bytes = 3_000_000;
    const done: number[] = [];
    at(5_000, () => {
      net.startFlow(0, 1, bytes, (f) => done.push(f, engine.nowNs));
    });
    engine.runUntilIdle();
    const ideal = net.idealNs(0, 1, bytes);
    expect(ideal.alphaNs).toBeGreaterThan(0);
    expect(done[0]).toBe(0);
    expect(done[1]).toBeCloseTo(5_000 + ideal.alphaNs + bytes / ideal.bandwidthBytesPerNs, 3);
    expect(net.fStartNs[0]).toBe(5_000);
    expect(net.fRecvDoneNs[0]).toBe(done[1]);
    expect(net.flowCount).toBe(1);
  });

  it('n equal flows into one receiver finish together at alpha + n x bytes / B', () => {
    const n = 6;
    const { engine, net, at } = shared(star(n + 1));
    const bytes = 1_000_000;
    at(0, () => {
      for (let s = 0; s < n; s++) net.startFlow(s, n, bytes);
    });
    engine.runUntilIdle();
    const ideal = net.idealNs(0, n, bytes);
    const closedNs = ideal.alphaNs + (n * bytes) / ideal.bandwidthBytesPerNs;
    for (let f = 0; f < n; f++) expect(net.fRecvDoneNs[f]).toBeCloseTo(closedNs, 3);
    // One recomputation for the n simultaneous arrivals, one for the simultaneous departures.
    expect(net.recomputations).toBe(2);
  });

  it('a flow arriving mid-way shares fairly from then on', () => {
    const { engine, net, at } = shared(star(3));
    const bytes = 2_000_000;
    const { alphaNs, bandwidthBytesPerNs: b } = net.idealNs(0, 2, bytes);
    const halfNs = bytes / 2 / b; // A has sent half when B arrives
    at(0, () => net.startFlow(0, 2, bytes));
    at(halfNs, () => net.startFlow(1, 2, bytes));
    engine.runUntilIdle();
    // A: its last half at B / 2 takes bytes / B. B: bytes / 2 at B / 2 alongside A, then the rest alone.
    expect(net.fRecvDoneNs[0]).toBeCloseTo(halfNs + bytes / b + alphaNs, 3);
    expect(net.fRecvDoneNs[1]).toBeCloseTo((2 * bytes) / b + alphaNs, 3);
  });

  it('gives the same completions as the same flows defined up front (ECMP paths included)', () => {
    const flows = Array.from({ length: 40 }, (_, i) => ({ src: i % 32, dst: (i * 7 + 11) % 32, bytes: 200_000 + 10_000 * i, startNs: 3_000 * i, deps: [] }));
    const upFront = new FlowNetwork(topology(leafSpine), { seed: 3 });
    upFront.addFlows(flows);
    upFront.run();
    const { engine, at } = (() => {
      const engine = new Engine({ seed: 3 });
      const actions: (() => void)[] = [];
      const kind = engine.register('test/action', (i) => {
        actions[i]!();
      });
      return { engine, at: (t: number, a: () => void) => engine.scheduleAt(t, kind, actions.push(a) - 1) };
    })();
    const dynamic = new FlowNetwork(topology(leafSpine), { engine, seed: 3 });
    for (const flow of flows) at(flow.startNs, () => dynamic.startFlow(flow.src, flow.dst, flow.bytes));
    engine.runUntilIdle();
    expect(dynamic.flowCount).toBe(flows.length);
    // Contention is real here: some flows take longer than their ideal.
    let slowed = 0;
    flows.forEach((flow, f) => {
      expect(dynamic.fRecvDoneNs[f]).toBeCloseTo(upFront.fRecvDoneNs[f]!, 3);
      if (upFront.fRecvDoneNs[f]! - flow.startNs > 1.05 * upFront.idealNs(flow.src, flow.dst, flow.bytes).idealNs) slowed++;
    });
    expect(slowed).toBeGreaterThan(0);
  });

  it('finishes flows late in a long run, where the clock resolution exceeds the byte slack', () => {
    // At 3e10 ns, ulp(now) x 50 bytes/ns > 1e-6 bytes: a leftover below the clock's resolution
    // must count as sent (before, its timer fired at the same instant forever).
    const { engine, net, at } = shared(star(3));
    for (let i = 0; i < 20; i++) at(3e10 + i * 1_234.567, () => net.startFlow(i % 2, 2, 262_144_000 / (i + 1)));
    engine.runUntilIdle();
    for (let f = 0; f < 20; f++) expect(net.fRecvDoneNs[f]).toBeGreaterThan(net.fStartNs[f]!);
    expect(engine.eventsProcessed).toBeLessThan(200);
  });

  it('rejects a flow to itself, without a route, or with bad bytes', () => {
    const { net } = shared(star(2));
    expect(() => net.startFlow(0, 0, 10)).toThrow(/same NIC/);
    expect(() => net.startFlow(0, 1, -1)).toThrow(/got -1/);
    expect(() => net.startFlow(0, 1, NaN)).toThrow(/got NaN/);
    net.startFlow(0, 1, 10);
    expect(() => { net.addFlows([{ src: 0, dst: 1, bytes: 1, startNs: 0, deps: [] }]); }).toThrow(/defined once/);
  });
});
