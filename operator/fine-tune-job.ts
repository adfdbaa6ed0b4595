import { modelNames } from '../gpu-model/index.js';
import { setCondition } from './conditions.js';
import type { KubeClient } from './kube/client.js';
import type { FineTuneJob, FineTuneJobStatus } from './kube/objects.js';

/**
 * FineTuneJobs are watched but not placed yet (elastic gangs, lending and reclaiming are the
 * next step). Rather than leave them silent, the operator says so in the status: `Planned`
 * is False with `UnknownModel` or `NotImplemented`, so `kubectl get ftj` tells the truth.
 */
export async function reconcileFineTuneJob(client: KubeClient, job: FineTuneJob, now = new Date()): Promise<void> {
  if (job.metadata.deletionTimestamp !== undefined) return;
  const generation = job.metadata.generation;
  const known = modelNames().includes(job.spec.baseModel);
  const conditions = setCondition(
    job.status?.conditions,
    known
      ? { type: 'Planned', status: 'False', reason: 'NotImplemented', message: 'the operator does not place FineTuneJobs yet (elastic gang placement is not built)' }
      : { type: 'Planned', status: 'False', reason: 'UnknownModel', message: `spec.baseModel: unknown model ${JSON.stringify(job.spec.baseModel)} (expected one of: ${modelNames().join(', ')})` },
    now,
  ).map((c) => (generation === undefined ? c : { ...c, observedGeneration: generation }));
  const status: FineTuneJobStatus = { ...job.status, ...(generation === undefined ? {} : { observedGeneration: generation }), conditions };
  if (JSON.stringify(job.status ?? {}) === JSON.stringify(status)) return;
  await client.updateFineTuneJobStatus(job, status);
}
