import { getModel, paramCounts } from '../../gpu-model/index.js';

/**
 * Model classes: what a job of a public trace is assumed to train, so that its runtime in replay
 * can depend on the fabric (a data-parallel all-reduce of `params` gradients each step).
 *
 * Public job traces do not say which model a job trained (Philly, Helios) or say it only
 * coarsely (Acme's workload type, Pollux's application). The classes below are representative
 * sizes, with the source of each size; which class a job gets is decided by the rules in
 * model-class-rules.ts, which a user can replace (see README.md in this folder).
 */
export interface ModelClass {
  /** Lower-case key, for example `resnet-50`. */
  name: string;
  /** What the class stands for, in words. */
  standsFor: string;
  /** Parameters; their gradients are all-reduced every step when the job spans several GPUs. */
  params: number;
  /** Bytes per gradient element in the all-reduce (4: fp32; 2: bf16 / fp16). */
  gradientBytesPerParam: number;
  /** The gpu-model catalog entry, when the class is a model of that catalog. */
  catalogModel?: string;
  /** False for work that does not synchronise gradients (evaluation). */
  trains: boolean;
  /** Where `params` comes from. */
  source: string;
}

function catalogClass(name: string, standsFor: string, trains = true): ModelClass {
  return {
    name: trains ? name : `${name}-eval`,
    standsFor,
    params: paramCounts(getModel(name)).total,
    gradientBytesPerParam: 2,
    catalogModel: name,
    trains,
    source: `gpu-model catalog (${getModel(name).source}); parameters derived from its shapes`,
  };
}

/** The built-in classes, smallest first. */
export function builtinModelClasses(): ModelClass[] {
  return [
    {
      name: 'resnet-18',
      standsFor: 'a small vision or recommendation model (ResNet-18 size)',
      params: 11_689_512,
      gradientBytesPerParam: 4,
      trains: true,
      source: 'torchvision ResNet-18 weights: 11,689,512 parameters (He et al., CVPR 2016)',
    },
    {
      name: 'resnet-50',
      standsFor: 'an image CNN trained data-parallel (ResNet-50 size), the typical small job of 2017-2020 clusters',
      params: 25_557_032,
      gradientBytesPerParam: 4,
      trains: true,
      source: 'torchvision ResNet-50 weights: 25,557,032 parameters (He et al., CVPR 2016)',
    },
    {
      name: 'bert-base',
      standsFor: 'a mid-size language or speech model (BERT-base size)',
      params: 110e6,
      gradientBytesPerParam: 4,
      trains: true,
      source: 'BERT-BASE: 110M parameters (Devlin et al., NAACL 2019, section 3)',
    },
    {
      name: 'bert-large',
      standsFor: 'a large pre-LLM model trained on many GPUs (BERT-large size)',
      params: 340e6,
      gradientBytesPerParam: 4,
      trains: true,
      source: 'BERT-LARGE: 340M parameters (Devlin et al., NAACL 2019, section 3)',
    },
    catalogClass('llama-3-8b', 'an LLM of about 7-8B parameters (pre-training, fine-tuning)'),
    catalogClass('llama-3-70b', 'a large LLM pre-training job (about 70B parameters)'),
    catalogClass('llama-3-8b', 'LLM evaluation: inference over benchmarks, no gradient all-reduce', false),
  ];
}
