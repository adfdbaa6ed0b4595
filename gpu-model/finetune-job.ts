/**
 * A fine-tuning job as the cost model sees it: the model, full or LoRA training, the batch, the
 * data/tensor/pipeline-parallel degrees, the ZeRO stage and activation recomputation.
 */
import { badInput } from '../core/errors.js';
import type { ModelSpec } from './model-catalog.js';
import type { WeightPrecision } from './precision.js';

/** Which matrices LoRA adapts: the attention projections, or every linear layer (MLPs and experts too). */
export type LoraTargets = 'attention' | 'all-linear';

/** Invariants: positive integer sizes; globalBatchSeqs is a multiple of dp x microBatchSeqs. */
export interface FineTuneJob {
  readonly model: ModelSpec;
  readonly method: 'full' | 'lora';
  /** LoRA rank r (adapter A: in x r, B: r x out). Ignored for full fine-tuning. */
  readonly loraRank: number;
  readonly loraTargets: LoraTargets;
  /** Precision of the frozen base weights under LoRA (int4 is QLoRA). Full fine-tuning is bf16 mixed precision. */
  readonly baseWeightPrecision: WeightPrecision;
  /** Tokens per sequence. */
  readonly seqLen: number;
  /** Sequences per micro-batch per data-parallel rank. */
  readonly microBatchSeqs: number;
  /** Sequences per optimizer step over all ranks. */
  readonly globalBatchSeqs: number;
  readonly dp: number;
  readonly tp: number;
  readonly pp: number;
  /** ZeRO stage: 0 none, 1 optimizer states, 2 + gradients, 3 + weights sharded over dp. */
  readonly zeroStage: 0 | 1 | 2 | 3;
  /** Full activation recomputation: keep only each layer's input, recompute the rest in backward. */
  readonly recompute: boolean;
}

/** Input of {@link makeFineTuneJob}: defaults are full fine-tuning, dp=tp=pp=1, ZeRO 0, no recompute, LoRA r=16 on attention. */
export type FineTuneJobInput = Partial<Omit<FineTuneJob, 'model' | 'seqLen'>> & Pick<FineTuneJob, 'model' | 'seqLen'>;

function positiveInteger(value: number, field: string): void {
  if (!Number.isInteger(value) || value < 1) {
    throw badInput(`${field} must be a positive integer`, { field, value, expected: 'a positive integer' });
  }
}

/**
 * Validates and completes a fine-tuning job.
 * @throws WeftError BAD_INPUT naming the offending field.
 */
export function makeFineTuneJob(input: FineTuneJobInput): FineTuneJob {
  const job: FineTuneJob = {
    model: input.model,
    method: input.method ?? 'full',
    loraRank: input.loraRank ?? 16,
    loraTargets: input.loraTargets ?? 'attention',
    baseWeightPrecision: input.baseWeightPrecision ?? 'bf16',
    seqLen: input.seqLen,
    microBatchSeqs: input.microBatchSeqs ?? 1,
    globalBatchSeqs: input.globalBatchSeqs ?? (input.microBatchSeqs ?? 1) * (input.dp ?? 1),
    dp: input.dp ?? 1,
    tp: input.tp ?? 1,
    pp: input.pp ?? 1,
    zeroStage: input.zeroStage ?? 0,
    recompute: input.recompute ?? false,
  };
  for (const field of ['loraRank', 'seqLen', 'microBatchSeqs', 'globalBatchSeqs', 'dp', 'tp', 'pp'] as const) {
    positiveInteger(job[field], field);
  }
  if (![0, 1, 2, 3].includes(job.zeroStage)) {
    throw badInput('invalid ZeRO stage', { field: 'zeroStage', value: job.zeroStage, expected: 'one of: 0, 1, 2, 3' });
  }
  if (job.globalBatchSeqs % (job.dp * job.microBatchSeqs) !== 0) {
    throw badInput('global batch is not a whole number of micro-batches per data-parallel rank', {
      field: 'globalBatchSeqs',
      value: job.globalBatchSeqs,
      expected: `a multiple of dp x microBatchSeqs = ${job.dp * job.microBatchSeqs}`,
    });
  }
  if (job.model.attention.heads % job.tp !== 0) {
    throw badInput(`tp=${job.tp} does not divide the ${job.model.attention.heads} attention heads`, {
      field: 'tp',
      value: job.tp,
      expected: `a divisor of ${job.model.attention.heads}`,
    });
  }
  if (job.pp > job.model.layers) {
    throw badInput(`pp=${job.pp} exceeds the ${job.model.layers} layers`, { field: 'pp', value: job.pp, expected: `at most ${job.model.layers}` });
  }
  return job;
}

/** Micro-batches each data-parallel rank runs per optimizer step (gradient accumulation steps). */
export function microBatchesPerStep(job: FineTuneJob): number {
  return job.globalBatchSeqs / (job.dp * job.microBatchSeqs);
}
