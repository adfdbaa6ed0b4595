import { describe, expect, it } from 'vitest';
import { parseScenario, type ScenarioInput } from '../scenario.js';
import { simulateScenario } from '../scenario-models.js';

/**
 * Issue 3's scenarios at all three fidelities. On uncongested scenarios flow level must agree
 * with the packet model within 10% (per-flow completion times and collective times); analytic
 * must equal the closed forms. Under congestion the gaps are measured and asserted to stay as
 * documented in fabric-sim/README.md, so a change in either model shows up here.
 */

const MiB = 1 << 20;
const star = (n: number) => ({
  name: 'star',
  servers: [{ count: n, gpuType: 'h100', gpusPerServer: 1 }],
  topology: { kind: 'single-switch' as const },
  switch: 'tomahawk5-64x800g',
});
const leafSpine = {
  name: 'ls',
  servers: [{ count: 32, gpuType: 'h100', gpusPerServer: 1 }],
  topology: { kind: 'leaf-spine' as const, hostsPerLeaf: 8, oversubscription: 2 },
  switch: 'tomahawk4-64x400g',
  linkSpeedGbps: 100,
};

function atAll(input: ScenarioInput) {
  const run = (fidelity: 'packet' | 'flow' | 'analytic') => simulateScenario(parseScenario({ ...input, fidelity }), { seed: 1 });
  return { packet: run('packet'), flow: run('flow'), analytic: run('analytic') };
}

const gap = (model: number, packet: number) => Math.abs(model / packet - 1);

describe('uncongested scenarios: flow within 10% of packet, analytic on the closed form', () => {
  it('one flow', () => {
    const r = atAll({ cluster: star(2), traffic: [{ kind: 'flows', flows: [{ src: 0, dst: 1, bytes: 2_000_000 }] }] });
    const ideal = r.packet.flows[0]!.idealNs;
    expect(gap(r.flow.flows[0]!.fctNs!, r.packet.flows[0]!.fctNs!)).toBeLessThan(0.01);
    expect(r.flow.flows[0]!.fctNs).toBeCloseTo(ideal, 0);
    expect(r.analytic.flows[0]!.fctNs).toBeCloseTo(ideal, 0);
  });

  for (const [n, bytes] of [
    [8, MiB],
    [16, 16 * MiB],
  ] as const) {
    it(`ring all-reduce n = ${n}, S = ${bytes / MiB} MiB`, () => {
      const r = atAll({ cluster: star(n), traffic: [{ kind: 'all-reduce', bytes }] });
      const [p, f, a] = [r.packet.collectives[0]!, r.flow.collectives[0]!, r.analytic.collectives[0]!];
      expect(gap(f.timeNs!, p.timeNs!)).toBeLessThan(0.1);
      expect(a.timeNs).toBeCloseTo(a.closedFormNs, 0);
      expect(f.timeNs).toBeCloseTo(f.closedFormNs, 0);
    });
  }

  it('a permutation and an all-to-all on one switch', () => {
    const perm = atAll({ cluster: star(16), traffic: [{ kind: 'permutation', bytes: 1_000_000 }] });
    for (let i = 0; i < 16; i++) expect(gap(perm.flow.flows[i]!.fctNs!, perm.packet.flows[i]!.fctNs!)).toBeLessThan(0.1);
    const a2a = atAll({ cluster: star(8), traffic: [{ kind: 'all-to-all', bytes: 8_000_000 }] });
    expect(gap(a2a.flow.collectives[0]!.timeNs!, a2a.packet.collectives[0]!.timeNs!)).toBeLessThan(0.1);
    // alpha + (n-1)/n S/B at the NIC.
    expect(a2a.analytic.collectives[0]!.timeNs).toBeCloseTo(a2a.analytic.collectives[0]!.closedFormNs, 0);
  });
});

