import { badInput } from '../../core/errors.js';
import { builtinModelClasses, type ModelClass } from './model-classes.js';

/** What the mapping reads of a job: its source format, size, recorded run time and any model field. */
export interface JobFeatures {
  /** The trace format: philly, helios, acme, pollux, openb, ... */
  source: string;
  gpus: number;
  /** Recorded execution time, s, when the trace has one. */
  runS?: number;
  /** The model, application or workload-type field the trace carries (Acme `type`, Pollux `application`, spot-GPU `job_type`). */
  application?: string;
  /** GPUs of one instance (worker, task instance) when the trace says (spot-GPU `gpu_request`). */
  gpusPerInstance?: number;
}

/**
 * One rule: a job matches when every condition given holds; the first matching rule picks the
 * class. An absent condition always holds.
 */
export interface ModelClassRule {
  /** Trace formats the rule applies to. */
  sources?: string[];
  /** Case-insensitive regular expression the whole application field must match; a job without one never matches. */
  application?: string;
  minGpus?: number;
  maxGpus?: number;
  minRunS?: number;
  maxRunS?: number;
  modelClass: string;
  /**
   * The matched jobs are inference services, not training: the import writes them as serving
   * deployments of the class's catalog model (the class must have one), replayed with SLO
   * attainment (traces/replay/serving-slo.ts). No default rule serves: no supported public job
   * trace marks its inference services; a user who knows which of its jobs served says so here.
   */
  serve?: boolean;
  /** GPUs per serving replica; default the trace's GPUs per instance, else all of the job's GPUs (one replica). */
  gpusPerReplica?: number;
  /** The reason, for people reading the mapping. */
  why?: string;
}

/** Classes and rules; the last rule must have no condition, so that every job gets a class. */
export interface ModelClassMapping {
  classes: ModelClass[];
  rules: ModelClassRule[];
}

const DAY_S = 86_400;

/**
 * The built-in rules (documented in traces/mapping/README.md). They give larger models to
 * larger and longer jobs, so that communication cost grows with job scale; they are
 * assumptions, to be replaced by anyone who knows what their cluster ran.
 */
export const DEFAULT_RULES: readonly ModelClassRule[] = [
  { sources: ['pollux'], application: 'imagenet', modelClass: 'resnet-50', why: 'Pollux imagenet trains ResNet-50' },
  { sources: ['pollux'], application: 'cifar10|ncf', modelClass: 'resnet-18', why: 'Pollux cifar10 (ResNet-18) and ncf (a small recommendation model)' },
  { sources: ['pollux'], application: 'bert|deepspeech2|yolov3', modelClass: 'bert-base', why: 'Pollux bert (BERT-base fine-tuning), deepspeech2 and yolov3 (models of 10^7-10^8 parameters)' },
  { sources: ['acme'], application: 'evaluation', modelClass: 'llama-3-8b-eval', why: 'Acme evaluation jobs run inference: no gradient all-reduce' },
  { sources: ['acme'], minGpus: 256, modelClass: 'llama-3-70b', why: 'Acme jobs of 256+ GPUs: large LLM pre-training' },
  { sources: ['acme'], minGpus: 8, modelClass: 'llama-3-8b', why: 'Acme jobs of 8-255 GPUs: 7B-class LLM training and fine-tuning' },
  { sources: ['acme'], modelClass: 'bert-base', why: 'Acme jobs under 8 GPUs cannot hold a 7B model\'s training state: small models and debugging' },
  { sources: ['alibaba-v2020'], application: 'bert|nmt', modelClass: 'bert-base', why: 'PAI workload tags bert and nmt: transformer language models' },
  { sources: ['alibaba-v2020'], application: 'resnet|inception|vgg', modelClass: 'resnet-50', why: 'PAI workload tags of image CNNs' },
  { sources: ['alibaba-v2020'], application: 'ctr|xdl|graphlearn', modelClass: 'resnet-18', why: 'PAI recommendation and graph-learning tags: small dense parts (their embeddings live on parameter servers, not in the all-reduce)' },
  { minGpus: 65, modelClass: 'bert-large', why: 'more than 64 GPUs: the largest pre-LLM models' },
  { minGpus: 16, minRunS: DAY_S, modelClass: 'bert-large', why: '16+ GPUs for a day or more: a large model' },
  { minGpus: 9, modelClass: 'bert-base', why: 'multi-node jobs of 9-64 GPUs: mid-size models' },
  { modelClass: 'resnet-50', why: 'up to 8 GPUs (one server): the typical CNN job' },
];

