import type { KubeConfig } from '@kubernetes/client-node';
import { badInput } from '../../../../core/errors.js';
import type { BackoffOptions } from '../../../../operator/backoff.js';
import { Informer, type InformerEvent } from '../../../../operator/informer.js';
import { describeApiError, httpStatusOf } from '../../../../operator/kube/api-error.js';
import { keyOf, type ObjectMeta } from '../../../../operator/kube/objects.js';
import { DEFAULT_TOPOLOGY_KEYS, type TopologyKeys } from '../../../../operator/topology.js';
import type { DashboardSource } from '../../model/source.js';
import type { DashboardSnapshot } from '../../model/snapshot.js';
import { closableKubeConfig } from '../../../../operator/kube/closable-kube-config.js';
import { ClusterModel, type Change } from './cluster-model.js';
import { DashboardReads, type Collection } from './kube-reads.js';

export interface KubeSourceOptions {
  kubeConfig: KubeConfig;
  /** Shown in the header: the context and server. */
  label: string;
  /** Only this namespace's CRs, Events and pod events (the GPU grid always shows every pod). */
  namespace?: string;
  keys?: TopologyKeys;
  /** Wall clock, ms since the epoch (tests inject one). */
  nowMs?: () => number;
  /** Period of the latency sparklines' samples, ms (default 5000). */
  sampleMs?: number;
  /** Longest wait for the API server's first answers (default 10 s). */
  connectTimeoutMs?: number;
  /** Restart back-off of the informers after watch errors. */
  backoff?: BackoffOptions;
}

type Resource = Change['resource'];

/**
 * The live cluster of a kubeconfig on the dashboard (`weft ui --kube`): informers (the
 * operator's list + watch, restarted after errors, relisting on 410) on Nodes, Pods,
 * ModelDeployments, FineTuneJobs and Events feed a `ClusterModel` one change at a time.
 *
 * Changes are queued as they arrive and applied at the next `advance`, coalesced per object
 * (the newest state of an object wins, so the queue is bounded by the number of objects), so
 * pausing the dashboard freezes what it shows while the watches keep up. `advance` ignores its
 * speed: the clock is the wall clock. `snapshot()` returns the same object until something
 * changed, and then reuses every node view that did not.
 */
export class KubeClusterSource implements DashboardSource {
  readonly #options: KubeSourceOptions;
  readonly #model: ClusterModel;
  readonly #nowMs: () => number;
  readonly #startMs: number;
  readonly #sampleMs: number;
  readonly #informers: Informer<{ metadata: ObjectMeta }>[] = [];
  /** The kubeconfig the informers watch through; closing it cuts every watch connection. */
  readonly #watchConfig: ReturnType<typeof closableKubeConfig>;
  readonly #pending = new Map<string, Change>();
  #viewMs: number;
  #nextSampleMs: number;
  #snapshot: DashboardSnapshot | undefined;
  #snapshotVersion = -1;
  #snapshotMs = -1;
  #watchErrors = 0;
  #live = false;

  private constructor(options: KubeSourceOptions) {
    this.#options = options;
    this.#watchConfig = closableKubeConfig(options.kubeConfig);
    this.#nowMs = options.nowMs ?? Date.now;
    this.#startMs = this.#nowMs();
    this.#viewMs = this.#startMs;
    this.#sampleMs = options.sampleMs ?? 5000;
    this.#nextSampleMs = this.#startMs;
    this.#model = new ClusterModel({ keys: options.keys ?? DEFAULT_TOPOLOGY_KEYS, startMs: this.#startMs, ...(options.namespace === undefined ? {} : { namespace: options.namespace }) });
  }

  /**
   * Connects: checks that the API server answers (one BAD_INPUT error otherwise, before any
   * terminal is taken), starts the informers and waits for their first lists. Weft's CRDs or
   * Events that cannot be read (not installed, not allowed) are left out with a line in the log.
   */
  static async connect(options: KubeSourceOptions): Promise<KubeClusterSource> {
    const source = new KubeClusterSource(options);
    try {
      await source.#start();
    } catch (error) {
      await source.close();
      throw error;
    }
    return source;
  }

  /** Informer restarts after watch or list errors so far (the header shows them). */
  get watchErrors(): number {
    return this.#watchErrors;
  }

