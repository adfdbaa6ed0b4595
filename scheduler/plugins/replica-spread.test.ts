/**
 * ReplicaSpread keeps per-workload replica counts from the cluster's node changes; its scores
 * must equal those of counting every allocation afresh, through any sequence of placements
 * and releases (and for a pod that is itself allocated).
 */
import { describe, expect, it } from 'vitest';
import { ClusterState } from '../cluster/cluster-state.js';
import { nodeSpec } from '../cluster/node-spec.js';
import type { CycleContext } from '../framework/plugin.js';
import { podSpec } from '../workload/pod.js';
import { ReplicaSpread, workloadOf } from './replica-spread.js';

const ctxOf = (cluster: ClusterState): CycleContext => ({
  cluster,
  nowNs: 0,
  cycle: new Map(),
  handle: { waitingPods: () => [].values(), allow: () => undefined, reject: () => undefined, evict: () => undefined },
});

/** The score by definition: minus (same-workload replicas on the node's leaf x 10 + on the node), the pod itself excluded. */
function scanScore(cluster: ClusterState, podName: string, node: number): number {
  const workload = workloadOf(podName);
  let leaf = 0;
  let here = 0;
  for (const a of cluster.allocations()) {
    if (a.pod.name === podName || workloadOf(a.pod.name) !== workload) continue;
    if (cluster.node(a.node).leaf === cluster.node(node).leaf) leaf++;
    if (a.node === node) here++;
  }
  return -(leaf * 10 + here);
}

describe('ReplicaSpread', () => {
  it('scores equal a fresh count of every allocation through 400 seeded placements and releases', () => {
    const cluster = new ClusterState(Array.from({ length: 12 }, (_, i) => nodeSpec({ name: `n${i}`, cpuMilli: 64_000, memoryMiB: 262_144, gpuType: 'h100', gpuCount: 8, leaf: i % 3 })));
    const spread = new ReplicaSpread();
    const ctx = ctxOf(cluster);
    let seed = 12345;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const live: string[] = [];
    for (let step = 0; step < 400; step++) {
      if (live.length > 0 && random(3) === 0) {
        cluster.release(live.splice(random(live.length), 1)[0]!);
      } else {
        const name = `ns/svc-${random(4)}-${step}`;
        const node = random(12);
        if (cluster.gpusFit(podSpec({ name, gpuCount: 1 }), node)) {
          cluster.allocate(podSpec({ name, gpuCount: 1 }), node);
          live.push(name);
        }
      }
      // A new replica of a random workload, and (every 10th step) one already allocated.
      const probes = [`ns/svc-${random(4)}-new`, ...(step % 10 === 0 && live.length > 0 ? [live[random(live.length)]!] : [])];
      for (const probe of probes) {
        const pod = podSpec({ name: probe, gpuCount: 1 });
        spread.preScore(ctx, pod);
        for (let n = 0; n < 12; n++) expect(spread.score(ctx, pod, n) + 0).toBe(scanScore(cluster, probe, n) + 0); // + 0: -0 and 0 alike
      }
    }
    expect(live.length).toBeGreaterThan(20);
  });
});
