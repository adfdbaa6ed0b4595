import type { FineTuneJob, OwnerReference, PodObject } from '../kube/objects.js';
import { WEFT_API_VERSION } from '../kube/objects.js';
import { MANAGED_BY, MANAGED_BY_LABEL, SCHEDULER_NAME } from '../model-deployment/pods.js';
import type { PlannedJob } from './plan.js';

/** Label naming the FineTuneJob a worker pod belongs to. */
export const JOB_LABEL = 'weft.dev/finetune-job';
/** Label with the worker's index (0-based): pod names are `<job>-worker-<index>`. */
export const WORKER_LABEL = 'weft.dev/worker';

export function workerPodName(job: FineTuneJob, index: number): string {
  return `${job.metadata.name}-worker-${index}`;
}

export function workerIndex(pod: PodObject): number | undefined {
  const text = pod.metadata.labels?.[WORKER_LABEL];
  if (text === undefined || !/^\d+$/.test(text)) return undefined;
  return Number(text);
}

/**
 * A worker pod: the CR's template with `gpusPerWorker` GPUs, `schedulerName: weft`, a
 * controller owner reference, and the plan as env vars (WEFT_DP, WEFT_TP, WEFT_PP,
 * WEFT_ZERO_STAGE, WEFT_GPUS_PER_WORKER, WEFT_WORKER_INDEX, WEFT_CHECKPOINT_URI). The gang's
 * size changes under lending: elastic trainers (torchrun --nnodes=min:max) find their peers
 * through their rendezvous, not from these variables.
 */
export function workerPod(job: FineTuneJob, index: number, planned: PlannedJob, gpuResource: string): PodObject & { apiVersion: 'v1'; kind: 'Pod' } {
  const t = job.spec.template;
  const owner: OwnerReference = { apiVersion: WEFT_API_VERSION, kind: 'FineTuneJob', name: job.metadata.name, uid: job.metadata.uid ?? '', controller: true, blockOwnerDeletion: true };
  const c = planned.candidate;
  const gpus = String(planned.gpusPerWorker);
  const env = [
    ...(t.env ?? []),
    { name: 'WEFT_WORKER_INDEX', value: String(index) },
    { name: 'WEFT_GPUS_PER_WORKER', value: gpus },
    { name: 'WEFT_DP', value: String(c.dp) },
    { name: 'WEFT_TP', value: String(c.tp) },
    { name: 'WEFT_PP', value: String(c.pp) },
    { name: 'WEFT_ZERO_STAGE', value: String(c.zeroStage) },
    ...(job.spec.checkpoint === undefined ? [] : [{ name: 'WEFT_CHECKPOINT_URI', value: job.spec.checkpoint.uri }]),
  ];
  const container = {
    name: 'worker',
    image: t.image,
    ...(t.command === undefined ? {} : { command: t.command }),
    ...(t.args === undefined ? {} : { args: t.args }),
    env,
    resources: { requests: { ...t.resources?.requests, [gpuResource]: gpus }, limits: { ...t.resources?.limits, [gpuResource]: gpus } },
  };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: workerPodName(job, index),
      ...(job.metadata.namespace === undefined ? {} : { namespace: job.metadata.namespace }),
      labels: { [JOB_LABEL]: job.metadata.name, [WORKER_LABEL]: String(index), [MANAGED_BY_LABEL]: MANAGED_BY },
      annotations: { 'weft.dev/model': job.spec.baseModel, 'weft.dev/gpu': planned.gpu },
      ownerReferences: [owner],
    },
    spec: {
      schedulerName: SCHEDULER_NAME,
      containers: [container],
    },
  };
}
