import { badInput } from '../../core/errors.js';
import { ClusterSpecSchema, DEFAULT_CLUSTER, type ClusterSpec, type ClusterSpecInput } from '../cluster/spec.js';
import type { CollectiveCost, Deployment, EfficiencyFactors } from '../../gpu-model/index.js';
import type { KvFabricOptions } from './kv-transfer.js';
import type { ServingSlo } from './metrics.js';
import { ROUTING_POLICIES, type RoutingPolicy } from './router.js';

/**
 * The KV transfers through `fabric-sim/network/` (see `NetworkKvTransfer`): the replicas on
 * GPUs of `cluster`, each transfer as flows at the given fidelity.
 */
export interface NetworkKvFabricOptions {
  readonly kind: 'network';
  /** The cluster (a spec as in `--cluster` files) or 'default' (fabric-sim's DEFAULT_CLUSTER). */
  readonly cluster: ClusterSpecInput | 'default';
  /** Only 'flow' accepts transfers during a run today. */
  readonly fidelity: 'flow';
}

/** The network between the pools: the alpha-beta model (default) or the fabric-sim network. */
export type KvFabricConfig = KvFabricOptions | NetworkKvFabricOptions;

/** Prefill/decode disaggregation: separate replica pools with KV transfers between them. */
export interface DisaggregationConfig {
  readonly prefillReplicas: number;
  readonly decodeReplicas: number;
  readonly fabric: KvFabricConfig;
  /** Alpha-beta fabric: leaf of each prefill replica. Default: all on leaf 0. */
  readonly prefillLeaves?: readonly number[];
  /** Alpha-beta fabric: leaf of each decode replica. Default: all on leaf 1 (the transfers cross the spine). */
  readonly decodeLeaves?: readonly number[];
  /**
   * Network fabric: first cluster GPU index of each prefill replica (it takes the TP x PP GPUs
   * from there, in the cluster's GPU order). Default: packed from GPU 0 up.
   */
  readonly prefillGpus?: readonly number[];
  /** Network fabric: first GPU of each decode replica. Default: packed from the last GPU down (so on a multi-leaf cluster the transfers cross the spine). */
  readonly decodeGpus?: readonly number[];
}

/** Disaggregation with its defaults applied; `cluster` and the GPU lists are set for a network fabric. */
export interface ResolvedDisaggregation extends DisaggregationConfig {
  readonly prefillLeaves: readonly number[];
  readonly decodeLeaves: readonly number[];
  readonly cluster?: ClusterSpec;
  /** Per replica (prefill replicas, then decode), the cluster GPU index of each rank. */
  readonly replicaGpus?: readonly (readonly number[])[];
}

/** Whether `fabric` is the fabric-sim network (else the alpha-beta model). */
export function isNetworkFabric(fabric: KvFabricConfig): fabric is NetworkKvFabricOptions {
  return (fabric as { kind?: unknown }).kind === 'network';
}

/** A serving deployment to simulate: the replica, how many, and how they batch and route. */
export interface ServingConfig {
  readonly deployment: Deployment;
  /** Colocated replicas (each prefills and decodes). Default 1; ignored when disaggregated. */
  readonly replicas?: number;
  readonly disaggregation?: DisaggregationConfig;
  /** Default `least-outstanding`. */
  readonly routing?: RoutingPolicy;
  /** Token budget per step (vLLM max_num_batched_tokens). Default 8192. */
  readonly maxBatchedTokens?: number;
  /** Most running sequences per replica (vLLM max_num_seqs). Default 256. */
  readonly maxSequences?: number;
  /** Tokens per KV block (vLLM block_size). Default 16. */
  readonly blockTokens?: number;
  /** Prefix caching (on by default in vLLM V1). Default true. */
  readonly prefixCaching?: boolean;
  /** Usable fraction of HBM (vLLM gpu_memory_utilization). Default 0.9. */
  readonly memoryUtilization?: number;
  /** Overrides the KV blocks per replica derived from memory (to study cache pressure). */
  readonly kvCacheBlocks?: number;
  /** TP/EP collective model. Default: NVLink alpha-beta of the deployment's GPU. */
  readonly collectives?: CollectiveCost;
  readonly efficiency?: Partial<EfficiencyFactors>;
  /** Targets for goodput. */
  readonly slo?: ServingSlo;
}

/** A config with its defaults applied. */
export interface ResolvedServingConfig extends ServingConfig {
  readonly disaggregation?: ResolvedDisaggregation;
  readonly replicas: number;
  readonly routing: RoutingPolicy;
  readonly maxBatchedTokens: number;
  readonly maxSequences: number;
  readonly blockTokens: number;
  readonly prefixCaching: boolean;
  readonly memoryUtilization: number;
}

function positiveInteger(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw badInput(`${field} must be a positive integer`, { field, value, expected: 'a positive integer' });
  }
  return value;
}

function leaves(list: readonly number[] | undefined, count: number, fallback: number, field: string): readonly number[] {
  if (list === undefined) return new Array<number>(count).fill(fallback);
  if (list.length !== count || !list.every((l) => Number.isInteger(l) && l >= 0)) {
    throw badInput(`${field} must give a leaf for each replica`, { field, value: list, expected: `${count} integers >= 0` });
  }
  return list;
}

function noGpus(d: DisaggregationConfig): object {
  for (const field of ['prefillGpus', 'decodeGpus'] as const) {
    if (d[field] !== undefined) throw badInput('GPU placement needs the network fabric', { field: `disaggregation.${field}`, value: d[field], expected: "no GPU list with the alpha-beta fabric (or fabric.kind 'network')" });
  }
  return {};
}

