import { BatchV1Api, CoreV1Api, Watch, type KubeConfig } from '@kubernetes/client-node';
import { badInput, WeftError } from '../../core/errors.js';
import { describeApiError, httpStatusOf } from '../../operator/kube/api-error.js';
import type { Manifest } from './kube-manifests.js';

/** A ConfigMap or Job as read back, in wire form (plain JSON). */
export interface WireObject {
  apiVersion?: string;
  kind?: string;
  metadata: { name: string; namespace?: string; uid?: string; resourceVersion?: string; labels?: Record<string, string>; ownerReferences?: unknown[] };
  data?: Record<string, string>;
  spec?: Record<string, unknown>;
  status?: JobStatus;
}

export interface JobCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

export interface JobStatus {
  succeeded?: number;
  failed?: number;
  active?: number;
  completedIndexes?: string;
  failedIndexes?: string;
  conditions?: JobCondition[];
}

/**
 * The API calls `weft plan --on-kubernetes` and its workers make: ConfigMaps and Jobs in one
 * namespace. Bodies go in wire form (client-node's serializer reads them by the JSON field
 * names, which its models share for every field used here); results come back in wire form.
 * Every failure becomes one WeftError (see `kubeError`).
 */
export class PlanKubeApi {
  readonly #core: CoreV1Api;
  readonly #batch: BatchV1Api;
  readonly #kubeConfig: KubeConfig;
  readonly namespace: string;
  readonly server: string;

  constructor(kubeConfig: KubeConfig, namespace: string) {
    this.#kubeConfig = kubeConfig;
    this.#core = kubeConfig.makeApiClient(CoreV1Api);
    this.#batch = kubeConfig.makeApiClient(BatchV1Api);
    this.namespace = namespace;
    this.server = kubeConfig.getCurrentCluster()?.server ?? '(no cluster)';
  }

  async createConfigMap(body: Manifest | WireObject): Promise<WireObject> {
    return this.#call(`create configmaps in namespace ${this.namespace}`, async () => this.#core.createNamespacedConfigMap({ namespace: this.namespace, body: body as never }));
  }

  /** Creates the ConfigMap, or replaces it when it exists (a worker run again for the same index). */
  async writeConfigMap(body: WireObject): Promise<WireObject> {
    try {
      return JSON.parse(JSON.stringify(await this.#core.createNamespacedConfigMap({ namespace: this.namespace, body: body as never }))) as WireObject;
    } catch (error) {
      if (httpStatusOf(error) !== 409) throw kubeError(error, `create configmaps in namespace ${this.namespace}`, this.server);
    }
    const current = await this.readConfigMap(body.metadata.name);
    return this.replaceConfigMap({ ...body, metadata: { ...body.metadata, ...(current.metadata.resourceVersion === undefined ? {} : { resourceVersion: current.metadata.resourceVersion }) } });
  }

  async readConfigMap(name: string): Promise<WireObject> {
    return this.#call(`get configmaps in namespace ${this.namespace}`, async () => this.#core.readNamespacedConfigMap({ namespace: this.namespace, name }));
  }

  async replaceConfigMap(body: WireObject): Promise<WireObject> {
    return this.#call(`update configmaps in namespace ${this.namespace}`, async () =>
      this.#core.replaceNamespacedConfigMap({ namespace: this.namespace, name: body.metadata.name, body: body as never }),
    );
  }

  async listConfigMaps(labelSelector: string): Promise<WireObject[]> {
    const list = await this.#call(`list configmaps in namespace ${this.namespace}`, async () => this.#core.listNamespacedConfigMap({ namespace: this.namespace, labelSelector }));
    return (list as unknown as { items: WireObject[] }).items;
  }

  async createJob(body: Manifest): Promise<WireObject> {
    return this.#call(`create jobs.batch in namespace ${this.namespace}`, async () => this.#batch.createNamespacedJob({ namespace: this.namespace, body: body }));
  }

  async readJob(name: string): Promise<WireObject> {
    return this.#call(`get jobs.batch in namespace ${this.namespace}`, async () => this.#batch.readNamespacedJob({ namespace: this.namespace, name }));
  }

  /**
   * Watches one Job from `resourceVersion`: `onJob` gets each version; resolves when the watch
   * ends (the server closed it, or `signal` aborted it), rejects on a watch error.
   */
  async watchJob(name: string, resourceVersion: string | undefined, onJob: (job: WireObject) => void, signal: AbortSignal): Promise<void> {
    const watch = new Watch(this.#kubeConfig);
    await new Promise<void>((resolve, reject) => {
      let controller: AbortController | undefined;
      const abort = (): void => {
        controller?.abort();
        resolve();
      };
      signal.addEventListener('abort', abort, { once: true });
      watch
        .watch(
          `/apis/batch/v1/namespaces/${this.namespace}/jobs`,
          { fieldSelector: `metadata.name=${name}`, ...(resourceVersion === undefined ? {} : { resourceVersion }), allowWatchBookmarks: false },
          (phase: string, obj: unknown) => {
            if (phase === 'ADDED' || phase === 'MODIFIED') onJob(JSON.parse(JSON.stringify(obj)) as WireObject);
          },
          (error: unknown) => {
            signal.removeEventListener('abort', abort);
            if (error === null || error === undefined || signal.aborted || (error instanceof Error && error.name === 'AbortError')) resolve();
            else reject(kubeError(error, `watch jobs.batch in namespace ${this.namespace}`, this.server));
          },
        )
        .then((c) => {
          controller = c;
          if (signal.aborted) c.abort();
        })
        .catch((error: unknown) => {
          signal.removeEventListener('abort', abort);
          reject(kubeError(error, `watch jobs.batch in namespace ${this.namespace}`, this.server));
        });
    });
  }

  async #call(what: string, call: () => Promise<object>): Promise<WireObject> {
    try {
      return JSON.parse(JSON.stringify(await call())) as WireObject;
    } catch (error) {
      throw kubeError(error, what, this.server);
    }
  }
}

/**
 * One error line for a failed API call: no HTTP status (connection refused, DNS, TLS) is an
 * unreachable server; 401/403 are missing credentials or RBAC, naming the verb and resource
 * the Role must grant; 409 on create names the object that exists. All are BAD_INPUT (exit 2):
 * the user fixes the kubeconfig, the RBAC or the name. Anything else is INTERNAL (exit 1).
 */
export function kubeError(error: unknown, what: string, server: string): WeftError {
  if (error instanceof WeftError) return error;
  const status = httpStatusOf(error);
  if (status === undefined) {
    return badInput(`cannot reach the API server (${describeApiError(error)})`, { field: 'kubeconfig', value: server, expected: 'a reachable Kubernetes API server' });
  }
  if (status === 401 || status === 403) {
    return badInput(`not allowed to ${what} (${describeApiError(error)})`, { field: 'RBAC', value: what, expected: `a Role granting it to this user (see traces/README.md, weft plan --on-kubernetes)` });
  }
  if (status === 409) return badInput(`already exists (${describeApiError(error)})`, { field: '--name', value: what, expected: 'a new Job name (--name), or delete the old Job' });
  if (status === 404) return badInput(`not found (${describeApiError(error)})`, { field: 'namespace', value: what, expected: 'an existing object and namespace' });
  return new WeftError('INTERNAL', `${what}: ${describeApiError(error)}`);
}
