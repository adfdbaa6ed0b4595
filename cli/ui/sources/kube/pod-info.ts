import { JOB_LABEL } from '../../../../operator/fine-tune/pods.js';
import { keyOf, type PodObject } from '../../../../operator/kube/objects.js';
import { DEPLOYMENT_LABEL, isFinished, podDemand } from '../../../../operator/model-deployment/pods.js';

/** What the dashboard needs of a pod, derived once per watch event. */
export interface PodInfo {
  /** `namespace/name`. */
  key: string;
  namespace: string;
  node: string | undefined;
  /** GPUs requested (limits, else requests, of `gpuResource`), as the operator counts them. */
  gpus: number;
  /** Holds its GPUs now: bound, not Succeeded or Failed. */
  holds: boolean;
  phase: string;
  /** `namespace/name` of the ModelDeployment, FineTuneJob or controller it belongs to (else the pod). */
  workload: string;
  workloadKind: 'deployment' | 'finetune' | 'pod';
  /**
   * A FineTuneJob worker: the operator's lending controller runs every worker on GPUs lent by
   * inference (operator/lending.ts), so their GPUs are the lent ones.
   */
  lent: boolean;
}

export function podInfo(pod: PodObject, gpuResource: string): PodInfo {
  const namespace = pod.metadata.namespace ?? '';
  const labels = pod.metadata.labels ?? {};
  const deployment = labels[DEPLOYMENT_LABEL];
  const job = labels[JOB_LABEL];
  const controller = pod.metadata.ownerReferences?.find((o) => o.controller === true) ?? pod.metadata.ownerReferences?.[0];
  const node = pod.spec?.nodeName === undefined || pod.spec.nodeName === '' ? undefined : pod.spec.nodeName;
  let workload: string;
  let workloadKind: PodInfo['workloadKind'];
  if (deployment !== undefined) {
    workload = `${namespace}/${deployment}`;
    workloadKind = 'deployment';
  } else if (job !== undefined) {
    workload = `${namespace}/${job}`;
    workloadKind = 'finetune';
  } else {
    workload = `${namespace}/${controller?.name ?? pod.metadata.name}`;
    workloadKind = 'pod';
  }
  const gpus = podDemand(pod, gpuResource).gpus;
  return {
    key: keyOf(pod.metadata),
    namespace,
    node,
    gpus,
    holds: node !== undefined && gpus > 0 && !isFinished(pod),
    phase: pod.status?.phase ?? 'Pending',
    workload,
    workloadKind,
    lent: workloadKind === 'finetune',
  };
}
