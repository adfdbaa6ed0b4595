import type { ProfileConfig } from '../../scheduler/framework/profile.js';
import { loadModelClassMapper } from '../mapping/load-mapping.js';
import { ModelClassMapper } from '../mapping/model-class-rules.js';
import type { LoadedJobTrace } from '../replay/job-source.js';
import type { InferenceReplayOptions } from '../replay/serving-slo.js';
import { evaluatePoint, type PointResult } from './evaluate-point.js';
import type { DesignPoint, SweepSpec } from './sweep-spec.js';

/** Everything a sweep's evaluation needs; structured-clone safe (sent to worker threads once). */
export interface WorkerData {
  readonly spec: SweepSpec;
  readonly points: readonly DesignPoint[];
  readonly trace: LoadedJobTrace;
  /** By policy name. */
  readonly profiles: Readonly<Record<string, ProfileConfig>>;
  /** A model-class mapping file, or undefined for the built-in mapping. */
  readonly mappingFile?: string;
  readonly seed: number;
  readonly referenceGpu?: string;
  /** The inference workloads' load and targets (plan/inference-options.ts), when the trace has any. */
  readonly inference?: InferenceReplayOptions;
}

export interface WorkerRequest {
  readonly index: number;
}

export type WorkerReply = { readonly index: number; readonly result: PointResult } | { readonly index: number; readonly error: string };

const mappers = new WeakMap<WorkerData, ModelClassMapper>();

/** Evaluates design point `index` of the sweep (in a worker thread or in-process). */
export function evaluateInWorker(data: WorkerData, index: number): PointResult {
  let mapper = mappers.get(data);
  if (mapper === undefined) {
    mapper = data.mappingFile === undefined ? new ModelClassMapper() : loadModelClassMapper(data.mappingFile);
    mappers.set(data, mapper);
  }
  const point = data.points[index]!;
  return evaluatePoint(data.spec, point, data.trace, data.profiles[point.policy]!, mapper, data.seed, data.referenceGpu, data.inference);
}
