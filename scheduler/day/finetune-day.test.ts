import { describe, expect, it } from 'vitest';
import { fabricCollectives } from '../../fabric-sim/training/index.js';
import { getGpu } from '../../gpu-model/index.js';
import type { TimedLendingAction } from '../elastic/pool-controller.js';
import { DEFAULT_FINE_TUNE } from './default-day.js';
import { REAL_DAY_NS, runFineTuneDay } from './finetune-day.js';

const gpu = getGpu('h100-sxm');
const net = fabricCollectives({ gpu, nicGbps: 400, gpusPerLeaf: 128, oversubscription: 1 });
const lend = (timeNs: number, workers: number): TimedLendingAction => ({ kind: 'lend', job: 'j', workers, gpus: workers, timeNs });

describe('runFineTuneDay', () => {
  it('maps lends onto the real day, merges same-instant changes of two pools into one restart, and gains over its base', () => {
    const dayNs = 600e9; // 10 simulated minutes: x144
    const pools = [
      { pool: 'a', actions: [lend(100e9, 8)] },
      { pool: 'b', actions: [lend(100e9, 8)] },
    ];
    const day = runFineTuneDay(DEFAULT_FINE_TUNE, { gpu, net, baseWorkers: 16, pools, dayNs });
    expect(day.maxWorkers).toBe(32);
    expect(day.maxWorkersAtNs).toBe(100e9 * (REAL_DAY_NS / dayNs));
    expect(day.progress.restarts).toBe(1);
    expect(day.lends).toBe(2);
    expect(day.lentGpuNs).toBeCloseTo(16 * (REAL_DAY_NS - 100e9 * 144), -6);
    expect(day.sequencesTrained).toBeGreaterThan(day.baseOnlySequences);
    expect(day.gradientBytes).toBeGreaterThan(0);
  });

  it('a job that never gets a GPU trains nothing and has no collective', () => {
    const day = runFineTuneDay(DEFAULT_FINE_TUNE, { gpu, net, baseWorkers: 0, pools: [], dayNs: 600e9 });
    expect(day.maxWorkers).toBe(0);
    expect(day.sequencesTrained).toBe(0);
    expect(day.gradientBytes).toBe(0);
    expect(day.stepTimeAtMaxNs).toBe(0);
  });
});
