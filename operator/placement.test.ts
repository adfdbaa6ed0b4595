import { describe, expect, it } from 'vitest';
import { nodeSpec } from '../scheduler/index.js';
import { Placer } from './placement.js';

const node = (name: string, leaf: number, gpuType = 'h100-sxm') =>
  nodeSpec({ name, gpuType, gpuCount: 8, cpuMilli: 96_000, memoryMiB: 1_048_576, leaf, nvlinkDomain: leaf, rail: 0, spineGroup: 0 });
const demand = { gpus: 2, cpuMilli: 4000, memoryMiB: 32_768 };

describe('Placer', () => {
  it('counts occupied and newly placed pods: never more GPUs on a node than it has', () => {
    const placer = new Placer([node('n0', 0), node('n1', 1)]);
    expect(placer.occupy('x/a', 'n0', { gpus: 6, cpuMilli: 0, memoryMiB: 0 })).toBe(true);
    const nodes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = placer.place(`d/p-${i}`, demand);
      if (r.kind === 'placed') nodes.push(r.node);
    }
    // 2 free on n0, 8 on n1: five 2-GPU pods fit exactly.
    expect(nodes.filter((n) => n === 'n0')).toHaveLength(1);
    expect(nodes.filter((n) => n === 'n1')).toHaveLength(4);
    const full = placer.place('d/p-5', demand);
    expect(full.kind).toBe('unschedulable');
    if (full.kind === 'unschedulable') expect(full.reason).toMatch(/^0\/2 nodes are available/);
  });

  it("spreads one deployment's replicas over leaves", () => {
    const placer = new Placer([node('a0', 0), node('a1', 0), node('b0', 1)]);
    const leaves = [0, 1].map((i) => {
      const r = placer.place(`d/svc-${i}`, demand);
      return r.kind === 'placed' ? r.node.slice(0, 1) : r.reason;
    });
    expect(leaves.sort()).toEqual(['a', 'b']);
  });

  it('honours the GPU type and refuses to occupy an unknown node or beyond capacity', () => {
    const placer = new Placer([node('h', 0), node('a', 1, 'a100-80g-sxm')]);
    expect(placer.place('d/p', { ...demand, gpuType: 'a100-80g-sxm' })).toEqual({ kind: 'placed', node: 'a' });
    expect(placer.occupy('x/y', 'nowhere', demand)).toBe(false);
    expect(placer.occupy('x/z', 'h', { gpus: 9, cpuMilli: 0, memoryMiB: 0 })).toBe(false);
  });

  it('sync brings a kept placer to exactly the desired pods: what left is released, what came is occupied', () => {
    const placer = new Placer([node('n0', 0), node('n1', 1)]);
    const six = { gpus: 6, cpuMilli: 0, memoryMiB: 0 };
    expect(placer.sync(new Map([['x/a', { node: 'n0', demand: six }], ['x/b', { node: 'n1', demand: six }]]))).toEqual([]);
    // Both nodes have 2 GPUs free: a 4-GPU pod does not fit.
    expect(placer.place('d/big', { gpus: 4, cpuMilli: 0, memoryMiB: 0 }).kind).toBe('unschedulable');
    // x/a went away and the unclaimed decision is dropped: n0 is free again, and a 9-GPU pod is refused.
    expect(placer.sync(new Map([['x/b', { node: 'n1', demand: six }], ['x/c', { node: 'n0', demand: { gpus: 9, cpuMilli: 0, memoryMiB: 0 } }]]))).toEqual(['x/c']);
    expect(placer.place('d/big', { gpus: 4, cpuMilli: 0, memoryMiB: 0 })).toEqual({ kind: 'placed', node: 'n0' });
    // A placement nobody claims (not in the next desired set) is released by the next sync.
    placer.sync(new Map([['x/b', { node: 'n1', demand: six }]]));
    expect(placer.place('d/big2', { gpus: 8, cpuMilli: 0, memoryMiB: 0 })).toEqual({ kind: 'placed', node: 'n0' });
  });
});
