import { badInput } from '../../core/errors.js';
import type { CollectiveCost, Deployment, EfficiencyFactors } from '../../gpu-model/index.js';
import type { KvFabricOptions } from './kv-transfer.js';
import type { ServingSlo } from './metrics.js';
import { ROUTING_POLICIES, type RoutingPolicy } from './router.js';

/** Prefill/decode disaggregation: separate replica pools with KV transfers between them. */
export interface DisaggregationConfig {
  readonly prefillReplicas: number;
  readonly decodeReplicas: number;
  readonly fabric: KvFabricOptions;
  /** Leaf of each prefill replica. Default: all on leaf 0. */
  readonly prefillLeaves?: readonly number[];
  /** Leaf of each decode replica. Default: all on leaf 1 (the transfers cross the spine). */
  readonly decodeLeaves?: readonly number[];
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
  let disaggregation = d;
  if (d !== undefined) {
    positiveInteger(d.prefillReplicas, 'disaggregation.prefillReplicas');
    positiveInteger(d.decodeReplicas, 'disaggregation.decodeReplicas');
    disaggregation = {
      ...d,
      prefillLeaves: leaves(d.prefillLeaves, d.prefillReplicas, 0, 'disaggregation.prefillLeaves'),
      decodeLeaves: leaves(d.decodeLeaves, d.decodeReplicas, 1, 'disaggregation.decodeLeaves'),
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
