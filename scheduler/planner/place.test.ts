import { describe, expect, it } from 'vitest';
import { ClusterSpecSchema, DEFAULT_CLUSTER } from '../../fabric-sim/cluster/spec.js';
import { nodesFromClusterSpec } from '../cluster/from-cluster-spec.js';
import { workloadOf } from '../plugins/replica-spread.js';
import { placeGang, placeReplicas } from './place.js';

describe('placeReplicas (ReplicaSpread + BestFit through the framework)', () => {
  it('spreads replicas over leaves before doubling up on one', () => {
    // Default cluster: srv0-1 on leaf0, srv2-3 on leaf1.
    const outcome = placeReplicas(nodesFromClusterSpec(DEFAULT_CLUSTER), { name: 'llama', replicas: 4, gpusPerReplica: 2, gpuType: 'h100' });
    expect(outcome.unplaced).toEqual([]);
    const leaves = outcome.placed.map((p) => p.leaf);
    expect(leaves.slice(0, 2).sort()).toEqual([0, 1]);
    expect(leaves.filter((l) => l === 0)).toHaveLength(2);
    expect(outcome.placed.every((p) => p.gpus.length === 2)).toBe(true);
  });

  it('keeps a TP group inside one server and reports replicas that do not fit, with the reason', () => {
    const spec = ClusterSpecSchema.parse({
      servers: [{ count: 2, gpuType: 'h100', gpusPerServer: 8, nvlink: { bandwidthGbps: 3600 } }],
      topology: { kind: 'single-switch' },
      linkSpeedGbps: 400,
    });
    const outcome = placeReplicas(nodesFromClusterSpec(spec), { name: 'big', replicas: 3, gpusPerReplica: 8, gpuType: 'h100' });
    expect(outcome.placed.map((p) => p.node).sort()).toEqual(['srv0', 'srv1']);
    expect(outcome.unplaced).toHaveLength(1);
    expect(outcome.unplaced[0]!.replica).toBe('big-2');
    expect(outcome.unplaced[0]!.reason.length).toBeGreaterThan(0);
    const wrongType = placeReplicas(nodesFromClusterSpec(spec), { name: 'x', replicas: 1, gpusPerReplica: 1, gpuType: 'a100' });
    expect(wrongType.placed).toEqual([]);
  });

  it('names the workload of a pod by its replica suffix', () => {
    expect(workloadOf('llama-3-8b-12')).toBe('llama-3-8b');
    expect(workloadOf('solo')).toBe('solo');
  });

  it('gang-places a fine-tuning job all or nothing, its workers under one leaf', () => {
    const nodes = nodesFromClusterSpec(DEFAULT_CLUSTER);
    const two = placeGang(nodes, { name: 'lora', workers: 2, gpusPerWorker: 8, gpuType: 'h100' });
    expect(two.unplaced).toEqual([]);
    expect(two.placed).toHaveLength(2);
    expect(new Set(two.placed.map((p) => p.leaf)).size).toBe(1);
    const five = placeGang(nodes, { name: 'big', workers: 5, gpusPerWorker: 8, gpuType: 'h100' });
    expect(five.placed).toEqual([]);
    expect(five.unplaced).toHaveLength(5);
  });
});
