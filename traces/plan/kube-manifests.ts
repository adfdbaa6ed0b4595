import { createHash } from 'node:crypto';
import type { ProfileConfig } from '../../scheduler/framework/profile.js';
import type { PointResult } from './evaluate-point.js';
import type { SweepSpec } from './sweep-spec.js';

/**
 * What a `weft plan --on-kubernetes` worker needs besides its index: the sweep (points are
 * re-expanded from it by the same `designPoints` as the local sweep), a reference to the trace
 * (a path the worker's container can read: baked into the image or on a mounted volume), and
 * the resolved scheduler profiles, so workers do not depend on profile files. Stored as JSON
 * under `plan.json` in the ConfigMap `<job>-spec`.
 */
export interface KubePlanInput {
  readonly format: string;
  /** The trace as the workers see it. */
  readonly trace: string;
  readonly spec: SweepSpec;
  readonly profiles: Readonly<Record<string, ProfileConfig>>;
  readonly seed: number;
  /** A model-class mapping file as the workers see it. */
  readonly mappingFile?: string;
  readonly referenceGpu?: string;
}

/** Labels and keys shared by the command, the workers and the tests. */
export const PLAN_JOB_LABEL = 'weft.dev/plan-job';
export const PLAN_INDEX_LABEL = 'weft.dev/plan-index';
export const PLAN_INPUT_KEY = 'plan.json';
export const PLAN_RESULT_KEY = 'result.json';
export const PLAN_ERROR_KEY = 'error';
/** The container's environment: the Job's name, and its namespace through the downward API. */
export const PLAN_JOB_ENV = 'WEFT_PLAN_JOB';
export const PLAN_NAMESPACE_ENV = 'WEFT_PLAN_NAMESPACE';
/** Set by the Job controller on each pod of an Indexed Job. */
export const COMPLETION_INDEX_ENV = 'JOB_COMPLETION_INDEX';

export function specConfigMapName(job: string): string {
  return `${job}-spec`;
}

export function resultConfigMapName(job: string, index: number): string {
  return `${job}-${index}`;
}

/** The input as stored (JSON; the command builds it in a fixed key order, so equal inputs are equal bytes and name the same Job). */
export function encodeInput(input: KubePlanInput): string {
  return `${JSON.stringify(input, null, 1)}\n`;
}

/** A default Job name from the input's bytes: resubmitting the same plan names the same Job. */
export function defaultJobName(input: KubePlanInput): string {
  return `weft-plan-${createHash('sha256').update(encodeInput(input)).digest('hex').slice(0, 10)}`;
}

/**
 * A point's result as stored in its ConfigMap. JSON has no NaN or Infinity (a statistic over no
 * jobs), so non-finite numbers are written as `{ "nonFinite": "NaN" }` and read back as numbers:
 * the gathered results then equal the local sweep's exactly (finite doubles round-trip through
 * JSON's shortest representation).
 */
export function encodeResult(result: PointResult): string {
  return `${JSON.stringify(result, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? { nonFinite: String(value) } : value))}\n`;
}

export function decodeResult(text: string): PointResult {
  return JSON.parse(text, (_key, value: unknown) => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const v = value as Record<string, unknown>;
      if (Object.keys(v).length === 1 && typeof v.nonFinite === 'string') return Number(v.nonFinite);
    }
    return value;
  }) as PointResult;
}

export interface PlanJobOptions {
  readonly name: string;
  readonly namespace: string;
  readonly image: string;
  /** The container's command up to the subcommand: `weft plan --worker` is appended as args. */
  readonly command: readonly string[];
  readonly completions: number;
  readonly parallelism: number;
  readonly serviceAccount?: string;
}

/** A Kubernetes object in wire form. */
export type Manifest = Record<string, unknown> & { apiVersion: string; kind: string; metadata: { name: string; namespace: string } & Record<string, unknown> };

/** The ConfigMap holding the plan's input. */
export function inputConfigMap(options: PlanJobOptions, input: KubePlanInput): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: specConfigMapName(options.name), namespace: options.namespace, labels: { [PLAN_JOB_LABEL]: options.name } },
    data: { [PLAN_INPUT_KEY]: encodeInput(input) },
  };
}

/**
 * The Indexed Job: one completion per design point, each pod running `weft plan --worker`.
 * `backoffLimit: 0`: a point's evaluation is deterministic, so a retry of a failed index would
 * fail the same way; the worker writes its error to its ConfigMap for the command to report.
 */
export function planJob(options: PlanJobOptions): Manifest {
  const labels = { [PLAN_JOB_LABEL]: options.name };
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: options.name, namespace: options.namespace, labels },
    spec: {
      completionMode: 'Indexed',
      completions: options.completions,
      parallelism: options.parallelism,
      backoffLimit: 0,
      template: {
        metadata: { labels },
        spec: {
          restartPolicy: 'Never',
          ...(options.serviceAccount === undefined ? {} : { serviceAccountName: options.serviceAccount }),
          containers: [
            {
              name: 'worker',
              image: options.image,
              command: [...options.command],
              args: ['plan', '--worker'],
              env: [
                { name: PLAN_JOB_ENV, value: options.name },
                { name: PLAN_NAMESPACE_ENV, valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
              ],
            },
          ],
        },
      },
    },
  };
}