function ruleError(i: number, field: string, value: unknown, expected: string): Error {
  return badInput('invalid model-class rule', { field: `rules[${i}].${field}`, value, expected });
}

/**
 * Maps jobs to model classes by the first matching rule. Constructed from a mapping, which is
 * validated: every rule names a known class, patterns compile, bounds are ordered, and the last
 * rule matches every job.
 */
export class ModelClassMapper {
  readonly #classes: ReadonlyMap<string, ModelClass>;
  readonly #rules: readonly ModelClassRule[];
  readonly #patterns: readonly (RegExp | undefined)[];

  constructor(mapping: ModelClassMapping = { classes: builtinModelClasses(), rules: [...DEFAULT_RULES] }) {
    const classes = new Map<string, ModelClass>();
    mapping.classes.forEach((c, i) => {
      if (!Number.isFinite(c.params) || c.params <= 0) throw badInput('invalid model class', { field: `classes[${i}].params`, value: c.params, expected: 'a positive number of parameters' });
      if (c.gradientBytesPerParam <= 0) throw badInput('invalid model class', { field: `classes[${i}].gradientBytesPerParam`, value: c.gradientBytesPerParam, expected: 'a positive number of bytes' });
      classes.set(c.name, c);
    });
    const names = [...classes.keys()].join(', ');
    if (mapping.rules.length === 0) throw badInput('empty model-class mapping', { field: 'rules', expected: 'at least one rule, the last without conditions' });
    this.#patterns = mapping.rules.map((r, i) => {
      const modelClass = classes.get(r.modelClass);
      if (modelClass === undefined) throw ruleError(i, 'modelClass', r.modelClass, `one of ${names}`);
      if (r.serve === true && modelClass.catalogModel === undefined) throw ruleError(i, 'modelClass', r.modelClass, 'a class with a gpu-model catalog model when serve is true (llama-3-8b, llama-3-70b, or a class with catalogModel)');
      if (r.gpusPerReplica !== undefined && !(Number.isInteger(r.gpusPerReplica) && r.gpusPerReplica >= 1)) throw ruleError(i, 'gpusPerReplica', r.gpusPerReplica, 'a positive integer');
      for (const [lo, hi] of [['minGpus', 'maxGpus'], ['minRunS', 'maxRunS']] as const) {
        const min = r[lo];
        const max = r[hi];
        if (min !== undefined && max !== undefined && min > max) throw ruleError(i, lo, min, `at most ${hi} (${max})`);
      }
      if (r.application === undefined) return undefined;
      try {
        return new RegExp(`^(?:${r.application})$`, 'i');
      } catch {
        throw ruleError(i, 'application', r.application, 'a valid regular expression');
      }
    });
    const last = mapping.rules[mapping.rules.length - 1]!;
    const conditions = (['sources', 'application', 'minGpus', 'maxGpus', 'minRunS', 'maxRunS'] as const).filter((k) => last[k] !== undefined);
    if (conditions.length > 0) throw ruleError(mapping.rules.length - 1, conditions[0]!, last[conditions[0]!], 'no condition on the last rule, so that every job gets a class');
    this.#classes = classes;
    this.#rules = mapping.rules;
  }

  /** The class `name`, or undefined. */
  modelClass(name: string): ModelClass | undefined {
    return this.#classes.get(name);
  }

  /** Index of the first rule that matches `job` (the last rule always does). */
  ruleIndexOf(job: JobFeatures): number {
    return this.#rules.findIndex((r, i) => this.#matches(r, this.#patterns[i], job));
  }

  /** The class of `job` and the rule that chose it. */
  classOf(job: JobFeatures): { modelClass: ModelClass; rule: ModelClassRule } {
    const rule = this.#rules[this.ruleIndexOf(job)]!;
    return { modelClass: this.#classes.get(rule.modelClass)!, rule };
  }

  #matches(r: ModelClassRule, pattern: RegExp | undefined, job: JobFeatures): boolean {
    if (r.sources !== undefined && !r.sources.includes(job.source)) return false;
    if (pattern !== undefined && (job.application === undefined || !pattern.test(job.application))) return false;
    if (r.minGpus !== undefined && job.gpus < r.minGpus) return false;
    if (r.maxGpus !== undefined && job.gpus > r.maxGpus) return false;
    if (r.minRunS !== undefined && (job.runS === undefined || job.runS < r.minRunS)) return false;
    if (r.maxRunS !== undefined && (job.runS === undefined || job.runS > r.maxRunS)) return false;
    return true;
  }
}
