import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClusterState } from '../cluster/cluster-state.js';
import { nodeSpec } from '../cluster/node-spec.js';
import { podSpec } from '../workload/pod.js';
import { clusterFragmentation, FragmentationTracker } from './node-view.js';
import { TargetWorkload } from './target-workload.js';

describe('FragmentationTracker', () => {
  it('equals clusterFragmentation after any sequence of placements and releases', () => {
    const workload = TargetWorkload.fromPods([
      podSpec({ name: 'a', gpuCount: 1, gpuMilli: 300 }), podSpec({ name: 'b', gpuCount: 1, gpuMilli: 700 }), podSpec({ name: 'c', gpuCount: 2 }),
    ]);
    const op = fc.record({ node: fc.nat({ max: 3 }), milli: fc.integer({ min: 1, max: 1000 }), release: fc.boolean() });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const cluster = new ClusterState(Array.from({ length: 4 }, (_, i) => nodeSpec({ name: `n${i}`, gpuType: 'T4', gpuCount: 4, cpuMilli: 64_000, memoryMiB: 65_536 })));
        const tracker = new FragmentationTracker(cluster, workload);
        const live: string[] = [];
        ops.forEach((o, k) => {
          if (o.release && live.length > 0) cluster.release(live.splice(o.node % live.length, 1)[0]!);
          else {
            const pod = podSpec({ name: `p${k}`, gpuCount: 1, gpuMilli: o.milli });
            if (cluster.gpusFit(pod, o.node)) {
              cluster.allocate(pod, o.node);
              live.push(pod.name);
            }
          }
          expect(tracker.measure()).toBe(clusterFragmentation(cluster, workload));
        });
      }),
      { seed: 3, numRuns: 100 },
    );
  });
});
