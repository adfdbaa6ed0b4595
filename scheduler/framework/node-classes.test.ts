import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../fabric-sim/engine/index.js';
import { ClusterState } from '../cluster/cluster-state.js';
import { nodeSpec, type NodeSpec } from '../cluster/node-spec.js';
import { TargetWorkload } from '../fgd/target-workload.js';
import { AllocationScore } from '../plugins/allocation-score.js';
import { BestFit } from '../plugins/best-fit.js';
import { DotProduct } from '../plugins/dot-product.js';
import { FragmentationGradient } from '../plugins/fgd.js';
import { GpuType } from '../plugins/gpu-type.js';
import { NodeAffinityPlugin } from '../plugins/node-affinity.js';
import { NodeUnschedulable } from '../plugins/node-unschedulable.js';
import { ResourceFit } from '../plugins/resource-fit.js';
import { TaintToleration } from '../plugins/taint-toleration.js';
import { podSpec, type PodSpec } from '../workload/pod.js';
import { Framework } from './framework.js';
import { GangDirectory } from './gangs.js';
import { TopologyLocality } from '../plugins/topology-locality.js';
import type { Plugin } from './plugin.js';

describe('node classes', () => {
  it('property: scoring one node per class gives exactly the full-scan decisions', () => {
    const random = RandomStream.derive(21, 'node-classes-equivalence');
    for (let trial = 0; trial < 12; trial++) {
      const nodes: NodeSpec[] = Array.from({ length: random.integer(5, 60) }, (_, i) => {
        const kind = random.integer(0, 3);
        return nodeSpec({
          name: `n${i}`,
          gpuType: ['T4', 'A100', 'H100', ''][kind],
          gpuCount: [2, 4, 8, 0][kind],
          cpuMilli: 32_000,
          memoryMiB: 131_072,
          cordoned: random.uniform() < 0.05,
          labels: random.uniform() < 0.3 ? { zone: 'z1' } : {},
          taints: random.uniform() < 0.1 ? [{ key: 'dedicated', value: 'x', effect: 'NoSchedule' }] : [],
        });
      });
      const podOf = (i: number): PodSpec => {
        const kind = random.integer(0, 3);
        return podSpec({
          name: `p${i}`,
          cpuMilli: random.integer(0, 8) * 1000,
          memoryMiB: random.integer(0, 8) * 4096,
          gpuCount: kind === 0 ? 0 : kind === 1 ? 1 : random.integer(1, 4),
          gpuMilli: kind === 0 ? 0 : kind === 1 ? random.integer(1, 10) * 100 : 1000,
          gpuType: random.uniform() < 0.2 ? 'A100' : undefined,
          affinity: random.uniform() < 0.2 ? { preferred: [{ weight: 5, term: [{ key: 'zone', operator: 'In', values: ['z1'] }] }] } : undefined,
        });
      };
      const pods = Array.from({ length: 150 }, (_, i) => podOf(i));
      const workload = TargetWorkload.fromPods(pods);
      const scorers = [
        () => new FragmentationGradient(workload),
        (c: ClusterState) => new BestFit(c),
        () => new AllocationScore('most'),
        () => new AllocationScore('least'),
        () => new DotProduct(),
      ];
      const pick = random.integer(0, scorers.length - 1);
      const build = (nodeClasses: boolean) => {
        const cluster = new ClusterState(nodes);
        const plugins: Plugin[] = [new NodeUnschedulable(), new TaintToleration(), new NodeAffinityPlugin(), new GpuType(), new ResourceFit(), scorers[pick]!(cluster), new TopologyLocality(new GangDirectory())];
        return new Framework({ cluster, nodeClasses, plugins: plugins.map((plugin) => ({ plugin, weight: 1 })) });
      };
      const fast = build(true);
      const full = build(false);
      for (const [i, pod] of pods.entries()) {
        const a = fast.scheduleOne(pod, 0);
        const b = full.scheduleOne(pod, 0);
        expect(a.kind).toBe(b.kind);
        if (a.kind !== 'unschedulable' && b.kind !== 'unschedulable') expect(a.node).toBe(b.node);
        else if (a.kind === 'unschedulable' && b.kind === 'unschedulable') expect(a.diagnosis.toString()).toBe(b.diagnosis.toString());
        // Some departures, so classes split and merge.
        if (i % 7 === 6) {
          const victim = `p${random.integer(0, i)}`;
          if (fast.cluster.allocationOf(victim) !== undefined) {
            fast.cluster.release(victim);
            full.cluster.release(victim);
          }
        }
      }
    }
  });
});
