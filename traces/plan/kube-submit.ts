import { WeftError } from '../../core/errors.js';
import type { PointResult } from './evaluate-point.js';
import type { JobStatus, PlanKubeApi, WireObject } from './kube-api.js';
import { decodeResult, inputConfigMap, PLAN_ERROR_KEY, PLAN_INDEX_LABEL, PLAN_JOB_LABEL, PLAN_RESULT_KEY, planJob, type KubePlanInput, type PlanJobOptions } from './kube-manifests.js';

/**
 * Submits the plan: the input ConfigMap first (a pod must find it when it starts), then the
 * Job, then the ConfigMap again with an owner reference to the Job, so deleting the Job deletes
 * the input with the results.
 */
export async function submitPlanJob(api: PlanKubeApi, options: PlanJobOptions, input: KubePlanInput): Promise<WireObject> {
  const configMap = await api.createConfigMap(inputConfigMap(options, input));
  const job = await api.createJob(planJob(options));
  await api.replaceConfigMap({
    ...configMap,
    metadata: { ...configMap.metadata, ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: options.name, uid: job.metadata.uid }] },
  });
  return job;
}

/** True when a Job condition of `type` holds. */
function holds(status: JobStatus | undefined, type: string): boolean {
  return (status?.conditions ?? []).some((c) => c.type === type && c.status === 'True');
}

/**
 * Waits until the Job is Complete or Failed, watching it (re-watching from the last version
 * seen when the server ends a watch, re-reading after an error such as 410 Gone), calling
 * `onProgress` with the succeeded count at each change. Throws on timeout (the Job is left in
 * place, to be inspected or gathered later).
 */
export async function waitForPlanJob(api: PlanKubeApi, name: string, timeoutMs: number, onProgress: (status: JobStatus) => void): Promise<WireObject> {
  const deadline = Date.now() + timeoutMs;
  let job = await api.readJob(name);
  const done = (j: WireObject): boolean => holds(j.status, 'Complete') || holds(j.status, 'Failed');
  onProgress(job.status ?? {});
  while (!done(job)) {
    const remainingMs = deadline - Date.now();
    if (remainingMs <= 0) {
      throw new WeftError('INTERNAL', `timed out after ${timeoutMs / 1000} s waiting for Job ${api.namespace}/${name} (${job.status?.succeeded ?? 0} of ${String(job.spec?.completions)} points done); it is left running`);
    }
    const stop = new AbortController();
    const timer = setTimeout(() => {
      stop.abort();
    }, remainingMs);
    try {
      await api.watchJob(name, job.metadata.resourceVersion, (next) => {
        job = next;
        onProgress(next.status ?? {});
        if (done(next)) stop.abort();
      }, stop.signal);
    } catch (error) {
      // A watch that fails (410 Gone after compaction, a dropped stream) restarts from a fresh read;
      // an error of the read itself (unreachable, RBAC) ends the wait.
      if (!(error instanceof WeftError) || error.details.field === 'RBAC') throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
      job = await api.readJob(name);
    } finally {
      clearTimeout(timer);
    }
    if (!done(job) && !stop.signal.aborted) job = await api.readJob(name);
  }
  return job;
}

/**
 * The results of a Complete Job in index order, from the ConfigMaps its workers wrote. A Failed
 * Job is an error naming the first failing index and its reason (the error its worker wrote,
 * else the Job's Failed condition).
 */
export async function gatherPlanResults(api: PlanKubeApi, job: WireObject): Promise<PointResult[]> {
  const name = job.metadata.name;
  const completions = job.spec?.completions as number;
  const configMaps = await api.listConfigMaps(`${PLAN_JOB_LABEL}=${name},${PLAN_INDEX_LABEL}`);
  const byIndex = new Map<number, WireObject>();
  for (const cm of configMaps) byIndex.set(Number(cm.metadata.labels?.[PLAN_INDEX_LABEL]), cm);
  if (holds(job.status, 'Failed')) {
    const failedIndexes = job.status?.failedIndexes;
    const errored = [...byIndex.entries()].filter(([, cm]) => cm.data?.[PLAN_ERROR_KEY] !== undefined).sort(([a], [b]) => a - b)[0];
    const condition = job.status?.conditions?.find((c) => c.type === 'Failed');
    const why =
      errored !== undefined
        ? `index ${errored[0]}: ${errored[1].data?.[PLAN_ERROR_KEY] ?? ''}`
        : `${failedIndexes === undefined ? '' : `failed indexes ${failedIndexes}: `}${condition?.reason ?? 'Failed'}${condition?.message === undefined ? '' : ` (${condition.message})`}`;
    throw new WeftError('INTERNAL', `Job ${api.namespace}/${name} failed: ${why}`);
  }
  const results: PointResult[] = [];
  for (let index = 0; index < completions; index++) {
    const text = byIndex.get(index)?.data?.[PLAN_RESULT_KEY];
    if (text === undefined) throw new WeftError('INTERNAL', `Job ${api.namespace}/${name} completed but design point ${index} has no result ConfigMap (${name}-${index})`);
    results.push(decodeResult(text));
  }
  return results;
}