describe('congested scenarios: the measured gaps', () => {
  it('incast 8 -> 1: every fidelity gives the receiver link n S / B (packet within 2%)', () => {
    const r = atAll({ cluster: star(9), transport: { cc: 'none' }, traffic: [{ kind: 'incast', senders: [0, 1, 2, 3, 4, 5, 6, 7], receiver: 8, bytes: 1_000_000 }] });
    // Measured p99 FCT: packet 82.4 us, flow 82.4 us, analytic 82.4 us.
    expect(gap(r.flow.summary.fctP99Ns, r.packet.summary.fctP99Ns)).toBeLessThan(0.02);
    expect(gap(r.analytic.summary.fctP99Ns, r.packet.summary.fctP99Ns)).toBeLessThan(0.02);
  });

  it('ECMP permutation on a 2:1 leaf-spine: flow follows the same hash collisions (within 5%), analytic is the collision-free bound', () => {
    const r = atAll({ cluster: leafSpine, switch: { pfc: true }, transport: { cc: 'none' }, traffic: [{ kind: 'permutation', bytes: 1_000_000 }] });
    // Measured p99 FCT: packet 417 us, flow 411 us, analytic 166 us (2:1 bisection, no collisions).
    expect(gap(r.flow.summary.fctP99Ns, r.packet.summary.fctP99Ns)).toBeLessThan(0.05);
    expect(r.analytic.summary.fctP99Ns).toBeLessThan(0.5 * r.packet.summary.fctP99Ns);
    // Analytic spreads each leaf's cross-leaf bytes evenly over its uplinks: a bound on the
    // slowest flow, not on each one (a flow alone on its uplink beats it at packet level).
    expect(r.analytic.summary.fctP99Ns).toBeGreaterThan(r.packet.summary.fctP50Ns * 0.5);
  });

  it('all-to-all on a 2:1 leaf-spine with adaptive routing: analytic and flow (ideal spreading) sit 8% under packet, on the bisection bound', () => {
    const r = atAll({ cluster: leafSpine, switch: { pfc: true, loadBalancing: 'ADAPTIVE' }, traffic: [{ kind: 'all-to-all', bytes: 32 * 50_000 }] });
    const [p, f, a] = [r.packet.collectives[0]!.timeNs!, r.flow.collectives[0]!.timeNs!, r.analytic.collectives[0]!.timeNs!];
    // Bisection: 8 hosts x 24 remote peers x 50 kB over 4 uplinks of 100 Gb/s x 4096/4178.
    const bisectionNs = (8 * 24 * 50_000) / (4 * 12.5 * (4096 / 4178));
    expect(a).toBeGreaterThan(bisectionNs);
    expect(a).toBeLessThan(bisectionNs + 5_000);
    // Measured: packet 216.6 us, flow 198.4 us, analytic 198.4 us (ECMP paths at flow level: 255.6 us).
    expect(p / a).toBeGreaterThan(1.03);
    expect(p / a).toBeLessThan(1.15);
    expect(gap(f, p)).toBeLessThan(0.1);
  });

  it('sprayed permutation on a 2:1 leaf-spine: flow level (pooled uplinks) within 10% of packet at p99', () => {
    const r = atAll({ cluster: leafSpine, switch: { pfc: true, loadBalancing: 'PACKET_SPRAY' }, transport: { cc: 'none' }, traffic: [{ kind: 'permutation', bytes: 1_000_000 }] });
    // Measured p99 FCT: packet 177.7 us, flow 165.8 us, analytic 165.8 us.
    expect(gap(r.flow.summary.fctP99Ns, r.packet.summary.fctP99Ns)).toBeLessThan(0.1);
  });
});

describe('fidelity runs', () => {
  it('are deterministic and far cheaper than packets', () => {
    const input: ScenarioInput = { cluster: star(16), traffic: [{ kind: 'all-reduce', bytes: 16 * MiB }], fidelity: 'flow' };
    const a = simulateScenario(parseScenario(input), { seed: 4 });
    expect(JSON.stringify(simulateScenario(parseScenario(input), { seed: 4 }))).toBe(JSON.stringify(a));
    const packet = simulateScenario(parseScenario({ ...input, fidelity: 'packet' }), { seed: 4 });
    expect(a.events * 100).toBeLessThan(packet.events);
    expect(a.fidelity).toBe('flow');
  });
});
