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
  status?: { phase?: string };
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
  template: WorkloadTemplate;
}

export interface ModelDeploymentStatus {
  observedGeneration?: number;
  replicas?: number;
  scheduledReplicas?: number;
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
  template: WorkloadTemplate;
}

export interface FineTuneJobStatus {
  observedGeneration?: number;
  gpus?: number;
  workers?: number;
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
