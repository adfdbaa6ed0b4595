import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../fabric-sim/engine/index.js';
import { podSpec, type PodSpec } from '../workload/pod.js';
import { ClusterState, GPU_MILLI } from './cluster-state.js';
import { nodeSpec } from './node-spec.js';

const node = (name: string, gpuCount: number) =>
  nodeSpec({ name, gpuType: gpuCount > 0 ? 'T4' : '', gpuCount, cpuMilli: 16_000, memoryMiB: 65_536 });

describe('nodeSpec and podSpec', () => {
  it('reject bad values, quoting them', () => {
    expect(() => nodeSpec({ name: 'a', cpuMilli: -1, memoryMiB: 1 })).toThrow(/cpuMilli .* got -1/);
    expect(() => nodeSpec({ name: 'a', cpuMilli: 1, memoryMiB: 1, gpuCount: 2 })).toThrow(/gpuType must be set when gpuCount is 2/);
    expect(() => podSpec({ name: 'p', gpuCount: 2, gpuMilli: 500 })).toThrow(/whole GPUs .* got 500/);
    expect(() => podSpec({ name: 'p', gpuCount: 1, gpuMilli: 1200 })).toThrow(/\[1, 1000\], got 1200/);
    expect(() => podSpec({ name: 'p', gpuMilli: 300 })).toThrow(/must be 0 when gpuCount is 0, got 300/);
    expect(podSpec({ name: 'p', gpuCount: 2 }).gpuMilli).toBe(1000);
  });
  it('rejects duplicate node names', () => {
    expect(() => new ClusterState([node('a', 1), node('a', 2)])).toThrow(/duplicate node name "a"/);
  });
});

describe('ClusterState', () => {
  it('packs fractional pods best-fit inside a node and keeps summaries', () => {
    const state = new ClusterState([node('n0', 2)]);
    state.allocate(podSpec({ name: 'a', gpuCount: 1, gpuMilli: 600 }), 0);
    expect([state.gpuFree(0, 0), state.gpuFree(0, 1)]).toEqual([400, 1000]);
    // 300 fits on both GPUs; best fit takes the fuller one.
    state.allocate(podSpec({ name: 'b', gpuCount: 1, gpuMilli: 300 }), 0);
    expect([state.gpuFree(0, 0), state.gpuFree(0, 1)]).toEqual([100, 1000]);
    expect(state.fullyFreeGpus(0)).toBe(1);
    expect(state.maxGpuFree(0)).toBe(1000);
    expect(state.gpuMilliAllocated).toBe(900);
    expect(state.gpusFit(podSpec({ name: 'w', gpuCount: 2 }), 0)).toBe(false);
    const v = state.version(0);
    state.release('a');
    expect(state.version(0)).not.toBe(v);
    expect([state.gpuFree(0, 0), state.gpuFree(0, 1)]).toEqual([700, 1000]);
    expect(state.gpuMilliAllocated).toBe(300);
  });

  it('refuses over-allocation with an error naming the pod', () => {
    const state = new ClusterState([node('n0', 1)]);
    state.allocate(podSpec({ name: 'a', gpuCount: 1, gpuMilli: 600 }), 0);
    expect(() => state.allocate(podSpec({ name: 'b', gpuCount: 1, gpuMilli: 600 }), 0)).toThrow(/pod b needs 1 GPU/);
    expect(() => state.allocate(podSpec({ name: 'c', gpuCount: 1, gpuMilli: 300 }), 0, [0, 0])).toThrow(/pod c needs 1 GPU/);
    expect(() => state.allocate(podSpec({ name: 'a' }), 0)).toThrow(/"a" is already allocated/);
    expect(() => state.allocate(podSpec({ name: 'd', cpuMilli: 20_000 }), 0)).toThrow(/does not fit on n0/);
    expect(() => state.release('zz')).toThrow(/"zz" is not allocated/);
  });

  it('property: random allocate/release never over-allocates and conserves capacity', () => {
    const random = RandomStream.derive(7, 'cluster-state-property');
    const nodes = Array.from({ length: 6 }, (_, i) => node(`n${i}`, [0, 1, 2, 4, 8, 8][i]!));
    const state = new ClusterState(nodes);
    const live = new Map<string, PodSpec>();
    for (let step = 0; step < 3000; step++) {
      if (live.size > 0 && random.uniform() < 0.4) {
        const names = [...live.keys()];
        const name = names[random.integer(0, names.length - 1)]!;
        state.release(name);
        live.delete(name);
      } else {
        const kind = random.integer(0, 2);
        const pod = podSpec({
          name: `p${step}`,
          cpuMilli: random.integer(0, 4000),
          memoryMiB: random.integer(0, 8192),
          gpuCount: kind === 0 ? 0 : kind === 1 ? 1 : random.integer(1, 4),
          gpuMilli: kind === 0 ? 0 : kind === 1 ? random.integer(1, 1000) : 1000,
        });
        const target = random.integer(0, nodes.length - 1);
        const gpus = state.pickGpus(pod, target);
        if (gpus !== undefined && state.freeCpu(target) >= pod.cpuMilli && state.freeMemory(target) >= pod.memoryMiB) {
          state.allocate(pod, target, gpus);
          live.set(pod.name, pod);
        }
      }
      if (step % 97 === 0 || step === 2999) checkInvariants(state, live);
    }
  });
});

function checkInvariants(state: ClusterState, live: ReadonlyMap<string, PodSpec>): void {
  let allocated = 0;
  for (let i = 0; i < state.nodeCount; i++) {
    const spec = state.node(i);
    let cpu = 0;
    let mem = 0;
    const used = new Array<number>(spec.gpuCount).fill(0);
    for (const a of state.podsOn(i)) {
      cpu += a.pod.cpuMilli;
      mem += a.pod.memoryMiB;
      for (const g of a.gpus) used[g]! += a.pod.gpuMilli;
    }
    expect(state.freeCpu(i)).toBe(spec.cpuMilli - cpu);
    expect(state.freeMemory(i)).toBe(spec.memoryMiB - mem);
    expect(state.freeCpu(i)).toBeGreaterThanOrEqual(0);
    let fully = 0;
    let max = 0;
    used.forEach((u, g) => {
      expect(u).toBeLessThanOrEqual(GPU_MILLI);
      expect(state.gpuFree(i, g)).toBe(GPU_MILLI - u);
      if (u === 0) fully++;
      max = Math.max(max, GPU_MILLI - u);
      allocated += u;
    });
    expect(state.fullyFreeGpus(i)).toBe(fully);
    expect(state.maxGpuFree(i)).toBe(max);
  }
  expect(state.gpuMilliAllocated).toBe(allocated);
  expect(state.podCount).toBe(live.size);
}
