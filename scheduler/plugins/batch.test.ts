import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../fabric-sim/engine/index.js';
import { ClusterState } from '../cluster/cluster-state.js';
import { nodeSpec } from '../cluster/node-spec.js';
import { TargetWorkload } from '../fgd/target-workload.js';
import { GangDirectory } from '../framework/gangs.js';
import type { CycleContext, FilterPlugin, ScorePlugin } from '../framework/plugin.js';
import { Status } from '../framework/status.js';
import { podSpec, type PodSpec } from '../workload/pod.js';
import { AllocationScore } from './allocation-score.js';
import { BestFit } from './best-fit.js';
import { DotProduct } from './dot-product.js';
import { FragmentationGradient } from './fgd.js';
import { NodeAffinityPlugin } from './node-affinity.js';
import { NodeUnschedulable } from './node-unschedulable.js';
import { RandomScore } from './random-score.js';
import { ResourceFit } from './resource-fit.js';
import { TaintToleration } from './taint-toleration.js';
import { TopologyLocality } from './topology-locality.js';

/**
 * Every `filterNodes` / `scoreNodes` (the framework's batch forms) agrees with the plugin's
 * per-node `filter` / `score`, node by node, on random cluster states and pods.
 */
const random = RandomStream.derive(17, 'plugins/batch.test');

function randomCluster(): ClusterState {
  const nodes = Array.from({ length: random.integer(4, 40) }, (_, i) => {
    const kind = random.integer(0, 3);
    return nodeSpec({
      name: `n${i}`,
      gpuType: ['T4', 'A100', 'H100', ''][kind],
      gpuCount: [2, 4, 8, 0][kind],
      cpuMilli: 32_000,
      memoryMiB: 131_072,
      cordoned: random.uniform() < 0.1,
      labels: random.uniform() < 0.3 ? { zone: 'z1' } : {},
      taints: random.uniform() < 0.2 ? [{ key: 'dedicated', value: 'x', effect: random.uniform() < 0.5 ? 'NoSchedule' : 'PreferNoSchedule' }] : [],
      nvlinkDomain: i >> 1,
      leaf: i >> 2,
    });
  });
  const cluster = new ClusterState(nodes);
  // Random load, so free resources differ per node.
  for (let p = 0; p < nodes.length * 3; p++) {
    const pod = randomPod(`load${p}`);
    const node = random.integer(0, nodes.length - 1);
    const fits = cluster.freeCpu(node) >= pod.cpuMilli && cluster.freeMemory(node) >= pod.memoryMiB && cluster.node(node).gpuCount > 0 && cluster.gpusFit(pod, node);
    if (fits) cluster.allocate(pod, node);
  }
  return cluster;
}

function randomPod(name: string): PodSpec {
  const kind = random.integer(0, 2);
  return podSpec({
    name,
    cpuMilli: random.integer(0, 12) * 1000,
    memoryMiB: random.integer(0, 12) * 4096,
    gpuCount: kind === 0 ? 0 : kind === 1 ? 1 : random.integer(1, 4),
    gpuMilli: kind === 0 ? 0 : kind === 1 ? random.integer(1, 10) * 100 : 1000,
    tolerations: random.uniform() < 0.3 ? [{ key: 'dedicated', operator: 'Exists' }] : [],
    affinity: random.uniform() < 0.3 ? { preferred: [{ weight: 5, term: [{ key: 'zone', operator: 'In', values: ['z1'] }] }] } : undefined,
  });
}

const ctxOf = (cluster: ClusterState): CycleContext => ({
  cluster,
  nowNs: 0,
  cycle: new Map(),
  handle: { waitingPods: () => [].values(), allow: () => undefined, reject: () => undefined, evict: () => undefined },
});

/** Random subset of node indexes, ascending. */
function someNodes(cluster: ClusterState): Int32Array {
  const all = Array.from({ length: cluster.nodeCount }, (_, i) => i).filter(() => random.uniform() < 0.8);
  return Int32Array.from(all);
}

describe('batch forms of filters and scores', () => {
  it('filterNodes keeps exactly the nodes filter passes, in order, with the same failing statuses', () => {
    const filters: FilterPlugin[] = [new NodeUnschedulable(), new ResourceFit()];
    for (let trial = 0; trial < 60; trial++) {
      const cluster = randomCluster();
      const ctx = ctxOf(cluster);
      const pod = randomPod('p');
      for (const plugin of filters) {
        const nodes = someNodes(cluster);
        const expectedKept = [...nodes].filter((n) => plugin.filter(ctx, pod, n).isSuccess);
        const statuses = new Array<Status>(cluster.nodeCount).fill(Status.SUCCESS);
        const batch = Int32Array.from(nodes);
        const kept = plugin.filterNodes!(ctx, pod, batch, batch.length, statuses);
        expect([...batch.subarray(0, kept)], plugin.name).toEqual(expectedKept);
        for (const n of nodes) expect(statuses[n], `${plugin.name} node ${n}`).toBe(plugin.filter(ctx, pod, n));
      }
    }
  });

  it('scoreNodes gives score node by node (seeded Random draws in the same order)', () => {
    for (let trial = 0; trial < 60; trial++) {
      const cluster = randomCluster();
      const ctx = ctxOf(cluster);
      const pods = Array.from({ length: 20 }, (_, i) => randomPod(`w${i}`));
      const workload = TargetWorkload.fromPods(pods);
      const pairs: [ScorePlugin, ScorePlugin][] = [
        [new AllocationScore('most'), new AllocationScore('most')],
        [new AllocationScore('least', { cpu: 1, memory: 2, gpu: 3 }), new AllocationScore('least', { cpu: 1, memory: 2, gpu: 3 })],
        [new BestFit(cluster), new BestFit(cluster)],
        [new DotProduct(), new DotProduct()],
        [new FragmentationGradient(workload), new FragmentationGradient(workload)],
        [new TaintToleration(), new TaintToleration()],
        [new NodeAffinityPlugin(), new NodeAffinityPlugin()],
        [new TopologyLocality(new GangDirectory()), new TopologyLocality(new GangDirectory())],
        [new RandomScore(trial), new RandomScore(trial)],
      ];
      const pod = pods[random.integer(0, pods.length - 1)]!;
      // Score only nodes the pod fits on (the framework's contract: scores see feasible nodes).
      const nodes = Int32Array.from([...someNodes(cluster)].filter((n) => new NodeUnschedulable().filter(ctx, pod, n).isSuccess && new ResourceFit().filter(ctx, pod, n).isSuccess && (pod.gpuCount === 0 || cluster.node(n).gpuCount > 0)));
      // Score twice (memoised plugins answer the second time from their memo), then change a
      // node and score again: a stale memo would show.
      for (let repeat = 0; repeat < 3; repeat++) {
        if (repeat === 2) {
          const extra = podSpec({ name: `extra${trial}`, cpuMilli: 1000, memoryMiB: 1024 });
          const target = [...nodes].find((n) => cluster.freeCpu(n) >= 1000 + pod.cpuMilli && cluster.freeMemory(n) >= 1024 + pod.memoryMiB);
          if (target === undefined) break;
          cluster.allocate(extra, target);
        }
        for (const [batchPlugin, singlePlugin] of pairs) {
          const out = new Float64Array(nodes.length);
          batchPlugin.scoreNodes!(ctx, pod, nodes, nodes.length, out);
          const expected = [...nodes].map((n) => singlePlugin.score(ctx, pod, n));
          expect([...out], `${batchPlugin.name} (pass ${repeat})`).toEqual(expected);
        }
      }
    }
  });
});
