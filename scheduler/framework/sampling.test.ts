import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../fabric-sim/engine/index.js';
import { ClusterState } from '../cluster/cluster-state.js';
import { nodeSpec } from '../cluster/node-spec.js';
import { AllocationScore } from '../plugins/allocation-score.js';
import { GpuType } from '../plugins/gpu-type.js';
import { NodeUnschedulable } from '../plugins/node-unschedulable.js';
import { RandomScore } from '../plugins/random-score.js';
import { ResourceFit } from '../plugins/resource-fit.js';
import { TaintToleration } from '../plugins/taint-toleration.js';
import { podSpec } from '../workload/pod.js';
import { Framework } from './framework.js';
import type { CycleContext, FilterPlugin, ScorePlugin } from './plugin.js';

/**
 * The framework's sampled scan (`feasibleNodesToFind`: filters run plugin by plugin over
 * chunks of nodes) against a node-by-node reference written from the contract: from where the
 * last scan stopped, filter node after node in profile order until `limit` pass, stop right
 * after the last one, score (normalised, weighted), take the highest (ties: lowest index).
 */
describe('sampled scan (feasibleNodesToFind)', () => {
  it('places every pod where the node-by-node reference does, and rotates the start the same way', () => {
    const random = RandomStream.derive(5, 'framework/sampling.test');
    for (let trial = 0; trial < 20; trial++) {
      const nodes = Array.from({ length: random.integer(20, 120) }, (_, i) => {
        const cpuOnly = random.uniform() < 0.2;
        return nodeSpec({
          name: `n${i}`,
          gpuType: cpuOnly ? '' : 'H100',
          gpuCount: cpuOnly ? 0 : 8,
          cpuMilli: 64_000,
          memoryMiB: 262_144,
          cordoned: random.uniform() < 0.1,
          taints: random.uniform() < 0.1 ? [{ key: 'k', value: 'v', effect: 'NoSchedule' }] : [],
        });
      });
      const limit = random.integer(1, 70);
      const seed = random.integer(0, 1000);
      const make = () => {
        const cluster = new ClusterState(nodes);
        const filters: FilterPlugin[] = [new NodeUnschedulable(), new TaintToleration(), new GpuType(), new ResourceFit()];
        const scores: ScorePlugin[] = [new AllocationScore('least'), new RandomScore(seed)];
        return { cluster, filters, scores };
      };
      const fast = make();
      const framework = new Framework({
        cluster: fast.cluster,
        plugins: [...fast.filters.map((plugin) => ({ plugin, weight: 1 })), { plugin: fast.scores[0]!, weight: 2 }, { plugin: fast.scores[1]!, weight: 1 }],
        feasibleNodesToFind: limit,
      });
      const ref = make();
      const ctx: CycleContext = { cluster: ref.cluster, nowNs: 0, cycle: new Map(), handle: { waitingPods: () => [].values(), allow: () => undefined, reject: () => undefined, evict: () => undefined } };
      let start = 0;
      for (let p = 0; p < 150; p++) {
        const pod = podSpec({ name: `p${p}`, cpuMilli: random.integer(1, 16) * 1000, memoryMiB: 8192, gpuCount: random.integer(0, 3), tolerations: [] });
        // Reference.
        const n = nodes.length;
        const feasible: number[] = [];
        let visited = 0;
        for (; visited < n && feasible.length < limit; visited++) {
          const node = (start + visited) % n;
          if (ref.filters.every((f) => f.filter(ctx, pod, node).isSuccess)) feasible.push(node);
        }
        start = (start + visited) % n;
        let expected = -1;
        if (feasible.length > 0) {
          const total = new Float64Array(feasible.length);
          ref.scores.forEach((plugin, s) => {
            const raw = Float64Array.from(feasible, (node) => plugin.score(ctx, pod, node));
            plugin.normalizeScore?.(ctx, pod, raw, raw.length);
            raw.forEach((v, k) => (total[k]! += (s === 0 ? 2 : 1) * v));
          });
          let best = 0;
          for (let k = 1; k < feasible.length; k++) if (total[k]! > total[best]! || (total[k] === total[best] && feasible[k]! < feasible[best]!)) best = k;
          expected = feasible[best]!;
          ref.cluster.allocate(pod, expected);
        }
        const result = framework.scheduleOne(pod, 0);
        expect(result.kind === 'bound' ? result.node : -1, `trial ${trial} pod ${p}`).toBe(expected);
      }
    }
  });
});
