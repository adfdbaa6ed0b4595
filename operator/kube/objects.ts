/**
 * The objects the operator reads, in their wire (JSON) form: only the fields it uses. Informer
 * caches hold this form whether an object came from a list or a watch event, so timestamps are
 * RFC 3339 strings and quantities are strings or numbers, as the API server sends them.
 */

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  finalizers?: string[];
  deletionTimestamp?: string;
  creationTimestamp?: string;
  ownerReferences?: OwnerReference[];
}

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

/** A Kubernetes quantity as sent on the wire: `"8"`, `"500m"`, `"64Gi"`, or a bare number. */
export type Quantity = string | number;

export interface NodeObject {
  metadata: ObjectMeta;
  spec?: { unschedulable?: boolean; taints?: { key: string; value?: string; effect: string }[] };
  status?: {
    allocatable?: Record<string, Quantity>;
    capacity?: Record<string, Quantity>;
    conditions?: { type: string; status: string }[];
  };
}

export interface ContainerResources {
  requests?: Record<string, Quantity>;
  limits?: Record<string, Quantity>;
}

export interface PodObject {
  metadata: ObjectMeta;
  spec?: {
    nodeName?: string;
    schedulerName?: string;
    containers?: { name: string; resources?: ContainerResources }[];
  };
  status?: { phase?: string; podIP?: string };
}

/** One status condition, as Kubernetes API conventions define it. */
export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
  observedGeneration?: number;
  lastTransitionTime: string;
}

/** The serving engine's or worker's pod, as the CRDs describe it. */
export interface WorkloadTemplate {
  image: string;
  command?: string[];
  args?: string[];
  env?: { name: string; value?: string }[];
  resources?: ContainerResources;
  metricsPort?: number;
}

export interface ModelDeploymentSpec {
  model: string;
  slo?: { ttftP99?: string; tpotP99?: string; e2eP99?: string };
  load?: { qps: number; promptTokens?: number; outputTokens?: number };
  requestTrace?: { uri: string; format: string };
  replicas?: number;
  gpusPerReplica?: number;
  minReplicas?: number;
  maxReplicas?: number;
  gpuType?: string;
  priority?: number;
  autoscaling?: AutoscalingSpec;
  template: WorkloadTemplate;
}

/** How the elastic controller scales a deployment between minReplicas and maxReplicas. */
export interface AutoscalingSpec {
  /** `slo` (SloPolicy, default), `kpa` (KpaPolicy on requests in flight) or `none`. */
  policy?: 'slo' | 'kpa' | 'none';
  /** KPA: requests in flight per replica. */
  targetConcurrency?: number;
  /** Window of the live p99s and of the policies' stable rate (duration, default 60s). */
  window?: string;
  /** Recommendations must agree this long before replicas go (duration; SLO default 120s, KPA 0s). */
  scaleDownDelay?: string;
}

/** What the deployment runs as: from the spec or from the one-click planner. */
export interface PlanStatus {
  source: 'spec' | 'planner';
  /** GPU catalog key, for example h100-sxm (absent when the spec names none and nodes differ). */
  gpu?: string;
  tensorParallel: number;
  precision: string;
  replicas: number;
  usdPerHour?: number;
  /** Predicted p99s at the expected load and `replicas` (durations, for example 120ms). */
  predictedTtftP99?: string;
  predictedTpotP99?: string;
}

/** Live latency, and where it came from. */
export interface LatencyStatus {
  /** `metrics` (vLLM /metrics of the replicas), `prediction` (the replica model at the expected load) or `none`. */
  source: 'metrics' | 'prediction' | 'none';
  ttftP99?: string;
  tpotP99?: string;
  requestsPerSec?: number;
  requestsWaiting?: number;
  /** Replicas whose metrics were read / replicas bound. */
  podsScraped?: string;
  window?: string;
}

export interface ModelDeploymentStatus {
  observedGeneration?: number;
  replicas?: number;
  scheduledReplicas?: number;
  /** Replicas the elastic controller (or the plan) wants now. */
  targetReplicas?: number;
  plan?: PlanStatus;
  latency?: LatencyStatus;
  placements?: { pod: string; node: string }[];
  conditions?: Condition[];
}

export interface ModelDeployment {
  apiVersion: string;
  kind: 'ModelDeployment';
  metadata: ObjectMeta;
  spec: ModelDeploymentSpec;
  status?: ModelDeploymentStatus;
}

export interface FineTuneJobSpec {
  baseModel: string;
  method: 'full' | 'lora' | 'qlora';
  datasetTokens: number;
  minGpus: number;
  maxGpus: number;
  gpusPerWorker?: number;
  gpuType?: string;
  deadline?: string;
  priority?: number;
  loraRank?: number;
  epochs?: number;
  checkpoint?: { uri: string; intervalSeconds?: number };
  template: WorkloadTemplate;
}

export interface FineTuneJobStatus {
  observedGeneration?: number;
  gpus?: number;
  workers?: number;
  /** Workers the lending controller gives the job now (0: suspended or waiting for GPUs). */
  targetWorkers?: number;
  plan?: {
    gpu: string;
    gpus: number;
    workers: number;
    gpusPerWorker: number;
    dp: number;
    tp: number;
    pp: number;
    zeroStage: number;
    stepTime: string;
    /** Predicted run time on the planned GPUs (duration). */
    predictedDuration: string;
  };
  /** When the job is predicted to finish at its current size (RFC 3339), and whether that meets spec.deadline. */
  predictedCompletion?: string;
  placements?: { pod: string; node: string }[];
  conditions?: Condition[];
}

export interface FineTuneJob {
  apiVersion: string;
  kind: 'FineTuneJob';
  metadata: ObjectMeta;
  spec: FineTuneJobSpec;
  status?: FineTuneJobStatus;
}

/** Group, version and plural of Weft's resources. */
export const WEFT_GROUP = 'weft.dev';
export const WEFT_VERSION = 'v1alpha1';
export const WEFT_API_VERSION = `${WEFT_GROUP}/${WEFT_VERSION}`;
export const MODEL_DEPLOYMENTS = 'modeldeployments';
export const FINE_TUNE_JOBS = 'finetunejobs';

/** `namespace/name`, the work queue's key and the informer caches' index. */
export function keyOf(meta: Pick<ObjectMeta, 'name' | 'namespace'>): string {
  return meta.namespace === undefined || meta.namespace === '' ? meta.name : `${meta.namespace}/${meta.name}`;
}

/** Inverse of `keyOf` for namespaced objects. */
export function splitKey(key: string): { namespace: string; name: string } {
  const slash = key.indexOf('/');
  if (slash < 0) throw new RangeError(`expected a namespace/name key, got ${JSON.stringify(key)}`);
  return { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}
