import type { ModelClass } from '../mapping/model-classes.js';

/**
 * The compute of one training step of a model class on one GPU, so that a job's runtime in
 * replay can be split into compute (which scales with the GPU's speed) and the gradient
 * all-reduce (which depends on placement and fabric).
 *
 * Training FLOPs per sample are 3x the forward FLOPs (forward + backward of activations and
 * weights), with forward = 2 x multiply-accumulates for CNNs and 2 x parameters per token for
 * transformers (Kaplan et al. 2020: training = 6 N per token). Samples per GPU per step are the
 * per-GPU batch of the published training recipe where one exists. These are assumptions of the
 * same kind as the model-class rules: documented here and in traces/mapping/README.md.
 */
export interface StepWork {
  /** Training FLOPs of one sample (image or sequence). */
  readonly trainFlopsPerSample: number;
  /** Samples each GPU processes per step when the trace does not say (its batch / GPUs). */
  readonly samplesPerGpu: number;
  readonly source: string;
}

/** Tokens per GPU per step for classes with no entry below (a transformer at 6 N per token). */
export const DEFAULT_TOKENS_PER_GPU_STEP = 4096;

const STEP_WORK: Readonly<Record<string, StepWork>> = {
  'resnet-18': {
    trainFlopsPerSample: 3 * 2 * 1.8e9,
    samplesPerGpu: 32,
    source: 'ResNet-18 forward 1.8e9 multiply-adds at 224x224 (He et al. 2016, table 1); 32 images per GPU (Goyal et al. 2017)',
  },
  'resnet-50': {
    trainFlopsPerSample: 3 * 2 * 3.8e9,
    samplesPerGpu: 32,
    source: 'ResNet-50 forward 3.8e9 multiply-adds at 224x224 (He et al. 2016, table 1); 32 images per GPU (Goyal et al. 2017)',
  },
  'bert-base': {
    trainFlopsPerSample: 6 * 110e6 * 128,
    samplesPerGpu: 32,
    source: '6 N per token, 128-token sequences (Devlin et al. 2019, 90% of pre-training steps); 32 sequences per GPU',
  },
  'bert-large': {
    trainFlopsPerSample: 6 * 340e6 * 128,
    samplesPerGpu: 32,
    source: '6 N per token, 128-token sequences (Devlin et al. 2019); 32 sequences per GPU',
  },
};

/** One 8,192-token sequence per GPU per step: the Llama 3 pre-training context length. */
const LLM_TOKENS_PER_GPU_STEP = 8192;

/** The step work of a class: the table above, LLM classes by their parameters, others by the default. */
export function stepWorkOf(modelClass: ModelClass): StepWork {
  const listed = STEP_WORK[modelClass.name];
  if (listed !== undefined) return listed;
  // Forward only (2 N per token) for work that does not train (evaluation).
  const flopsPerToken = (modelClass.trains ? 6 : 2) * modelClass.params;
  if (modelClass.catalogModel !== undefined) {
    return {
      trainFlopsPerSample: flopsPerToken * LLM_TOKENS_PER_GPU_STEP,
      samplesPerGpu: 1,
      source: `${modelClass.trains ? 6 : 2} N per token; one ${LLM_TOKENS_PER_GPU_STEP}-token sequence per GPU (Llama 3 context length)`,
    };
  }
  return {
    trainFlopsPerSample: flopsPerToken * DEFAULT_TOKENS_PER_GPU_STEP,
    samplesPerGpu: 1,
    source: `default: ${modelClass.trains ? 6 : 2} N per token, ${DEFAULT_TOKENS_PER_GPU_STEP} tokens per GPU per step`,
  };
}

/**
 * The GPU each public trace's recorded run times are taken to have run on: the replay scales a
 * job's compute by this GPU's speed against the replay cluster's. The catalog holds no GPU older
 * than the A100, so the older traces (Philly: K80/P100/V100 era; Helios: V100; PAI: mixed) take
 * the A100 too, which understates how much faster a new cluster computes; `--reference-gpu`
 * overrides it.
 */
export const REFERENCE_GPU: Readonly<Record<string, string>> = {
  philly: 'a100-80g-sxm',
  helios: 'a100-80g-sxm',
  acme: 'a100-80g-sxm',
  'alibaba-v2020': 'a100-80g-sxm',
  'alibaba-v2026-spot': 'a100-80g-sxm',
  pollux: 'a100-80g-sxm',
  synthetic: 'a100-80g-sxm',
};
