import { describe, expect, it } from 'vitest';
import type { Allocation } from '../cluster/cluster-state.js';
import { podSpec, type PodSpecInput } from '../workload/pod.js';
import { lostWork } from './lost-work.js';

const MIN = 60e9;
const placed = (input: PodSpecInput, startNs = 0): Allocation => ({ pod: podSpec(input), node: 0, gpus: [], startNs });

describe('lostWork', () => {
  it('is the time since the last checkpoint plus the restart cost, times the GPU share', () => {
    // 8 GPUs, checkpoint every 10 min, running 25 min, 2 min restart: (5 + 2) min x 8000 milli.
    expect(lostWork(placed({ name: 'ft', gpuCount: 8, checkpointIntervalNs: 10 * MIN, restartCostNs: 2 * MIN }), 25 * MIN)).toBe(7 * MIN * 8000);
    // Never checkpoints: all its runtime is lost.
    expect(lostWork(placed({ name: 'ft', gpuCount: 1, restartCostNs: MIN }, 10 * MIN), 25 * MIN)).toBe(16 * MIN * 1000);
    // A fraction of a GPU weighs its share; a CPU-only pod weighs one milli-GPU.
    expect(lostWork(placed({ name: 'frac', gpuCount: 1, gpuMilli: 250 }), 4 * MIN)).toBe(4 * MIN * 250);
    expect(lostWork(placed({ name: 'cpu', cpuMilli: 1000 }), 3 * MIN)).toBe(3 * MIN);
  });
});
