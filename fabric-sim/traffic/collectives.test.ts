import { describe, expect, it } from 'vitest';
import { WeftError } from '../../core/errors.js';
import { parseScenario, type ScenarioInput } from '../scenario.js';
import { simulateScenario } from '../scenario-models.js';
import { doubleBinaryTree, inOrderTreeParents, treeAllReduceFlows } from './tree.js';

/**
 * Double binary tree and hierarchical all-reduce: their structure, and their times at all
 * three fidelities against the closed forms of traffic/closed-forms.ts.
 */

const MiB = 1 << 20;
const star = (n: number) => ({
  name: 'star',
  servers: [{ count: n, gpuType: 'h100', gpusPerServer: 1 }],
  topology: { kind: 'single-switch' as const },
  switch: 'tomahawk5-64x800g',
});
/** Servers of g GPUs joined by NVLink (3.6 Tb/s), NICs on one 400G switch. */
const nvlinkCluster = (servers: number, g: number) => ({
  name: 'nvlink',
  servers: [{ count: servers, gpuType: 'h100', gpusPerServer: g, nvlink: { bandwidthGbps: 3_600 } }],
  topology: { kind: 'single-switch' as const },
  switch: 'tomahawk5-64x800g',
  linkSpeedGbps: 400,
});

function atAll(input: ScenarioInput) {
  const run = (fidelity: 'packet' | 'flow' | 'analytic') => simulateScenario(parseScenario({ ...input, fidelity }), { seed: 1 }).collectives[0]!;
  return { packet: run('packet'), flow: run('flow'), analytic: run('analytic') };
}

describe('double binary tree', () => {
  it('puts every rank inside at most one tree, and both trees span all ranks', () => {
    for (let n = 2; n <= 40; n++) {
      const trees = doubleBinaryTree(n);
      const interior = trees.map((parent) => {
        const set = new Set<number>();
        parent.forEach((up) => up >= 0 && set.add(up));
        return set;
      });
      for (let r = 0; r < n; r++) expect(interior[0]!.has(r) && interior[1]!.has(r)).toBe(false);
      for (const parent of trees) {
        expect(parent.filter((up) => up < 0)).toHaveLength(1);
        const children = new Map<number, number>();
        parent.forEach((up) => up >= 0 && children.set(up, (children.get(up) ?? 0) + 1));
        for (const count of children.values()) expect(count).toBeLessThanOrEqual(2);
        for (let r = 0; r < n; r++) {
          let hops = 0;
          for (let v = r; parent[v]! >= 0; v = parent[v]!) expect(++hops).toBeLessThan(n);
        }
      }
    }
  });

  it('has its leaves at the even positions of the in-order tree', () => {
    const parent = inOrderTreeParents(12);
    const hasChild = new Set(Array.from(parent).filter((up) => up >= 0));
    for (let p = 0; p < 12; p++) expect(hasChild.has(p)).toBe(p % 2 === 1);
  });

  it('moves S/2 over every tree edge up and again down: 2 (n - 1) flows of S/2 per tree', () => {
    const flows = treeAllReduceFlows([0, 1, 2, 3, 4, 5, 6], 700_000);
    expect(flows).toHaveLength(2 * 2 * 6);
    expect(flows.reduce((sum, f) => sum + f.bytes, 0)).toBe(2 * 2 * 6 * 350_000);
  });
});

describe('tree all-reduce on one switch (PFC, no congestion control)', () => {
  for (const [n, bytes] of [
    [8, MiB],
    [64, MiB],
  ] as const) {
    it(`n = ${n}, S = ${bytes / MiB} MiB: every fidelity within 2% of the critical-path closed form`, () => {
      const r = atAll({ cluster: star(n), transport: { cc: 'none' }, traffic: [{ kind: 'tree-all-reduce', bytes }] });
      // Measured (us): n=8 packet 58.5, closed form 58.3; n=64 packet 127.5, closed form 127.3.
      for (const c of [r.packet, r.flow, r.analytic]) expect(Math.abs(c.timeNs! / c.closedFormNs - 1)).toBeLessThan(0.02);
      expect(r.packet.busBwGbps).toBeCloseTo(((bytes * 8) / r.packet.timeNs!) * ((2 * (n - 1)) / n), 2);
    });
  }

  it('pipelined in 64 KiB pieces: packet within 12% above the closed form, flow and analytic slower', () => {
    const r = atAll({ cluster: star(16), transport: { cc: 'none' }, traffic: [{ kind: 'tree-all-reduce', bytes: 4 * MiB, chunkBytes: 64 * 1024 }] });
    const cf = r.packet.closedFormNs;
    expect(r.packet.timeNs!).toBeGreaterThan(cf);
    expect(r.packet.timeNs! / cf).toBeLessThan(1.12);
    // One piece in flight per edge: the cheaper models charge each piece's alpha and sharing in full.
    expect(r.flow.timeNs!).toBeGreaterThan(r.packet.timeNs!);
    expect(r.analytic.timeNs!).toBeGreaterThan(r.packet.timeNs!);
    expect(r.analytic.timeNs! / r.packet.timeNs!).toBeLessThan(1.35);
  });
});

describe('hierarchical all-reduce', () => {
  it('matches NVLink reduce-scatter + fabric ring + NVLink all-gather, and beats a flat ring by far', () => {
    const cluster = nvlinkCluster(2, 8);
    const r = atAll({ cluster, traffic: [{ kind: 'hierarchical-all-reduce', bytes: 4 * MiB }] });
    for (const c of [r.packet, r.flow, r.analytic]) expect(Math.abs(c.timeNs! / c.closedFormNs - 1)).toBeLessThan(0.03);
    const flat = simulateScenario(parseScenario({ cluster, traffic: [{ kind: 'all-reduce', bytes: 4 * MiB }], fidelity: 'analytic' })).collectives[0]!;
    expect(r.packet.timeNs! * 2).toBeLessThan(flat.timeNs!);
  });

  it('rejects ranks that sit on a single server', () => {
    expect(() =>
      simulateScenario(parseScenario({ cluster: nvlinkCluster(2, 4), traffic: [{ kind: 'hierarchical-all-reduce', bytes: MiB, ranks: [0, 1, 2, 3] }], fidelity: 'analytic' })),
    ).toThrow(WeftError);
  });
});
