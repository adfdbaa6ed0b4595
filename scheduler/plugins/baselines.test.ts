import { describe, expect, it } from 'vitest';
import { ClusterState } from '../cluster/cluster-state.js';
import { nodeSpec } from '../cluster/node-spec.js';
import { Framework } from '../framework/framework.js';
import { podSpec } from '../workload/pod.js';
import { PrioritySort } from './priority-sort.js';
import { RandomScore } from './random-score.js';
import { ResourceFit } from './resource-fit.js';

const nodes = Array.from({ length: 16 }, (_, i) => nodeSpec({ name: `n${i}`, gpuType: 'T4', gpuCount: 4, cpuMilli: 64_000, memoryMiB: 65_536 }));

/** Node index of each of `count` one-GPU pods placed by a Random-scored framework. */
function randomPlacements(seed: number, count: number): number[] {
  const cluster = new ClusterState(nodes);
  const fw = new Framework({ cluster, plugins: [{ plugin: new ResourceFit(), weight: 1 }, { plugin: new RandomScore(seed), weight: 1 }] });
  return Array.from({ length: count }, (_, i) => {
    const result = fw.scheduleOne(podSpec({ name: `p${i}`, gpuCount: 1 }), 0);
    return result.kind === 'bound' ? result.node : -1;
  });
}

describe('baseline plugins', () => {
  it('Random: the same seed places the same way, another seed differently, every pod placed', () => {
    const a = randomPlacements(1, 40);
    expect(randomPlacements(1, 40)).toEqual(a);
    expect(randomPlacements(2, 40)).not.toEqual(a);
    expect(a.every((n) => n >= 0)).toBe(true);
    // Spread, not packed: 40 pods land on more than the 10 nodes packing would use.
    expect(new Set(a).size).toBeGreaterThan(10);
  });

  it('PrioritySort: higher priority first, then first come first served', () => {
    const sort = new PrioritySort();
    const queued = (name: string, priority: number, sequence: number) => ({ pod: podSpec({ name, priority }), sequence });
    const order = [queued('a', 0, 0), queued('b', 5, 1), queued('c', 5, 2), queued('d', 1, 3)]
      .sort((x, y) => (sort.less(x, y) ? -1 : sort.less(y, x) ? 1 : 0))
      .map((q) => q.pod.name);
    expect(order).toEqual(['b', 'c', 'd', 'a']);
  });
});
