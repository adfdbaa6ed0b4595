import { ClusterState } from '../../scheduler/cluster/cluster-state.js';
import { nodeSpec, type NodeSpec } from '../../scheduler/cluster/node-spec.js';
import { Framework } from '../../scheduler/framework/framework.js';
import { AllocationScore } from '../../scheduler/plugins/allocation-score.js';
import { GpuType } from '../../scheduler/plugins/gpu-type.js';
import { NodeUnschedulable } from '../../scheduler/plugins/node-unschedulable.js';
import { ResourceFit } from '../../scheduler/plugins/resource-fit.js';
import { podSpec, type PodSpec } from '../../scheduler/workload/pod.js';
import { NaiveScheduler } from '../baselines/naive-scheduler.js';

/**
 * Scheduling decisions per second for single-GPU pods on a synthetic cluster of identical
 * 8-GPU nodes, as issue #6 asks: Weft's framework scoring a kube-scheduler-style sample of
 * nodes (`feasibleNodesToFind`), Weft with its node-class index (result equal to a full scan,
 * checked here on every placement), Weft's framework scanning every node, and the naive
 * full-scan loop (`bench/baselines/naive-scheduler.ts`), all in this process and run.
 * Scoring is kube-scheduler's default strategy, least-allocated (spread).
 */
export const DECISION_NODES = 10_000;
export const DECISION_PODS = 5_000;
export const SAMPLE_NODES = 500;

export interface DecisionVariant {
  readonly name: string;
  /**
   * Builds a fresh cluster (not timed: setup is not a scheduling decision) and returns the
   * timed part, which places every pod and returns the node index of each (-1: unplaced).
   */
  readonly prepare: (nodes: readonly NodeSpec[]) => (pods: readonly PodSpec[]) => Int32Array;
}

export function decisionCluster(nodes = DECISION_NODES): NodeSpec[] {
  return Array.from({ length: nodes }, (_, i) =>
    nodeSpec({ name: `n${i}`, gpuType: 'H100', gpuCount: 8, cpuMilli: 128_000, memoryMiB: 1_048_576, nvlinkDomain: i, leaf: i >> 5, spineGroup: i >> 10 }),
  );
}

export function decisionPods(count = DECISION_PODS): PodSpec[] {
  return Array.from({ length: count }, (_, i) => podSpec({ name: `p${i}`, cpuMilli: 4000, memoryMiB: 16_384, gpuCount: 1 }));
}

function weft(name: string, options: { nodeClasses: boolean; feasibleNodesToFind: number }): DecisionVariant {
  return {
    name,
    prepare(nodes) {
      const cluster = new ClusterState(nodes);
      const framework = new Framework({
        cluster,
        plugins: [new NodeUnschedulable(), new GpuType(), new ResourceFit(), new AllocationScore('least')].map((plugin) => ({ plugin, weight: 1 })),
        ...options,
      });
      return (pods) => {
        const placed = new Int32Array(pods.length);
        pods.forEach((pod, i) => {
          const result = framework.scheduleOne(pod, 0);
          placed[i] = result.kind === 'bound' ? result.node : -1;
        });
        return placed;
      };
    },
  };
}

export const DECISION_VARIANTS: readonly DecisionVariant[] = [
  weft(`weft sampled (${SAMPLE_NODES} feasible nodes)`, { nodeClasses: false, feasibleNodesToFind: SAMPLE_NODES }),
  weft('weft node-class index (= full scan)', { nodeClasses: true, feasibleNodesToFind: 0 }),
  weft('weft framework full scan', { nodeClasses: false, feasibleNodesToFind: 0 }),
  {
    name: 'naive full-scan loop',
    prepare(nodes) {
      const naive = new NaiveScheduler(nodes, 'least');
      return (pods) => Int32Array.from(pods, (pod) => naive.place(pod));
    },
  },
];
