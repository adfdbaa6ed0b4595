/**
 * A deployment of one model replica on GPUs of one type: tensor-parallel degree `tp` inside each
 * pipeline stage, `pp` stages, and expert parallelism `ep` for MoE layers. Validated on
 * construction, so every cost function can rely on its invariants.
 */
import { badInput } from '../core/errors.js';
import type { GpuSpec } from './gpu-catalog.js';
import { isMoeLayer, type ModelSpec } from './model-catalog.js';
import { paramCounts, type ParamCounts } from './model-params.js';
import { type KvCachePrecision, type WeightPrecision, weightBytesPerParam } from './precision.js';

/**
 * Invariants: tp divides the attention heads; 1 <= pp <= layers; ep is 1 or equal to tp (expert
 * parallelism over the GPUs of a stage, experts whole on each GPU) and divides the experts.
 */
export interface Deployment {
  readonly model: ModelSpec;
  readonly gpu: GpuSpec;
  readonly tp: number;
  readonly pp: number;
  readonly ep: number;
  readonly weightPrecision: WeightPrecision;
  readonly kvCachePrecision: KvCachePrecision;
  /** Derived from `model`, cached here. */
  readonly params: ParamCounts;
}

/** Input of {@link makeDeployment}; omitted degrees are 1, precisions bf16. */
export interface DeploymentInput {
  readonly model: ModelSpec;
  readonly gpu: GpuSpec;
  readonly tp?: number;
  readonly pp?: number;
  readonly ep?: number;
  readonly weightPrecision?: WeightPrecision;
  readonly kvCachePrecision?: KvCachePrecision;
}

function positiveInteger(value: number, field: string): void {
  if (!Number.isInteger(value) || value < 1) {
    throw badInput(`${field} must be a positive integer`, { field, value, expected: 'a positive integer' });
  }
}

/**
 * Validates and builds a deployment.
 * @throws WeftError BAD_INPUT when a degree does not divide what it shards.
 */
export function makeDeployment(input: DeploymentInput): Deployment {
  const { model } = input;
  const tp = input.tp ?? 1;
  const pp = input.pp ?? 1;
  const ep = input.ep ?? 1;
  positiveInteger(tp, 'tp');
  positiveInteger(pp, 'pp');
  positiveInteger(ep, 'ep');
  const heads = model.attention.heads;
  if (heads % tp !== 0) {
    throw badInput(`tp=${tp} does not divide the ${heads} attention heads of ${model.name}`, {
      field: 'tp',
      value: tp,
      expected: `a divisor of ${heads}`,
    });
  }
  if (pp > model.layers) {
    throw badInput(`pp=${pp} exceeds the ${model.layers} layers of ${model.name}`, {
      field: 'pp',
      value: pp,
      expected: `at most ${model.layers}`,
    });
  }
  if (ep > 1) {
    if (model.ffn.kind !== 'moe') {
      throw badInput(`expert parallelism needs a mixture-of-experts model; ${model.name} is dense`, {
        field: 'ep',
        value: ep,
        expected: '1',
      });
    }
    if (ep !== tp || model.ffn.experts % ep !== 0) {
      throw badInput(`ep=${ep} must equal tp (${tp}) and divide the ${model.ffn.experts} experts`, {
        field: 'ep',
        value: ep,
        expected: `1 or ${tp}`,
      });
    }
  }
  return {
    model,
    gpu: input.gpu,
    tp,
    pp,
    ep,
    weightPrecision: input.weightPrecision ?? 'bf16',
    kvCachePrecision: input.kvCachePrecision ?? 'bf16',
    params: paramCounts(model),
  };
}

/** GPUs of one replica. */
export function gpusPerReplica(d: Deployment): number {
  return d.tp * d.pp;
}

/** Layers [start, end) of pipeline stage `stage`: an even split, earlier stages never larger. */
export function stageLayers(d: Deployment, stage: number): { start: number; end: number } {
  const start = Math.floor((stage * d.model.layers) / d.pp);
  const end = Math.floor(((stage + 1) * d.model.layers) / d.pp);
  return { start, end };
}

/** Counts of dense-FFN and MoE layers in a stage. */
export function stageLayerKinds(d: Deployment, stage: number): { dense: number; moe: number } {
  const { start, end } = stageLayers(d, stage);
  let moe = 0;
  for (let i = start; i < end; i++) if (isMoeLayer(d.model, i)) moe++;
  return { dense: end - start - moe, moe };
}

/** Routed experts held whole by each GPU with expert parallelism, else all of them sharded by tp. */
export function localExperts(d: Deployment): number {
  return d.model.ffn.kind === 'moe' ? d.model.ffn.experts / d.ep : 0;
}

/** Weight bytes of one transformer layer on one GPU. Norms and routers are bf16 and replicated. */
export function layerWeightBytesPerGpu(d: Deployment, moe: boolean): number {
  const bpp = weightBytesPerParam(d.weightPrecision);
  const p = d.params;
  let bytes = (p.attentionMatrixPerLayer * bpp) / d.tp + p.otherPerLayer * 2;
  if (!moe) return bytes + (p.denseMlpPerLayer * bpp) / d.tp;
  const ffn = d.model.ffn;
  if (ffn.kind !== 'moe') return bytes;
  bytes += p.routerPerLayer * 2;
  bytes += (ffn.sharedExperts * p.expert * bpp) / d.tp;
  bytes += d.ep > 1 ? localExperts(d) * p.expert * bpp : (ffn.experts * p.expert * bpp) / d.tp;
  return bytes;
}

/**
 * Weight bytes of one GPU of `stage`: its layers, plus the vocab-parallel embedding on the first
 * stage and the output head and final norm on the last (a tied head is a second copy when pp > 1).
 */
export function stageWeightBytesPerGpu(d: Deployment, stage: number): number {
  const kinds = stageLayerKinds(d, stage);
  let bytes = kinds.dense * layerWeightBytesPerGpu(d, false) + kinds.moe * layerWeightBytesPerGpu(d, true);
  const tableBytes = (d.params.embedding * 2) / d.tp;
  if (stage === 0) bytes += tableBytes;
  if (stage === d.pp - 1) {
    const headBytes = d.model.tiedEmbeddings ? (d.pp > 1 ? tableBytes : 0) : (d.params.lmHead * 2) / d.tp;
    bytes += headBytes + d.model.hidden * 2;
  }
  return bytes;
}