/** The cluster of a network fabric and the GPUs of every replica's ranks (validated: in range, disjoint). */
function networkPlacement(d: DisaggregationConfig, fabric: NetworkKvFabricOptions, gpusPerReplica: number): { cluster: ClusterSpec; replicaGpus: number[][] } {
  for (const field of ['prefillLeaves', 'decodeLeaves'] as const) {
    if (d[field] !== undefined) throw badInput('leaves place replicas on the alpha-beta fabric', { field: `disaggregation.${field}`, value: d[field], expected: 'prefillGpus / decodeGpus with the network fabric' });
  }
  // Configs come from JSON and the CLI too: check the literal at run time.
  if ((fabric.fidelity as string) !== 'flow') {
    throw badInput('unsupported KV fabric fidelity', { field: 'disaggregation.fabric.fidelity', value: fabric.fidelity, expected: "'flow' (the only fidelity that takes flows during a run)" });
  }
  let cluster: ClusterSpec = DEFAULT_CLUSTER;
  if (fabric.cluster !== 'default') {
    const parsed = ClusterSpecSchema.safeParse(fabric.cluster);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw badInput(`invalid cluster: ${issue.message}`, { field: ['disaggregation.fabric.cluster', ...issue.path.map(String)].join('.'), value: fabric.cluster, expected: 'a cluster spec (fabric-sim/cluster/spec.ts)' });
    }
    cluster = parsed.data;
  }
  const total = cluster.servers.reduce((sum, group) => sum + group.count * group.gpusPerServer, 0);
  const starts = (list: readonly number[] | undefined, count: number, fallback: (i: number) => number, field: string): readonly number[] => {
    const out = list ?? Array.from({ length: count }, (_, i) => fallback(i));
    if (out.length !== count || !out.every((g) => Number.isInteger(g) && g >= 0 && g + gpusPerReplica <= total)) {
      throw badInput(`${field} must give a first GPU for each replica, inside the cluster`, { field, value: out, expected: `${count} integers in 0 .. ${total - gpusPerReplica} (${gpusPerReplica} GPUs per replica, ${total} in the cluster)` });
    }
    return out;
  };
  const prefill = starts(d.prefillGpus, d.prefillReplicas, (i) => i * gpusPerReplica, 'disaggregation.prefillGpus');
  const decode = starts(d.decodeGpus, d.decodeReplicas, (i) => total - (i + 1) * gpusPerReplica, 'disaggregation.decodeGpus');
  const replicaGpus = [...prefill, ...decode].map((first) => Array.from({ length: gpusPerReplica }, (_, k) => first + k));
  const owner = new Map<number, number>();
  replicaGpus.forEach((gpus, r) => {
    for (const g of gpus) {
      const other = owner.get(g);
      if (other !== undefined) {
        throw badInput('two replicas share a GPU', { field: 'disaggregation.decodeGpus', value: `GPU ${g} in replicas ${other} and ${r}`, expected: `disjoint ranges of ${gpusPerReplica} GPUs (${total} in the cluster)` });
      }
      owner.set(g, r);
    }
  });
  return { cluster, replicaGpus };
}

/**
 * Validates `config` and applies the defaults.
 * @throws WeftError BAD_INPUT naming the field, the value and what was expected.
 */
export function resolveServingConfig(config: ServingConfig): ResolvedServingConfig {
  const routing = config.routing ?? 'least-outstanding';
  if (!ROUTING_POLICIES.includes(routing)) {
    throw badInput('unknown routing policy', { field: 'routing', value: routing, expected: `one of: ${ROUTING_POLICIES.join(', ')}` });
  }
  const memoryUtilization = config.memoryUtilization ?? 0.9;
  if (!(memoryUtilization > 0 && memoryUtilization <= 1)) {
    throw badInput('memory utilization out of range', { field: 'memoryUtilization', value: memoryUtilization, expected: 'a number in (0, 1]' });
  }
  if (config.kvCacheBlocks !== undefined) positiveInteger(config.kvCacheBlocks, 'kvCacheBlocks');
  const d = config.disaggregation;
  let disaggregation: ResolvedDisaggregation | undefined;
  if (d !== undefined) {
    positiveInteger(d.prefillReplicas, 'disaggregation.prefillReplicas');
    positiveInteger(d.decodeReplicas, 'disaggregation.decodeReplicas');
    disaggregation = {
      ...d,
      prefillLeaves: leaves(d.prefillLeaves, d.prefillReplicas, 0, 'disaggregation.prefillLeaves'),
      decodeLeaves: leaves(d.decodeLeaves, d.decodeReplicas, 1, 'disaggregation.decodeLeaves'),
      ...(isNetworkFabric(d.fabric) ? networkPlacement(d, d.fabric, config.deployment.tp * config.deployment.pp) : noGpus(d)),
    };
  }
  return {
    ...config,
    disaggregation,
    replicas: positiveInteger(config.replicas ?? 1, 'replicas'),
    routing,
    maxBatchedTokens: positiveInteger(config.maxBatchedTokens ?? 8192, 'maxBatchedTokens'),
    maxSequences: positiveInteger(config.maxSequences ?? 256, 'maxSequences'),
    blockTokens: positiveInteger(config.blockTokens ?? 16, 'blockTokens'),
    prefixCaching: config.prefixCaching ?? true,
    memoryUtilization,
  };
}
