import {
  CoordinationV1Api,
  CoreV1Api,
  CoreV1Event,
  CustomObjectsApi,
  V1Binding,
  V1DeleteOptions,
  V1EventSource,
  V1ObjectMeta,
  V1ObjectReference,
  V1Preconditions,
  type KubeConfig,
  type V1Lease,
} from '@kubernetes/client-node';
import { keepAliveKubeConfig } from './keep-alive.js';
import { make } from './make.js';
import { DEFAULT_REQUEST_TIMEOUT_MS, withRequestTimeout } from './request-timeout.js';
import {
  FINE_TUNE_JOBS,
  MODEL_DEPLOYMENTS,
  WEFT_GROUP,
  WEFT_VERSION,
  type FineTuneJob,
  type FineTuneJobStatus,
  type ModelDeployment,
  type ModelDeploymentStatus,
  type NodeObject,
  type ObjectMeta,
  type PodObject,
} from './objects.js';

/** A list in wire form: the items and the resourceVersion to watch from. */
export interface WireList<T> {
  items: T[];
  metadata: { resourceVersion?: string };
}

/** An Event about one object, as `EventRecorder` sends it. */
export interface EventInput {
  involved: { apiVersion: string; kind: string; metadata: ObjectMeta };
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

export interface KubeClientOptions {
  /**
   * Refuse every write (dry run): a write throws instead of reaching the API server, so a
   * dry run cannot change the cluster even through a bug elsewhere.
   */
  readOnly?: boolean;
  /** `source.component` and `reportingComponent` of Events. Default `weft-operator`. */
  component?: string;
  /** Bound on each API request (not on watches); a request still unanswered then rejects. Default 30 s. */
  requestTimeoutMs?: number;
}

/**
 * Every API call the operator makes, typed, in one place. `deploy/rbac.yaml` grants exactly
 * these (checked by `rbac.test.ts`): adding a call here means adding its verb there.
 *
 * Objects come back in wire form (plain JSON, timestamps as strings) whatever the endpoint, so
 * informer caches fed by lists and by watch events hold the same shapes.
 *
 * @example
 * const kc = new KubeConfig();
 * kc.loadFromDefault();
 * const client = new KubeClient(kc);
 * const nodes = await client.listNodes();
 */
export class KubeClient {
  readonly #core: CoreV1Api;
  readonly #custom: CustomObjectsApi;
  readonly #coordination: CoordinationV1Api;
  readonly #readOnly: boolean;
  readonly #component: string;
  readonly #closeConnections: () => void;

  constructor(kubeConfig: KubeConfig, options: KubeClientOptions = {}) {
    if (kubeConfig.getCurrentCluster() === null) throw new RangeError('kubeconfig has no current cluster (check current-context)');
    // One keep-alive agent for every call, as client-go's shared transport (see keepAliveKubeConfig).
    const pooled = keepAliveKubeConfig(kubeConfig);
    this.#closeConnections = pooled.close;
    const timed = withRequestTimeout(pooled.kubeConfig, options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS);
    this.#core = timed.makeApiClient(CoreV1Api);
    this.#custom = timed.makeApiClient(CustomObjectsApi);
    this.#coordination = timed.makeApiClient(CoordinationV1Api);
    this.#readOnly = options.readOnly ?? false;
    this.#component = options.component ?? 'weft-operator';
    if (this.#component === '') throw new RangeError('component must not be empty');
  }

  get readOnly(): boolean {
    return this.#readOnly;
  }

  /** Closes the kept connections (idle ones would close on their own after `KEEP_ALIVE_IDLE_MS`). */
  close(): void {
    this.#closeConnections();
  }

  // Reads (list; informers then watch from the list's resourceVersion).

  async listNodes(): Promise<WireList<NodeObject>> {
    return wire(await this.#core.listNode()) as WireList<NodeObject>;
  }

  /** Pods in every namespace matching `labelSelector`. */
  async listPods(labelSelector?: string): Promise<WireList<PodObject>> {
    return wire(await this.#core.listPodForAllNamespaces(labelSelector === undefined ? {} : { labelSelector })) as WireList<PodObject>;
  }

  async listModelDeployments(): Promise<WireList<ModelDeployment>> {
    return (await this.#custom.listClusterCustomObject({ group: WEFT_GROUP, version: WEFT_VERSION, plural: MODEL_DEPLOYMENTS })) as WireList<ModelDeployment>;
  }

  async listFineTuneJobs(): Promise<WireList<FineTuneJob>> {
    return (await this.#custom.listClusterCustomObject({ group: WEFT_GROUP, version: WEFT_VERSION, plural: FINE_TUNE_JOBS })) as WireList<FineTuneJob>;
  }

  // Writes.

  /** Replaces the whole object (finalizers); 409 when `metadata.resourceVersion` is stale. */
  async updateModelDeployment(md: ModelDeployment): Promise<ModelDeployment> {
    this.#checkWrite('update ModelDeployment');
    const { namespace, name } = namespaced(md.metadata);
    return (await this.#custom.replaceNamespacedCustomObject({
      group: WEFT_GROUP, version: WEFT_VERSION, plural: MODEL_DEPLOYMENTS, namespace, name, body: md,
    })) as ModelDeployment;
  }

  /** Writes `status` through the status subresource, guarded by the object's resourceVersion. */
  async updateModelDeploymentStatus(md: ModelDeployment, status: ModelDeploymentStatus): Promise<ModelDeployment> {
    this.#checkWrite('update ModelDeployment status');
    const { namespace, name } = namespaced(md.metadata);
    return (await this.#custom.replaceNamespacedCustomObjectStatus({
      group: WEFT_GROUP, version: WEFT_VERSION, plural: MODEL_DEPLOYMENTS, namespace, name, body: { ...md, status },
    })) as ModelDeployment;
  }

  /** Replaces the whole object (finalizers); 409 when `metadata.resourceVersion` is stale. */
  async updateFineTuneJob(job: FineTuneJob): Promise<FineTuneJob> {
    this.#checkWrite('update FineTuneJob');
    const { namespace, name } = namespaced(job.metadata);
    return (await this.#custom.replaceNamespacedCustomObject({
      group: WEFT_GROUP, version: WEFT_VERSION, plural: FINE_TUNE_JOBS, namespace, name, body: job,
    })) as FineTuneJob;
  }

