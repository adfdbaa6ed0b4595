import type { ModelDeployment, PodObject, OwnerReference } from '../kube/objects.js';
import { WEFT_API_VERSION } from '../kube/objects.js';
import { cpuMilli, memoryMiB, wholeCount } from '../quantity.js';
import type { PodDemand } from '../placement.js';
import type { Engine } from '../planning/replica-plan.js';

/** The scheduler name on every pod the operator creates: kube-scheduler leaves them alone. */
export const SCHEDULER_NAME = 'weft';
/** Label naming the ModelDeployment a replica pod belongs to. */
export const DEPLOYMENT_LABEL = 'weft.dev/model-deployment';
/** Label with the replica's index (0-based): pod names are `<deployment>-<index>`. */
export const REPLICA_LABEL = 'weft.dev/replica';
export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
export const MANAGED_BY = 'weft-operator';

/** `<deployment>-<index>`: deterministic, so a create repeated after a crash gets 409, not a twin. */
export function replicaPodName(md: ModelDeployment, index: number): string {
  return `${md.metadata.name}-${index}`;
}

/** The replica index of one of the deployment's pods, or undefined when the label is missing or malformed. */
export function replicaIndex(pod: PodObject): number | undefined {
  const text = pod.metadata.labels?.[REPLICA_LABEL];
  if (text === undefined || !/^\d+$/.test(text)) return undefined;
  return Number(text);
}

/**
 * The replica pod: the CR's template, GPUs as `gpuResource` requests and limits, the plan's
 * tensor-parallel size (and precision and GPU when known) as env vars and annotations,
 * `schedulerName: weft`, and a controller owner reference to the CR (so deleting the CR
 * collects the pods even if the operator is gone).
 */
export function replicaPod(md: ModelDeployment, index: number, gpus: number, gpuResource: string, engine?: Engine): PodObject & { apiVersion: 'v1'; kind: 'Pod' } {
  const t = md.spec.template;
  const owner: OwnerReference = {
    apiVersion: WEFT_API_VERSION,
    kind: 'ModelDeployment',
    name: md.metadata.name,
    uid: md.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
  const gpuQuantity = String(gpus);
  const container = {
    name: 'engine',
    image: t.image,
    ...(t.command === undefined ? {} : { command: t.command }),
    ...(t.args === undefined ? {} : { args: t.args }),
    // The plan, for the engine's arguments: Kubernetes expands $(WEFT_TENSOR_PARALLEL_SIZE) in args.
    env: [
      ...(t.env ?? []),
      { name: 'WEFT_TENSOR_PARALLEL_SIZE', value: String(gpus) },
      ...(engine === undefined ? [] : [{ name: 'WEFT_WEIGHT_PRECISION', value: engine.precision }, { name: 'WEFT_GPU', value: engine.gpu }]),
    ],
    resources: {
      requests: { ...t.resources?.requests, [gpuResource]: gpuQuantity },
      limits: { ...t.resources?.limits, [gpuResource]: gpuQuantity },
    },
    ...(t.metricsPort === undefined ? {} : { ports: [{ name: 'metrics', containerPort: t.metricsPort }] }),
  };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: replicaPodName(md, index),
      ...(md.metadata.namespace === undefined ? {} : { namespace: md.metadata.namespace }),
      labels: { [DEPLOYMENT_LABEL]: md.metadata.name, [REPLICA_LABEL]: String(index), [MANAGED_BY_LABEL]: MANAGED_BY },
      annotations: {
        'weft.dev/model': md.spec.model,
        'weft.dev/tensor-parallel': String(gpus),
        ...(engine === undefined ? {} : { 'weft.dev/precision': engine.precision, 'weft.dev/gpu': engine.gpu }),
      },
      ownerReferences: [owner],
    },
    spec: { schedulerName: SCHEDULER_NAME, containers: [container] },
  };
}

/**
 * What a pod holds on its node, from its containers' requests (GPUs from limits, where
 * Kubernetes requires extended resources to be set, else requests). Unparseable quantities
 * count as 0: the pod was admitted by the API server, so this is another controller's pod
 * with an unusual quantity, and the operator must not fail on it.
 */
export function podDemand(pod: PodObject, gpuResource: string): PodDemand {
  const demand: PodDemand = { gpus: 0, cpuMilli: 0, memoryMiB: 0 };
  for (const c of pod.spec?.containers ?? []) {
    const r = c.resources ?? {};
    demand.gpus += safe(() => wholeCount(r.limits?.[gpuResource] ?? r.requests?.[gpuResource], 'gpu'));
    demand.cpuMilli += safe(() => cpuMilli(r.requests?.cpu, 'cpu'));
    demand.memoryMiB += safe(() => memoryMiB(r.requests?.memory, 'memory'));
  }
  return demand;
}

function safe(read: () => number): number {
  try {
    return read();
  } catch {
    return 0;
  }
}

/** Pods that hold no resources any more: finished. */
export function isFinished(pod: PodObject): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}
