import { describe, expect, it } from 'vitest';
import { nodeSpec } from '../cluster/node-spec.js';
import { TargetWorkload } from '../fgd/target-workload.js';
import { BestFit } from '../plugins/best-fit.js';
import { GpuType } from '../plugins/gpu-type.js';
import { ResourceFit } from '../plugins/resource-fit.js';
import { podSpec } from '../workload/pod.js';
import { inflate, inflateMedian, type InflateOptions } from './inflate.js';

const nodes = Array.from({ length: 10 }, (_, i) => nodeSpec({ name: `n${i}`, gpuType: 'T4', gpuCount: 4, cpuMilli: 64_000, memoryMiB: 262_144 }));
const pods = [
  podSpec({ name: 'frac', cpuMilli: 4000, gpuCount: 1, gpuMilli: 300 }),
  podSpec({ name: 'one', cpuMilli: 8000, gpuCount: 1 }),
  podSpec({ name: 'two', cpuMilli: 8000, gpuCount: 2 }),
  podSpec({ name: 'cpu', cpuMilli: 2000 }),
];
const options: InflateOptions = {
  nodes, pods, seed: 1, maxArrivedShare: 1.3, step: 0.1, workload: TargetWorkload.fromPods(pods),
  plugins: (c) => [{ plugin: new GpuType(), weight: 1 }, { plugin: new ResourceFit(), weight: 1 }, { plugin: new BestFit(c), weight: 1 }],
};

describe('inflate', () => {
  it('records one point per step up to the target, with allocation bounded by arrivals and capacity', () => {
    const curve = inflate(options);
    expect(curve.map((p) => p.arrivedShare)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.2, 1.3]);
    for (const p of curve) {
      // A point is taken right after the pod that crosses the mark: it may overshoot by one pod (2 of 40 GPUs).
      expect(p.allocationRatio).toBeLessThanOrEqual(Math.min(1, p.arrivedShare + 0.05) + 1e-9);
      expect(p.allocationRatio + p.fragmentationRatio).toBeLessThanOrEqual(1 + 1e-9);
    }
    expect(curve[0]!.failedPods).toBe(0);
    expect(curve.at(-1)!.failedPods).toBeGreaterThan(0);
    expect(inflate(options)).toEqual(curve); // deterministic for a seed
  });

  it('takes medians over seeds and validates its inputs', () => {
    const runs = [1, 2, 3].map((seed) => inflate({ ...options, seed }));
    const median = inflateMedian(options, [1, 2, 3]);
    const values = runs.map((r) => r[9]!.allocationRatio).sort((a, b) => a - b);
    expect(median[9]!.allocationRatio).toBe(values[1]);
    expect(() => inflateMedian(options, [])).toThrow(/got 0/);
    expect(() => inflate({ ...options, maxArrivedShare: 0 })).toThrow(/got 0/);
    expect(() => inflate({ ...options, pods: [pods[3]!] })).toThrow(/GPU pods/);
  });
});