  async #start(): Promise<void> {
    const o = this.#options;
    const timeoutMs = o.connectTimeoutMs ?? 10_000;
    const reads = new DashboardReads(o.kubeConfig, o.namespace);
    const server = o.kubeConfig.getCurrentCluster()?.server ?? '?';
    try {
      await withTimeout(reads.client.listNodes(), timeoutMs, `no answer from ${server} within ${timeoutMs / 1000} s`);
    } catch (error) {
      throw badInput(`cannot read Nodes from the API server: ${describeApiError(error)}`, { field: 'kubeconfig', value: server, expected: 'a reachable Kubernetes API server that lets this user list nodes and pods', cause: error });
    }
    const optional = async (what: string, collection: Collection<{ metadata: ObjectMeta }>): Promise<boolean> => {
      try {
        await withTimeout(collection.list(), timeoutMs, `no answer within ${timeoutMs / 1000} s`);
        return true;
      } catch (error) {
        const status = httpStatusOf(error);
        const why = status === 404 ? 'not served (CRD not installed?)' : status === 403 ? 'not allowed for this user' : describeApiError(error);
        this.#model.events.push({ timeNs: 0, kind: 'info', message: `${what}: ${why}; not shown` });
        return false;
      }
    };
    const watch = <T extends { metadata: ObjectMeta }>(resource: Resource, collection: Collection<T>): void => {
      const informer = new Informer<T>({
        kubeConfig: this.#watchConfig.kubeConfig,
        path: collection.path,
        list: collection.list,
        ...(o.backoff === undefined ? {} : { backoff: o.backoff }),
        onError: () => {
          this.#watchErrors++;
        },
      });
      informer.on((event: InformerEvent, object: T) => {
        // Newest state per object; a deleted object's entry keeps its place in the queue.
        this.#pending.set(`${resource}\0${keyOf(object.metadata)}`, { resource, event, object } as unknown as Change);
      });
      this.#informers.push(informer as unknown as Informer<{ metadata: ObjectMeta }>);
    };
    watch('node', reads.nodes());
    watch('pod', reads.pods());
    if (await optional('ModelDeployments (weft.dev/v1alpha1)', reads.modelDeployments())) watch('deployment', reads.modelDeployments());
    if (await optional('FineTuneJobs (weft.dev/v1alpha1)', reads.fineTuneJobs())) watch('job', reads.fineTuneJobs());
    if (await optional('Events', reads.events())) watch('event', reads.events());
    await withTimeout(Promise.all(this.#informers.map((i) => i.start())), timeoutMs, `the first lists from ${server} took longer than ${timeoutMs / 1000} s`).catch((error: unknown) => {
      throw badInput(`cannot list the cluster: ${error instanceof Error ? error.message : String(error)}`, { field: 'kubeconfig', value: server, expected: 'a reachable Kubernetes API server' });
    });
    // The first lists are the starting state, not news: take them in without logging each pod.
    this.#drain(false);
    this.#live = true;
    const t = this.#model.grid.totals;
    this.#model.events.push({ timeNs: 0, kind: 'info', message: `watching ${o.label}: ${this.#model.grid.nodeCount} nodes, ${t.gpus} GPUs (${t.used} held)` });
  }

  /** Stops every watch, including one still connecting (see `closableKubeConfig`). */
  async close(): Promise<void> {
    await Promise.all(this.#informers.map((i) => i.stop()));
    this.#watchConfig.close();
  }

  advance(): boolean {
    this.#viewMs = this.#nowMs();
    this.#drain(this.#live);
    if (this.#viewMs >= this.#nextSampleMs) {
      this.#model.sample();
      this.#nextSampleMs = this.#viewMs + this.#sampleMs;
    }
    return true;
  }

  #drain(log: boolean): void {
    if (this.#pending.size === 0) return;
    const nowNs = (this.#viewMs - this.#startMs) * 1e6;
    const changes = [...this.#pending.values()];
    this.#pending.clear();
    for (const change of changes) this.#model.apply(change, nowNs, log);
  }

  snapshot(): DashboardSnapshot {
    const m = this.#model;
    if (this.#snapshot !== undefined && m.version === this.#snapshotVersion && this.#viewMs === this.#snapshotMs) return this.#snapshot;
    const t = m.grid.totals;
    const notes = [
      new Date(this.#viewMs).toISOString().slice(11, 19) + 'Z',
      m.unboundGpuPods > 0 ? `${m.unboundGpuPods} GPU pods unbound` : undefined,
      m.grid.overflow.size > 0 ? `${m.grid.overflow.size} pods over node capacity` : undefined,
      this.#watchErrors > 0 ? `${this.#watchErrors} watch restarts` : undefined,
    ].filter((n): n is string => n !== undefined);
    const attainment = m.sloAttainment();
    this.#snapshot = {
      timeNs: (this.#viewMs - this.#startMs) * 1e6,
      speed: 1,
      paused: false,
      totals: { gpus: t.gpus, used: t.used, lent: t.lent, free: t.gpus - t.used },
      ...(attainment === undefined ? {} : { sloAttainment: attainment }),
      nodes: m.grid.views(),
      workloads: m.workloads(),
      links: [],
      events: m.eventViews,
      sloSeries: m.series(),
      title: `live ${this.#options.label} · ${notes.join(' · ')}`,
    };
    this.#snapshotVersion = m.version;
    this.#snapshotMs = this.#viewMs;
    return this.#snapshot;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(message));
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => {
    clearTimeout(timer);
  });
}
