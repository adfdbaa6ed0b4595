import { badInput, WeftError } from '../../core/errors.js';
import { formatError } from '../../core/format-error.js';
import { loadModelClassMapper } from '../mapping/load-mapping.js';
import { loadJobTrace, REPLAY_JOB_FORMATS, type ReplayJobFormat } from '../replay/job-source.js';
import type { PointResult } from './evaluate-point.js';
import type { PlanKubeApi, WireObject } from './kube-api.js';
import {
  encodeResult,
  PLAN_ERROR_KEY,
  PLAN_INDEX_LABEL,
  PLAN_INPUT_KEY,
  PLAN_JOB_LABEL,
  PLAN_RESULT_KEY,
  resultConfigMapName,
  specConfigMapName,
  type KubePlanInput,
} from './kube-manifests.js';
import { planInferenceOptions } from './inference-options.js';
import { evaluateInWorker, type WorkerData } from './sweep-job.js';
import { designPoints } from './sweep-spec.js';

/**
 * One pod of the plan's Indexed Job: reads the plan input from `<job>-spec`, evaluates design
 * point `index` with the local sweep's own code (`evaluateInWorker`), and writes the result to
 * the ConfigMap `<job>-<index>`, owned by the Job (deleted with it). When the evaluation fails
 * the ConfigMap carries the error instead, so the command can report the failing index's reason,
 * and the error is rethrown (the pod fails).
 */
export async function runPlanWorker(api: PlanKubeApi, job: string, index: number): Promise<PointResult> {
  const owner = await api.readJob(job);
  const completions = owner.spec?.completions;
  if (!Number.isInteger(index) || index < 0 || typeof completions !== 'number' || index >= completions) {
    throw badInput('completion index out of range', { field: 'JOB_COMPLETION_INDEX', value: index, expected: `an integer in [0, ${String(completions)})` });
  }
  let result: PointResult;
  try {
    result = await evaluate(await readInput(api, job), index, completions);
  } catch (error) {
    // The CLI's one-line rendering (where, field, value, expected), without its `error: ` prefix.
    const message = formatError(error).replace(/^(internal )?error: /, '');
    await writeResult(api, owner, index, { [PLAN_ERROR_KEY]: message }).catch(() => undefined);
    throw error;
  }
  await writeResult(api, owner, index, { [PLAN_RESULT_KEY]: encodeResult(result), design: result.design });
  return result;
}

async function readInput(api: PlanKubeApi, job: string): Promise<KubePlanInput> {
  const configMap = await api.readConfigMap(specConfigMapName(job));
  const text = configMap.data?.[PLAN_INPUT_KEY];
  if (text === undefined) throw badInput('plan input missing', { field: `configmap ${specConfigMapName(job)}`, value: Object.keys(configMap.data ?? {}), expected: `a ${PLAN_INPUT_KEY} key` });
  return JSON.parse(text) as KubePlanInput;
}

async function evaluate(input: KubePlanInput, index: number, completions: number): Promise<PointResult> {
  if (!(REPLAY_JOB_FORMATS as readonly string[]).includes(input.format)) throw badInput('unknown format', { field: 'plan.json format', value: input.format, expected: REPLAY_JOB_FORMATS.join(', ') });
  const points = designPoints(input.spec);
  if (points.length !== completions) {
    throw new WeftError('INTERNAL', `the sweep has ${points.length} design points but the Job ${completions} completions`);
  }
  const mapper = input.mappingFile === undefined ? undefined : loadModelClassMapper(input.mappingFile);
  const trace = await loadJobTrace(input.format as ReplayJobFormat, input.trace, mapper === undefined ? {} : { mapper });
  const inference = await planInferenceOptions(input.spec, trace);
  const data: WorkerData = {
    spec: input.spec, points, trace, profiles: input.profiles, seed: input.seed,
    ...(inference === undefined ? {} : { inference }),
    ...(input.mappingFile === undefined ? {} : { mappingFile: input.mappingFile }),
    ...(input.referenceGpu === undefined ? {} : { referenceGpu: input.referenceGpu }),
  };
  return evaluateInWorker(data, index);
}

async function writeResult(api: PlanKubeApi, owner: WireObject, index: number, data: Record<string, string>): Promise<void> {
  const job = owner.metadata.name;
  await api.writeConfigMap({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: resultConfigMapName(job, index),
      namespace: api.namespace,
      labels: { [PLAN_JOB_LABEL]: job, [PLAN_INDEX_LABEL]: String(index) },
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: job, uid: owner.metadata.uid }],
    },
    data,
  });
}