  async updateFineTuneJobStatus(job: FineTuneJob, status: FineTuneJobStatus): Promise<FineTuneJob> {
    this.#checkWrite('update FineTuneJob status');
    const { namespace, name } = namespaced(job.metadata);
    return (await this.#custom.replaceNamespacedCustomObjectStatus({
      group: WEFT_GROUP, version: WEFT_VERSION, plural: FINE_TUNE_JOBS, namespace, name, body: { ...job, status },
    })) as FineTuneJob;
  }

  async createPod(pod: PodObject & { apiVersion: 'v1'; kind: 'Pod' }): Promise<PodObject> {
    this.#checkWrite('create Pod');
    const { namespace } = namespaced(pod.metadata);
    // The generated serializer reads the body by property name, which the wire form shares.
    return wire(await this.#core.createNamespacedPod({ namespace, body: pod as never })) as PodObject;
  }

  /**
   * Deletes a pod; with `uid`, only that incarnation (a precondition, 409 otherwise); with
   * `gracePeriodSeconds`, the time its containers get between SIGTERM and SIGKILL (a fine-tuning
   * worker checkpoints in it).
   */
  async deletePod(namespace: string, name: string, uid?: string, gracePeriodSeconds?: number): Promise<void> {
    this.#checkWrite('delete Pod');
    const body =
      uid === undefined && gracePeriodSeconds === undefined
        ? undefined
        : make(V1DeleteOptions, {
            ...(uid === undefined ? {} : { preconditions: make(V1Preconditions, { uid }) }),
            ...(gracePeriodSeconds === undefined ? {} : { gracePeriodSeconds }),
          });
    await this.#core.deleteNamespacedPod({ namespace, name, ...(body === undefined ? {} : { body }) });
  }

  /** Binds a pod to a node through `pods/<name>/binding`; 409 when it is already bound. */
  async bindPod(namespace: string, name: string, nodeName: string, uid?: string): Promise<void> {
    this.#checkWrite('create Pod binding');
    await this.#core.createNamespacedPodBinding({
      namespace,
      name,
      body: make(V1Binding, {
        apiVersion: 'v1',
        kind: 'Binding',
        metadata: make(V1ObjectMeta, { name, namespace, ...(uid === undefined ? {} : { uid }) }),
        target: make(V1ObjectReference, { apiVersion: 'v1', kind: 'Node', name: nodeName }),
      }),
    });
  }

  async createEvent(event: EventInput): Promise<void> {
    this.#checkWrite('create Event');
    const { namespace, name } = namespaced(event.involved.metadata);
    const now = new Date();
    await this.#core.createNamespacedEvent({
      namespace,
      body: make(CoreV1Event, {
        metadata: make(V1ObjectMeta, { generateName: `${name}.`, namespace }),
        involvedObject: make(V1ObjectReference, {
          apiVersion: event.involved.apiVersion,
          kind: event.involved.kind,
          name,
          namespace,
          ...(event.involved.metadata.uid === undefined ? {} : { uid: event.involved.metadata.uid }),
          ...(event.involved.metadata.resourceVersion === undefined ? {} : { resourceVersion: event.involved.metadata.resourceVersion }),
        }),
        type: event.type,
        reason: event.reason,
        message: event.message,
        source: make(V1EventSource, { component: this.#component }),
        reportingComponent: this.#component,
        firstTimestamp: now,
        lastTimestamp: now,
        count: 1,
      }),
    });
  }

  // Leader election.

  async readLease(namespace: string, name: string): Promise<V1Lease> {
    return this.#coordination.readNamespacedLease({ namespace, name });
  }

  async createLease(namespace: string, lease: V1Lease): Promise<V1Lease> {
    this.#checkWrite('create Lease');
    return this.#coordination.createNamespacedLease({ namespace, body: lease });
  }

  /** Replaces the Lease; 409 when its resourceVersion is stale (another candidate wrote first). */
  async replaceLease(namespace: string, name: string, lease: V1Lease): Promise<V1Lease> {
    this.#checkWrite('update Lease');
    return this.#coordination.replaceNamespacedLease({ namespace, name, body: lease });
  }

  #checkWrite(what: string): void {
    if (this.#readOnly) throw new Error(`dry run: refusing to ${what}`);
  }
}

function namespaced(meta: ObjectMeta): { namespace: string; name: string } {
  if (meta.namespace === undefined || meta.namespace === '') throw new RangeError(`object ${meta.name} has no namespace`);
  return { namespace: meta.namespace, name: meta.name };
}

/**
 * A typed client-node result back in wire form: Dates become RFC 3339 strings, class instances
 * plain objects. The generated model classes use the JSON field names for every field the
 * operator reads (the renamed ones, such as `_continue`, are not among them).
 */
function wire(value: object): unknown {
  return JSON.parse(JSON.stringify(value));
}
