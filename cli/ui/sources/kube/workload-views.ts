import { findCondition } from '../../../../operator/conditions.js';
import { parseDurationNs } from '../../../../operator/duration.js';
import type { Condition, FineTuneJob, ModelDeployment } from '../../../../operator/kube/objects.js';
import type { WorkloadView } from '../../model/snapshot.js';

/** Milliseconds of a status or spec duration (`120ms`), undefined when absent or not a duration. */
export function durationMs(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const ns = parseDurationNs(text);
  return ns === undefined ? undefined : ns / 1e6;
}

/**
 * The state column: what blocks the object, as the reason of its first condition that is not
 * True (in the order the operator sets them), else that it runs. A CR the operator has not
 * reconciled yet (no conditions, or an older generation observed) is `Pending`.
 */
function stateOf(meta: ModelDeployment['metadata'], status: { observedGeneration?: number; conditions?: Condition[] } | undefined, order: readonly string[]): string {
  if (meta.deletionTimestamp !== undefined) return 'Deleting';
  const conditions = status?.conditions;
  if (conditions === undefined || conditions.length === 0) return 'Pending';
  for (const type of order) {
    const c = findCondition(conditions, type);
    if (c !== undefined && c.status !== 'True') return c.reason;
  }
  return 'Running';
}

/** A ModelDeployment's row: replicas and latency from its status, GPUs from its pods, targets from its spec. */
export function deploymentView(md: ModelDeployment, name: string, gpus: number): WorkloadView {
  const s = md.status;
  const ttft = durationMs(s?.latency?.ttftP99);
  const tpot = durationMs(s?.latency?.tpotP99);
  const ttftTarget = durationMs(md.spec.slo?.ttftP99);
  const tpotTarget = durationMs(md.spec.slo?.tpotP99);
  return {
    name,
    kind: 'deployment',
    replicas: s?.replicas ?? 0,
    gpus,
    state: stateOf(md.metadata, s, ['Planned', 'Scheduled', 'SLOMet']),
    ...(ttft === undefined ? {} : { ttftP99Ms: ttft }),
    ...(ttftTarget === undefined ? {} : { ttftTargetMs: ttftTarget }),
    ...(tpot === undefined ? {} : { tpotP99Ms: tpot }),
    ...(tpotTarget === undefined ? {} : { tpotTargetMs: tpotTarget }),
  };
}

/** A FineTuneJob's row: workers and GPUs from its status (its pods' GPUs before the first status). */
export function fineTuneView(job: FineTuneJob, name: string, podGpus: number): WorkloadView {
  const s = job.status;
  return {
    name,
    kind: 'finetune',
    replicas: s?.workers ?? 0,
    gpus: s?.gpus ?? podGpus,
    state: stateOf(job.metadata, s, ['Planned', 'Scheduled', 'DeadlineMet']),
  };
}

/** GPU pods no Weft CR owns, grouped by their controller: replicas are pods holding GPUs. */
export function podGroupView(name: string, pods: number, gpus: number): WorkloadView {
  return { name, kind: 'pod', replicas: pods, gpus, state: 'Running' };
}

/** True / false / unknown of a deployment's SLOMet condition (the header's attainment counts it). */
export function sloMet(md: ModelDeployment): boolean | undefined {
  const c = findCondition(md.status?.conditions, 'SLOMet');
  return c === undefined || c.status === 'Unknown' ? undefined : c.status === 'True';
}
