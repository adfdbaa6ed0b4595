import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../fabric-sim/engine/index.js';
import { taskFragmentation, nodeFragmentation, type NodeFreeView } from './fragmentation.js';
import { TargetWorkload, type TaskClass } from './target-workload.js';

const task = (gpuCount: number, gpuMilli: number, extra: Partial<TaskClass> = {}): TaskClass => ({
  cpuMilli: 1000, memoryMiB: 0, gpuCount, gpuMilli, gpuType: undefined, popularity: 1, ...extra,
});
const view = (gpuFree: number[], extra: Partial<NodeFreeView> = {}): NodeFreeView => ({
  gpuType: 'T4', freeCpu: 8000, freeMemory: 10_000, gpuFree: Int32Array.from(gpuFree), gpuCount: gpuFree.length, ...extra,
});

describe('taskFragmentation (F_n(m), Weng et al. section 4.1)', () => {
  it('counts GPUs whose free share is below the task demand when the task fits', () => {
    // 500-milli task fits on the idle GPU; the 300-milli remnant can never host it.
    expect(taskFragmentation(view([300, 1000]), task(1, 500))).toBe(300);
    // A whole-GPU task also fits (one idle GPU); every partial GPU is a fragment for it.
    expect(taskFragmentation(view([300, 1000, 999]), task(1, 1000))).toBe(1299);
    // Exactly enough free is usable, not a fragment.
    expect(taskFragmentation(view([500, 500]), task(1, 500))).toBe(0);
  });
  it('counts every free share when the task cannot run on the node', () => {
    expect(taskFragmentation(view([300, 400]), task(1, 500))).toBe(700); // no GPU has 500
    expect(taskFragmentation(view([1000, 600]), task(2, 1000))).toBe(1600); // one idle GPU, two needed
    expect(taskFragmentation(view([1000], { freeCpu: 500 }), task(1, 100))).toBe(1000); // CPU short
    expect(taskFragmentation(view([1000], { freeMemory: 1 }), task(1, 100, { memoryMiB: 2 }))).toBe(1000);
    expect(taskFragmentation(view([1000]), task(1, 100, { gpuType: 'A100' }))).toBe(1000); // wrong model
    expect(taskFragmentation(view([800, 200]), task(0, 0))).toBe(1000); // CPU-only task uses no GPU
  });
});

describe('nodeFragmentation (F_n(M))', () => {
  it('weights per-task fragments by popularity', () => {
    // Half the tasks want 500 milli, half a whole GPU; one GPU with 600 free: 0.5*0 + 0.5*600.
    const m = new TargetWorkload([{ ...task(1, 500), popularity: 1 }, { ...task(1, 1000), popularity: 1 }]);
    expect(nodeFragmentation(view([600]), m)).toBe(300);
    // Both GPUs idle: no task sees a fragment.
    expect(nodeFragmentation(view([1000, 1000]), m)).toBe(0);
    expect(nodeFragmentation(view([]), m)).toBe(0);
  });
  it('validates popularities, quoting the bad value', () => {
    expect(() => new TargetWorkload([{ ...task(1, 500), popularity: -1 }])).toThrow(/got -1/);
    expect(() => new TargetWorkload([])).toThrow(/got 0/);
  });
});

describe('nodeFragmentation fast path', () => {
  it('equals the popularity-weighted sum of taskFragmentation on random nodes and workloads', () => {
    const random = RandomStream.derive(3, 'fragmentation-equivalence');
    for (let trial = 0; trial < 300; trial++) {
      const classes: TaskClass[] = Array.from({ length: random.integer(1, 12) }, () => {
        const kind = random.integer(0, 2);
        return {
          cpuMilli: random.integer(0, 8000),
          memoryMiB: random.integer(0, 4000),
          gpuCount: kind === 0 ? 0 : kind === 1 ? 1 : random.integer(1, 8),
          gpuMilli: kind === 0 ? 0 : kind === 1 ? random.integer(1, 1000) : 1000,
          gpuType: random.uniform() < 0.2 ? (random.uniform() < 0.5 ? 'T4' : 'A100') : undefined,
          popularity: random.uniform(),
        };
      });
      if (classes.every((c) => c.popularity === 0)) continue;
      const m = new TargetWorkload(classes);
      const node = view(
        Array.from({ length: random.integer(0, 8) }, () => (random.uniform() < 0.4 ? 1000 : random.integer(0, 1000))),
        { freeCpu: random.integer(0, 8000), freeMemory: random.integer(0, 4000), gpuType: random.uniform() < 0.5 ? 'T4' : 'G2' },
      );
      const reference = node.gpuCount === 0 ? 0 : m.classes.reduce((s, c) => s + c.popularity * taskFragmentation(node, c), 0);
      expect(nodeFragmentation(node, m)).toBeCloseTo(reference, 6);
    }
  });
});
