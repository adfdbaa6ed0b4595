import { buildTopology, type Topology } from '../../fabric-sim/cluster/topology.js';
import { fabricCollectives } from '../../fabric-sim/training/index.js';
import { badInput } from '../../core/errors.js';
import { catalogGpuFor, getGpu, type CollectiveCost, type GpuSpec } from '../../gpu-model/index.js';
import { ClusterState } from '../cluster/cluster-state.js';
import { nodesFromClusterSpec } from '../cluster/from-cluster-spec.js';
import { placeGangOn, type PlacementOutcome, type ReplicaPlacement } from '../planner/place.js';
import type { ClusterDayInput, DayProgress } from './day-input.js';
import { planDeploymentDay, runDeploymentDay, type DayPolicy, type DeploymentDay, type DeploymentDaySettings, type PlannedDeployment } from './deployment-day.js';
import { fabricHotSpots, type FabricHotSpots } from './fabric-hot-spots.js';
import { runFineTuneDay, type FineTuneDay } from './finetune-day.js';

/** The whole day: every deployment under every policy, the fine-tuning job, the fabric. */
export interface ClusterDay {
  readonly input: ClusterDayInput;
  readonly gpuKey: string;
  readonly totalGpus: number;
  readonly nodes: number;
  readonly deployments: readonly DeploymentDay[];
  readonly fineTune: FineTuneDay;
  /** The job's gradient all-reduce at its widest, through the packet-level fabric. */
  readonly fabric: FabricHotSpots | undefined;
}

/** The policies a day compares unless told otherwise. */
export const DEFAULT_DAY_POLICIES: readonly DayPolicy[] = ['static-peak', 'static-average', 'elastic-lending'];

/** The day planned and placed, before any simulation: what the report and a live view both start from. */
export interface PreparedDay {
  readonly input: ClusterDayInput;
  readonly settings: DeploymentDaySettings;
  readonly gpuKey: string;
  readonly gpu: GpuSpec;
  readonly topology: Topology;
  readonly cluster: ClusterState;
  readonly deployments: readonly PlannedDeployment[];
  /** The fine-tuning job's gang on the GPUs no deployment owns. */
  readonly base: PlacementOutcome;
  /** The collective costs the job's step time is modelled with. */
  readonly net: CollectiveCost;
}

/**
 * Plans and places the day: each deployment sized for its peak by the one-click planner and its
 * peak replicas placed by the scheduler, then the fine-tuning job gang-placed on every GPU left.
 */
export function prepareClusterDay(input: ClusterDayInput, onProgress?: DayProgress): PreparedDay {
  const groups = input.cluster.servers;
  const gpuType = groups[0]?.gpuType ?? '';
  if (groups.some((g) => g.gpuType !== gpuType)) {
    throw badInput('the day runs on one GPU type', { field: 'cluster.servers.gpuType', value: groups.map((g) => g.gpuType).join(', '), expected: 'every server group with the same GPU type' });
  }
  const gpuKey = catalogGpuFor(gpuType);
  if (gpuKey === undefined) throw badInput('cluster GPU type not in the catalog', { field: 'cluster.servers.gpuType', value: gpuType, expected: 'a type naming one catalog GPU (weft gpu list)' });
  const gpu = getGpu(gpuKey);
  const topology = buildTopology(input.cluster);
  const cluster = new ClusterState(nodesFromClusterSpec(input.cluster, {}, topology));
  const settings: DeploymentDaySettings = {
    cluster,
    gpuType,
    gpuKey,
    dayNs: input.dayNs,
    controlPeriodNs: input.controlPeriodNs ?? 1e9,
    reclaimGraceNs: input.reclaimGraceNs ?? 10e9,
    storageBytesPerSec: input.storageBytesPerSec ?? 10e9,
    warmupNs: input.warmupNs ?? 10e9,
    scaleDownDelayNs: input.scaleDownDelayNs ?? 60e9,
    sloWindowNs: input.sloWindowNs ?? input.dayNs / 96,
    seed: input.seed,
    policies: input.policies ?? DEFAULT_DAY_POLICIES,
    borrower: { name: input.fineTune.name, priority: 0, gpusPerWorker: 1, maxWorkers: cluster.gpuCount },
    minLendGpus: input.minLendGpus ?? groups[0]!.gpusPerServer,
    ...(onProgress === undefined ? {} : { onProgress }),
  };
  const deployments = input.deployments.map((spec) => planDeploymentDay(spec, settings));
  const free = cluster.gpuCount - deployments.reduce((sum, d) => sum + d.plan.replicas * d.plan.tp, 0);
  const base = free > 0 ? placeGangOn(cluster, { name: input.fineTune.name, workers: free, gpusPerWorker: 1, gpuType }) : { placed: [], unplaced: [] };
  const topo = input.cluster.topology;
  const net = fabricCollectives({
    gpu,
    gpusPerServer: groups[0]!.gpusPerServer,
    nicGbps: topology.linkSpeedGbps,
    // A rail-optimized fabric reaches every server's same-index GPU in one rail hop.
    gpusPerLeaf: topo.kind === 'leaf-spine' ? topo.hostsPerLeaf : cluster.gpuCount,
    oversubscription: topo.kind === 'leaf-spine' || topo.kind === 'rail-optimized' ? topo.oversubscription : 1,
  });
  return { input, settings, gpuKey, gpu, topology, cluster, deployments, base, net };
}

