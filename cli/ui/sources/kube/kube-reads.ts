import { CoreV1Api, CustomObjectsApi, type KubeConfig } from '@kubernetes/client-node';
import type { WireList } from '../../../../operator/kube/client.js';
import { KubeClient } from '../../../../operator/kube/client.js';
import { FINE_TUNE_JOBS, MODEL_DEPLOYMENTS, WEFT_GROUP, WEFT_VERSION, type FineTuneJob, type ModelDeployment, type NodeObject, type ObjectMeta, type PodObject } from '../../../../operator/kube/objects.js';

/** A Kubernetes Event in wire form: the fields the dashboard shows. */
export interface EventObject {
  metadata: ObjectMeta;
  involvedObject?: { apiVersion?: string; kind?: string; name?: string; namespace?: string };
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  eventTime?: string;
  firstTimestamp?: string;
  lastTimestamp?: string;
}

/** A watched collection: the informer path and its matching list call. */
export interface Collection<T> {
  path: string;
  list: () => Promise<WireList<T>>;
}

/**
 * The reads of `weft ui --kube`. Nodes, Pods and, cluster-wide, the CRs go through the
 * operator's `KubeClient` (read-only). Two reads the operator never makes live here, so that
 * `deploy/rbac.yaml` (which must grant exactly what the operator uses) stays as it is: Events,
 * and the CRs of one namespace (`--namespace`).
 */
export class DashboardReads {
  readonly client: KubeClient;
  readonly #core: CoreV1Api;
  readonly #custom: CustomObjectsApi;
  readonly #namespace: string | undefined;

  constructor(kubeConfig: KubeConfig, namespace?: string) {
    this.client = new KubeClient(kubeConfig, { readOnly: true, component: 'weft-ui' });
    this.#core = kubeConfig.makeApiClient(CoreV1Api);
    this.#custom = kubeConfig.makeApiClient(CustomObjectsApi);
    this.#namespace = namespace;
  }

  nodes(): Collection<NodeObject> {
    return { path: '/api/v1/nodes', list: () => this.client.listNodes() };
  }

  /** Every pod of the cluster: GPU occupancy is cluster-wide whatever namespace is shown. */
  pods(): Collection<PodObject> {
    return { path: '/api/v1/pods', list: () => this.client.listPods() };
  }

  modelDeployments(): Collection<ModelDeployment> {
    const ns = this.#namespace;
    if (ns === undefined) return { path: `/apis/${WEFT_GROUP}/${WEFT_VERSION}/${MODEL_DEPLOYMENTS}`, list: () => this.client.listModelDeployments() };
    return { path: `/apis/${WEFT_GROUP}/${WEFT_VERSION}/namespaces/${ns}/${MODEL_DEPLOYMENTS}`, list: () => this.#listCustom<ModelDeployment>(MODEL_DEPLOYMENTS, ns) };
  }

  fineTuneJobs(): Collection<FineTuneJob> {
    const ns = this.#namespace;
    if (ns === undefined) return { path: `/apis/${WEFT_GROUP}/${WEFT_VERSION}/${FINE_TUNE_JOBS}`, list: () => this.client.listFineTuneJobs() };
    return { path: `/apis/${WEFT_GROUP}/${WEFT_VERSION}/namespaces/${ns}/${FINE_TUNE_JOBS}`, list: () => this.#listCustom<FineTuneJob>(FINE_TUNE_JOBS, ns) };
  }

  events(): Collection<EventObject> {
    const ns = this.#namespace;
    if (ns === undefined) return { path: '/api/v1/events', list: async () => wire(await this.#core.listEventForAllNamespaces()) as WireList<EventObject> };
    return { path: `/api/v1/namespaces/${ns}/events`, list: async () => wire(await this.#core.listNamespacedEvent({ namespace: ns })) as WireList<EventObject> };
  }

  async #listCustom<T>(plural: string, namespace: string): Promise<WireList<T>> {
    return (await this.#custom.listNamespacedCustomObject({ group: WEFT_GROUP, version: WEFT_VERSION, namespace, plural })) as WireList<T>;
  }
}

/** A typed client-node result in wire form (Dates as RFC 3339 strings), as watch events carry it. */
function wire(value: object): unknown {
  return JSON.parse(JSON.stringify(value));
}
