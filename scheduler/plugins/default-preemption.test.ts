import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../fabric-sim/engine/index.js';
import { ClusterState } from '../cluster/cluster-state.js';
import { nodeSpec } from '../cluster/node-spec.js';
import { Framework } from '../framework/framework.js';
import { GangDirectory } from '../framework/gangs.js';
import { podSpec, type PodSpecInput } from '../workload/pod.js';
import { DefaultPreemption, type PreemptionOptions } from './default-preemption.js';
import { GpuType } from './gpu-type.js';
import { ResourceFit } from './resource-fit.js';

const MIN = 60e9;

function setup(gpusPerNode: readonly number[], options: Partial<PreemptionOptions> = {}) {
  const cluster = new ClusterState(
    gpusPerNode.map((g, i) => nodeSpec({ name: `n${i}`, gpuType: 'A100', gpuCount: g, cpuMilli: 64_000, memoryMiB: 262_144 })),
  );
  const gangs = new GangDirectory();
  const evicted: string[] = [];
  const fw = new Framework({
    cluster,
    plugins: [new GpuType(), new ResourceFit(), new DefaultPreemption({ gangs, ...options })].map((plugin) => ({ plugin, weight: 1 })),
    onEvicted: (pod) => evicted.push(pod.name),
  });
  const place = (input: PodSpecInput, node: number, startNs = 0) => cluster.allocate(podSpec(input), node, undefined, startNs);
  return { cluster, fw, evicted, gangs, place };
}

describe('DefaultPreemption', () => {
  it('evicts the fewest, lowest-priority victims, then the pod binds on the nominated node', () => {
    const { fw, evicted, place } = setup([4]);
    place({ name: 'a', gpuCount: 1, priority: 1 }, 0);
    place({ name: 'b', gpuCount: 2, priority: 2 }, 0);
    place({ name: 'c', gpuCount: 1, priority: 5 }, 0);
    const p = podSpec({ name: 'p', gpuCount: 2, priority: 10 });
    // Evicting b alone (top victim priority 2) beats a + c (top priority 5).
    expect(fw.scheduleOne(p, MIN)).toMatchObject({ kind: 'unschedulable', nominatedNode: 0 });
    expect(evicted).toEqual(['b']);
    expect(fw.scheduleOne(p, MIN)).toEqual({ kind: 'bound', node: 0 });
  });

  it('prefers the node whose victims have the lowest priority, then the least lost work', () => {
    const a = setup([1, 1]);
    a.place({ name: 'x', gpuCount: 1, priority: 3 }, 0);
    a.place({ name: 'y', gpuCount: 1, priority: 1 }, 1);
    a.fw.scheduleOne(podSpec({ name: 'p', gpuCount: 1, priority: 5 }), MIN);
    expect(a.evicted).toEqual(['y']);

    const b = setup([1, 1]);
    // Both priority 1 and started at 0; x never checkpoints (loses 100 min), y checkpoints every 30 min (loses 10).
    b.place({ name: 'x', gpuCount: 1, priority: 1 }, 0);
    b.place({ name: 'y', gpuCount: 1, priority: 1, checkpointIntervalNs: 30 * MIN }, 1);
    b.fw.scheduleOne(podSpec({ name: 'p', gpuCount: 1, priority: 5 }), 100 * MIN);
    expect(b.evicted).toEqual(['y']);
  });

  it('protects young, non-preemptible, equal-priority and other-queue pods as configured', () => {
    const young = setup([1], { minRuntimeNs: 10 * MIN });
    young.place({ name: 'x', gpuCount: 1, priority: 1 }, 0, 0);
    expect(young.fw.scheduleOne(podSpec({ name: 'p', gpuCount: 1, priority: 5 }), 5 * MIN).kind).toBe('unschedulable');
    expect(young.evicted).toEqual([]);
    young.fw.scheduleOne(podSpec({ name: 'p', gpuCount: 1, priority: 5 }), 10 * MIN);
    expect(young.evicted).toEqual(['x']);

    const serving = setup([1]);
    serving.place({ name: 'replica', gpuCount: 1, priority: 1, preemptible: false }, 0);
    serving.place({ name: 'cpu', cpuMilli: 1000, priority: 1 }, 0);
    serving.fw.scheduleOne(podSpec({ name: 'p', gpuCount: 1, priority: 5 }), MIN);
    expect(serving.evicted).toEqual([]);

    const queues = setup([1], { acrossQueues: false });
    queues.place({ name: 'other', gpuCount: 1, priority: 1, queue: 'team-b' }, 0);
    queues.fw.scheduleOne(podSpec({ name: 'p', gpuCount: 1, priority: 5, queue: 'team-a' }), MIN);
    expect(queues.evicted).toEqual([]);
  });

  it('evicts a whole gang when it takes one of its members', () => {
    const { fw, evicted, gangs, place } = setup([2, 2]);
    gangs.register({ name: 'ft', minMember: 2, timeoutNs: 1e9 }, ['ft-0', 'ft-1']);
    place({ name: 'ft-0', gpuCount: 2, priority: 1, gang: 'ft' }, 0);
    place({ name: 'ft-1', gpuCount: 2, priority: 1, gang: 'ft' }, 1);
    fw.scheduleOne(podSpec({ name: 'p', gpuCount: 2, priority: 5 }), MIN);
    expect(evicted.sort()).toEqual(['ft-0', 'ft-1']);
  });

  it('property: never evicts a pod of equal or higher priority, and never over-allocates', () => {
    const random = RandomStream.derive(5, 'preemption-property');
    for (let trial = 0; trial < 60; trial++) {
      const { cluster, fw, place, evicted } = setup(Array.from({ length: random.integer(1, 4) }, () => [1, 2, 4, 8][random.integer(0, 3)]!));
      const priorityOf = new Map<string, number>();
      let k = 0;
      for (let n = 0; n < cluster.nodeCount; n++) {
        while (true) {
          const pod = { name: `v${k++}`, gpuCount: 1, gpuMilli: random.integer(1, 10) * 100, priority: random.integer(0, 9) };
          if (!cluster.gpusFit(podSpec(pod), n)) break;
          place(pod, n);
          priorityOf.set(pod.name, pod.priority);
        }
      }
      const preemptor = podSpec({ name: 'p', gpuCount: random.integer(1, 4), priority: random.integer(0, 9) });
      const result = fw.scheduleOne(preemptor, MIN);
      if (result.kind === 'unschedulable' && result.nominatedNode !== undefined) {
        expect(fw.scheduleOne(preemptor, MIN)).toEqual({ kind: 'bound', node: result.nominatedNode });
      }
      for (const name of evicted) expect(priorityOf.get(name)).toBeLessThan(preemptor.priority);
      for (let n = 0; n < cluster.nodeCount; n++) {
        for (let g = 0; g < cluster.node(n).gpuCount; g++) expect(cluster.gpuFree(n, g)).toBeGreaterThanOrEqual(0);
      }
    }
  });
});