/**
 * A day on a GPU cluster, end to end (issue 7's demo): each deployment is sized for its peak by
 * the one-click planner and placed by the scheduler; its day of requests (a day-shaped rate over
 * lengths resampled from a real trace) runs through the serving simulation under static peak,
 * static average and elastic provisioning, the elastic controller lending idle GPUs to a
 * fine-tuning job and reclaiming them on the way up; the job, gang-placed on the GPUs no
 * deployment owns, grows onto lent GPUs, restarts from checkpoints when they go, and its
 * gradient all-reduce at its widest runs through the packet-level fabric to find the hot spots.
 * Deterministic for a seed.
 */
export async function runClusterDay(input: ClusterDayInput, onProgress?: DayProgress): Promise<ClusterDay> {
  const prepared = prepareClusterDay(input, onProgress);
  const deployments: DeploymentDay[] = [];
  for (const planned of prepared.deployments) deployments.push(await runDeploymentDay(planned, prepared.settings));
  const pools = deployments.map((d) => ({ pool: d.spec.name, actions: d.policies.find((p) => p.policy === 'elastic-lending')?.lending ?? [] }));
  const fineTune = runFineTuneDay(input.fineTune, { gpu: prepared.gpu, net: prepared.net, baseWorkers: prepared.base.placed.length, pools, dayNs: input.dayNs });

  // The job's GPUs at its widest: its base gang plus each pool's highest slots (a pool lends the
  // GPUs of the replicas it is not running, and runs its lowest slots first).
  const gpuIds: string[] = prepared.base.placed.map((p) => `${p.node}/gpu${p.gpus[0]!}`);
  for (const d of deployments) gpuIds.push(...lentSlotGpus(d.placement, fineTune.lentAtMax.get(d.spec.name) ?? 0));
  const order = new Map(prepared.topology.gpus.map((g) => [g.id, g.index]));
  gpuIds.sort((a, b) => order.get(a)! - order.get(b)!);
  const fabric = input.fabricHotSpots !== false && gpuIds.length >= 2 && fineTune.gradientBytes > 0
    ? fabricHotSpots(input.cluster, gpuIds, fineTune.gradientBytes, { seed: input.seed, onProgress: (_simulatedNs, events) => onProgress?.('fabric: gradient all-reduce', events) })
    : undefined;
  return { input, gpuKey: prepared.gpuKey, totalGpus: prepared.cluster.gpuCount, nodes: prepared.cluster.nodeCount, deployments, fineTune, fabric };
}

/** GPU ids of a pool's `lent` highest slot GPUs (a pool runs its replicas on its lowest slots). */
export function lentSlotGpus(placement: readonly ReplicaPlacement[], lent: number): string[] {
  const slotGpus = placement.flatMap((p) => p.gpus.map((g) => `${p.node}/gpu${g}`));
  return lent > 0 ? slotGpus.slice(Math.max(0, slotGpus.length - lent)) : [];
}
