import { describe, expect, it } from 'vitest';
import type { ClusterState } from '../cluster/cluster-state.js';
import { nodeSpec } from '../cluster/node-spec.js';
import { GangDirectory } from '../framework/gangs.js';
import { BestFit } from '../plugins/best-fit.js';
import { DefaultPreemption } from '../plugins/default-preemption.js';
import { GpuType } from '../plugins/gpu-type.js';
import { ResourceFit } from '../plugins/resource-fit.js';
import { podSpec } from '../workload/pod.js';
import { timeline, type TimedPod } from './timeline.js';

const nodes = [nodeSpec({ name: 'n0', gpuType: 'T4', gpuCount: 1, cpuMilli: 8000, memoryMiB: 8192 })];
const plugins = (c: ClusterState) => [
  { plugin: new GpuType(), weight: 1 }, { plugin: new ResourceFit(), weight: 1 }, { plugin: new BestFit(c), weight: 1 },
];

describe('timeline replay', () => {
  it('queues pods until resources free up, in priority then arrival order, and samples utilisation', () => {
    const pods: TimedPod[] = [
      { spec: podSpec({ name: 'a', gpuCount: 1 }), arrivalNs: 0, runtimeNs: 10 },
      { spec: podSpec({ name: 'b', gpuCount: 1 }), arrivalNs: 1, runtimeNs: 5 },
      { spec: podSpec({ name: 'c', gpuCount: 1, priority: 5 }), arrivalNs: 2, runtimeNs: 5 },
      { spec: podSpec({ name: 'd', gpuCount: 1, gpuMilli: 500 }), arrivalNs: 3, runtimeNs: 1 },
      { spec: podSpec({ name: 'huge', gpuCount: 2 }), arrivalNs: 4, runtimeNs: 1 },
    ];
    const result = timeline({ nodes, pods, plugins, sampleEveryNs: 5 });
    // a runs 0-10; c (higher priority) 10-15; b (earlier arrival) 15-20; d 20-21; huge never fits.
    expect(result.queueingDelaysNs).toEqual([0, 14, 8, 17]);
    expect(result.neverScheduled).toBe(1);
    expect(result.samples.map((s) => [s.timeNs, s.allocationRatio, s.running, s.pending])).toEqual([
      [0, 1, 1, 0], [5, 1, 1, 4], [10, 1, 1, 3], [15, 1, 1, 2], [20, 0.5, 1, 1], [25, 0, 0, 1],
    ]);
  });

  it('with preemption, an evicted pod stops, queues again and runs its whole runtime after the preemptor', () => {
    const withPreemption = (c: ClusterState) => [...plugins(c), { plugin: new DefaultPreemption({ gangs: new GangDirectory() }), weight: 1 }];
    const pods: TimedPod[] = [
      { spec: podSpec({ name: 'low', gpuCount: 1, preemptible: true }), arrivalNs: 0, runtimeNs: 10 },
      { spec: podSpec({ name: 'high', gpuCount: 1, priority: 10 }), arrivalNs: 2, runtimeNs: 3 },
    ];
    const result = timeline({ nodes, pods, plugins: withPreemption, sampleEveryNs: 1 });
    // low runs 0-2 and is evicted; high runs 2-5; low starts over at 5 and runs 5-15.
    expect(result.queueingDelaysNs).toEqual([0, 0]);
    expect(result.neverScheduled).toBe(0);
    const last = result.samples.at(-1)!;
    expect(last.timeNs).toBe(15);
    expect(last.running).toBe(0);
    expect(result.samples.find((x) => x.timeNs === 4)!.running).toBe(1);
  });

  it('validates its inputs, quoting the bad value', () => {
    expect(() => timeline({ nodes, pods: [], plugins, sampleEveryNs: 0 })).toThrow(/got 0/);
    const p = { spec: podSpec({ name: 'a' }), arrivalNs: 0, runtimeNs: 1 };
    expect(() => timeline({ nodes, pods: [p, p], plugins, sampleEveryNs: 1 })).toThrow(/duplicate pod name "a"/);
  });
});
