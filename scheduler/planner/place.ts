import { ClusterState } from '../cluster/cluster-state.js';
import type { NodeSpec } from '../cluster/node-spec.js';
import { GangDirectory } from '../framework/gangs.js';
import { buildFramework, parseSchedulerConfig, type ProfileConfig } from '../framework/profile.js';
import { podSpec } from '../workload/pod.js';
import { expandWorkload } from '../workload/workloads.js';

/**
 * How a planned deployment's replicas are placed: filters for cordons, taints, GPU model and
 * resources; replicas spread over leaves (ReplicaSpread) and packed onto already-used nodes
 * within a leaf (BestFit), so whole nodes stay free for gangs. A replica is one pod, so its TP
 * group always sits inside one server's NVLink domain.
 */
export const DEPLOY_PROFILE: ProfileConfig = parseSchedulerConfig(
  `profiles:
  - name: deploy
    plugins:
      - { name: NodeUnschedulable }
      - { name: TaintToleration, weight: 1 }
      - { name: GpuType }
      - { name: ResourceFit }
      - { name: ReplicaSpread, weight: 3 }
      - { name: BestFit, weight: 1 }
      - { name: DefaultBinder }
`,
  'deploy profile',
).profiles[0]!;

export interface ReplicaDemand {
  /** Workload name; replicas are `<name>-<i>`. */
  readonly name: string;
  readonly replicas: number;
  readonly gpusPerReplica: number;
  /** The cluster's GPU type name (as in its ClusterSpec) the replicas need. */
  readonly gpuType: string;
  readonly cpuMilliPerReplica?: number;
  readonly memoryMiBPerReplica?: number;
}

export interface ReplicaPlacement {
  readonly replica: string;
  readonly node: string;
  readonly leaf: number;
  /** Node-local GPU indexes. */
  readonly gpus: readonly number[];
}

export interface PlacementOutcome {
  readonly placed: readonly ReplicaPlacement[];
  /** Replicas that found no node, with the scheduler's reason. */
  readonly unplaced: readonly { readonly replica: string; readonly reason: string }[];
}

/**
 * Places the replicas one by one through the scheduling framework with {@link DEPLOY_PROFILE}.
 * @example
 * placeReplicas(nodesFromClusterSpec(DEFAULT_CLUSTER), { name: 'llama', replicas: 2, gpusPerReplica: 1, gpuType: 'h100' });
 */
export function placeReplicas(nodes: readonly NodeSpec[], demand: ReplicaDemand, profile: ProfileConfig = DEPLOY_PROFILE): PlacementOutcome {
  return placeReplicasOn(new ClusterState(nodes), demand, profile);
}

/**
 * {@link placeReplicas} on a cluster that already holds workloads; the placed replicas stay
 * allocated in `cluster`, so several deployments and jobs can be placed one after another.
 */
export function placeReplicasOn(cluster: ClusterState, demand: ReplicaDemand, profile: ProfileConfig = DEPLOY_PROFILE): PlacementOutcome {
  const framework = buildFramework(profile, { cluster, gangs: new GangDirectory(), seed: 1 });
  const placed: ReplicaPlacement[] = [];
  const unplaced: { replica: string; reason: string }[] = [];
  for (let i = 0; i < demand.replicas; i++) {
    const replica = `${demand.name}-${i}`;
    const pod = podSpec({
      name: replica,
      gpuCount: demand.gpusPerReplica,
      gpuMilli: 1000,
      gpuType: demand.gpuType,
      cpuMilli: demand.cpuMilliPerReplica ?? 8_000 * demand.gpusPerReplica,
      memoryMiB: demand.memoryMiBPerReplica ?? 65_536 * demand.gpusPerReplica,
      preemptible: false,
    });
    const result = framework.scheduleOne(pod, 0);
    if (result.kind === 'bound') {
      const node = cluster.node(result.node);
      placed.push({ replica, node: node.name, leaf: node.leaf, gpus: cluster.allocationOf(replica)?.gpus ?? [] });
    } else {
      if (result.kind === 'waiting') framework.reject(replica, 'the deploy profile does not wait at permit');
      unplaced.push({ replica, reason: result.kind === 'unschedulable' ? result.diagnosis.toString() : 'waited at permit' });
    }
  }
  return { placed, unplaced };
}

/**
 * How a fine-tuning job's workers are placed: all-or-nothing (Coscheduling holds members at
 * permit until the gang is complete) and close together (TopologyLocality: one NVLink domain,
 * then one leaf, then one spine group), packed onto used nodes (BestFit).
 */
export const GANG_PROFILE: ProfileConfig = parseSchedulerConfig(
  `profiles:
  - name: gang
    plugins:
      - { name: NodeUnschedulable }
      - { name: TaintToleration, weight: 1 }
      - { name: GpuType }
      - { name: ResourceFit }
      - { name: Coscheduling }
      - { name: TopologyLocality, weight: 3 }
      - { name: BestFit, weight: 1 }
      - { name: DefaultBinder }
`,
  'gang profile',
).profiles[0]!;

/**
 * Gang-places `workers` pods of `gpusPerWorker` GPUs each through the framework with
 * {@link GANG_PROFILE}: either every worker is bound or none is.
 */
export function placeGang(nodes: readonly NodeSpec[], demand: GangDemand): PlacementOutcome {
  return placeGangOn(new ClusterState(nodes), demand);
}

/** A fine-tuning job's workers. */
export interface GangDemand {
  readonly name: string;
  readonly workers: number;
  readonly gpusPerWorker: number;
  readonly gpuType: string;
}

/** {@link placeGang} on a cluster that already holds workloads; a placed gang stays allocated in `cluster`. */
export function placeGangOn(cluster: ClusterState, demand: GangDemand): PlacementOutcome {
  const gangs = new GangDirectory();
  const { pods, gang } = expandWorkload({
    kind: 'finetune',
    name: demand.name,
    minWorkers: demand.workers,
    maxWorkers: demand.workers,
    template: { gpus: demand.gpusPerWorker, gpuType: demand.gpuType, cpuMilli: 8_000 * demand.gpusPerWorker, memoryMiB: 65_536 * demand.gpusPerWorker },
  });
  gangs.register(gang!.spec, gang!.members);
  const framework = buildFramework(GANG_PROFILE, { cluster, gangs, seed: 1 });
  const unplaced: { replica: string; reason: string }[] = [];
  for (const pod of pods) {
    const result = framework.scheduleOne(pod, 0);
    if (result.kind === 'unschedulable') unplaced.push({ replica: pod.name, reason: result.diagnosis.toString() });
  }
  if (unplaced.length > 0) {
    // All or nothing: release the members held at permit.
    for (const pod of pods) if (cluster.allocationOf(pod.name) !== undefined) framework.reject(pod.name, 'gang incomplete');
    return { placed: [], unplaced: pods.map((p) => ({ replica: p.name, reason: unplaced[0]!.reason })) };
  }
  const placed = pods.map((pod) => {
    const allocation = cluster.allocationOf(pod.name)!;
    const node = cluster.node(allocation.node);
    return { replica: pod.name, node: node.name, leaf: node.leaf, gpus: allocation.gpus };
  });
  return { placed, unplaced };
}
