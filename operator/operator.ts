import type { KubeConfig } from '@kubernetes/client-node';
import type { ProfileConfig } from '../scheduler/index.js';
import { EventRecorder } from './events.js';
import { JOB_LABEL } from './fine-tune/pods.js';
import { FineTuneJobReconciler } from './fine-tune/reconciler.js';
import { Informer } from './informer.js';
import { describeApiError } from './kube/api-error.js';
import { closableKubeConfig } from './kube/closable-kube-config.js';
import { KubeClient } from './kube/client.js';
import { FINE_TUNE_JOBS, keyOf, MODEL_DEPLOYMENTS, WEFT_GROUP, WEFT_VERSION, type FineTuneJob, type ModelDeployment, type NodeObject, type PodObject } from './kube/objects.js';
import { LeaderElection } from './leader-election.js';
import { LendingController } from './lending.js';
import { OperatorMetrics } from './metrics.js';
import { DEPLOYMENT_LABEL } from './model-deployment/pods.js';
import { ModelDeploymentReconciler } from './model-deployment/reconciler.js';
import { DEFAULT_TOPOLOGY_KEYS, type TopologyKeys } from './topology.js';
import { WorkQueue } from './work-queue.js';

export interface LeaderElectionConfig {
  /** Namespace of the Lease (the operator's own). */
  namespace: string;
  /** Lease name. Default `weft-operator`. */
  name?: string;
  /** Unique per operator instance (the pod name in a cluster). */
  identity: string;
  leaseDurationMs?: number;
  renewDeadlineMs?: number;
  retryPeriodMs?: number;
  releaseOnStop?: boolean;
}

export interface OperatorOptions {
  kubeConfig: KubeConfig;
  /** Campaign for a Lease and reconcile only while leading; `false` reconciles at once (a single instance). */
  leaderElection: LeaderElectionConfig | false;
  topologyKeys?: Partial<TopologyKeys>;
  /** Scheduler profile; default `DEFAULT_OPERATOR_PROFILE`. */
  profile?: ProfileConfig;
  /** Keys reconciled at once. Default 4. */
  concurrency?: number;
  log?: (line: string) => void;
  /** How often each deployment's live latency and elastic target are looked at. Default 15 s. */
  liveIntervalMs?: number;
  /** Timeout of one replica's /metrics scrape. Default 1 s. */
  scrapeTimeoutMs?: number;
  /** Bound on each Kubernetes API request (watches excepted); a timed-out call is retried with back-off. Default 30 s. */
  requestTimeoutMs?: number;
  /** GPUs never lent to fine-tuning jobs (kept for inference bursts). Default 0. */
  lendingReserveGpus?: number;
  /** Termination grace of a reclaimed fine-tuning worker (checkpoint, then exit). Default 30 s. */
  reclaimGraceSec?: number;
}

/** The work-queue key of the lending controller's round (one for the whole cluster). */
const LENDING_KEY = 'lending:';

const FTJ_PREFIX = 'ftj:';

/**
 * The Kubernetes operator: informers on ModelDeployments, FineTuneJobs, Nodes and Pods; a
 * work queue of CR keys; the reconcilers; leader election. Informers run on every instance
 * (a standby keeps warm caches and is ready at once); only the leader has a work queue, so
 * only the leader writes.
 *
 * @example
 * const kubeConfig = new KubeConfig();
 * kubeConfig.loadFromDefault();
 * const operator = new Operator({ kubeConfig, leaderElection: { namespace: 'weft-system', identity: hostname() } });
 * await operator.start();
 * process.on('SIGTERM', () => void operator.stop());
 */
export class Operator {
  readonly #client: KubeClient;
  readonly #closeWatches: () => void;
  readonly #log: (line: string) => void;
  readonly #concurrency: number;
  readonly #deployments: Informer<ModelDeployment>;
  readonly #jobs: Informer<FineTuneJob>;
  readonly #nodes: Informer<NodeObject>;
  readonly #pods: Informer<PodObject>;
  readonly #reconciler: ModelDeploymentReconciler;
  readonly #jobReconciler: FineTuneJobReconciler;
  readonly #lending: LendingController;
  readonly #liveIntervalMs: number;
  readonly #election: LeaderElection | undefined;
  readonly #topologyKeys: TopologyKeys;
  readonly #events: EventRecorder;
  #queue: WorkQueue | undefined;
  #state: 'new' | 'starting' | 'running' | 'stopping' | 'stopped' = 'new';
  #reconciles = 0;
  #errors = 0;
  /** Prometheus metrics of this instance (served at /metrics by `weft operator`). */
  readonly metrics = new OperatorMetrics();

  constructor(options: OperatorOptions) {
    const concurrency = options.concurrency ?? 4;
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be an integer >= 1, got ${concurrency}`);
    this.#concurrency = concurrency;
    this.#log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
    // Informers watch through a view whose connections stop() can cut (see closableKubeConfig).
    const watches = closableKubeConfig(options.kubeConfig);
    this.#closeWatches = watches.close;
    const kubeConfig = watches.kubeConfig;
    this.#client = new KubeClient(options.kubeConfig, options.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: options.requestTimeoutMs });
    const onError = (what: string) => (error: unknown) => {
      this.#errors++;
      this.metrics.errors.inc({ where: 'informer' });
      this.#log(`${what} informer: ${describeApiError(error)}; restarting`);
    };
    const crPath = (plural: string): string => `/apis/${WEFT_GROUP}/${WEFT_VERSION}/${plural}`;
    this.#deployments = new Informer({ kubeConfig, path: crPath(MODEL_DEPLOYMENTS), list: () => this.#client.listModelDeployments(), onError: onError('ModelDeployment') });
    this.#jobs = new Informer({ kubeConfig, path: crPath(FINE_TUNE_JOBS), list: () => this.#client.listFineTuneJobs(), onError: onError('FineTuneJob') });
    this.#nodes = new Informer({ kubeConfig, path: '/api/v1/nodes', list: () => this.#client.listNodes(), onError: onError('Node') });
    this.#pods = new Informer({ kubeConfig, path: '/api/v1/pods', list: () => this.#client.listPods(), onError: onError('Pod') });
    const topologyKeys = { ...DEFAULT_TOPOLOGY_KEYS, ...options.topologyKeys };
    this.#topologyKeys = topologyKeys;
    this.#events = new EventRecorder(this.#client, this.#log);
    this.#reconciler = new ModelDeploymentReconciler({
      client: this.#client,
      caches: { deployment: (key) => this.#deployments.get(key), nodes: () => this.#nodes.list(), pods: () => this.#pods.list(), pod: (key) => this.#pods.get(key) },
      // #wireInformers forwards every pod and Node event: placement state follows them.
      informerEvents: true,
      events: this.#events,
      topologyKeys,
      ...(options.profile === undefined ? {} : { profile: options.profile }),
      log: this.#log,
      metrics: this.metrics,
      ...(options.liveIntervalMs === undefined ? {} : { liveIntervalMs: options.liveIntervalMs }),
      ...(options.scrapeTimeoutMs === undefined ? {} : { scrapeTimeoutMs: options.scrapeTimeoutMs }),
    });
    this.#liveIntervalMs = options.liveIntervalMs ?? 15_000;
    this.#lending = new LendingController({
      ...(options.lendingReserveGpus === undefined ? {} : { reserveGpus: options.lendingReserveGpus }),
      ...(options.reclaimGraceSec === undefined ? {} : { reclaimGraceSec: options.reclaimGraceSec }),
    });
    this.#jobReconciler = new FineTuneJobReconciler({
      client: this.#client,
      caches: { job: (key) => this.#jobs.get(key), nodes: () => this.#nodes.list(), pods: () => this.#pods.list() },
      events: this.#events,
      topologyKeys,
      deployments: this.#reconciler,
      lending: this.#lending,
      metrics: this.metrics,
      log: this.#log,
    });
    this.metrics.sources = { queueDepth: () => this.#queue?.depth ?? 0, leader: () => this.isLeader };
    this.#wireInformers();
    const le = options.leaderElection;
    this.#election =
      le === false
        ? undefined
        : new LeaderElection({
            client: this.#client,
            namespace: le.namespace,
            name: le.name ?? 'weft-operator',
            identity: le.identity,
            ...(le.leaseDurationMs === undefined ? {} : { leaseDurationMs: le.leaseDurationMs }),
            ...(le.renewDeadlineMs === undefined ? {} : { renewDeadlineMs: le.renewDeadlineMs }),
            ...(le.retryPeriodMs === undefined ? {} : { retryPeriodMs: le.retryPeriodMs }),
            ...(le.releaseOnStop === undefined ? {} : { releaseOnStop: le.releaseOnStop }),
            onStartedLeading: () => {
              this.#log(`${le.identity}: leading`);
              this.#lead();
            },
            onStoppedLeading: () => {
              this.#log(`${le.identity}: stopped leading`);
              void this.#standBy();
            },
            onError: (error) => {
              this.#errors++;
              this.metrics.errors.inc({ where: 'election' });
              this.#log(`leader election: ${describeApiError(error)}`);
            },
          });
  }

  /** True while this instance reconciles (leader, or no leader election). */
  get isLeader(): boolean {
    return this.#queue !== undefined;
  }

  /** For /readyz: every cache has listed once (a standby is ready to take over at once). */
  get ready(): boolean {
    return this.#state === 'running' && this.#deployments.synced && this.#jobs.synced && this.#nodes.synced && this.#pods.synced;
  }

  /** For /healthz: started and not stopped. */
  get healthy(): boolean {
    return this.#state === 'starting' || this.#state === 'running';
  }

  /** Reconciles run and errors seen (informer, election, reconcile). */
  get stats(): { reconciles: number; errors: number; queueDepth: number } {
    return { reconciles: this.#reconciles, errors: this.#errors, queueDepth: this.#queue?.depth ?? 0 };
  }

  /** Starts the informers, waits for their first lists, then campaigns (or leads at once). */
  async start(): Promise<void> {
    if (this.#state !== 'new') throw new Error(`operator already ${this.#state}`);
    this.#state = 'starting';
    await Promise.all([this.#deployments.start(), this.#jobs.start(), this.#nodes.start(), this.#pods.start()]);
    // stop() may have run while the lists were under way.
    if ((this.#state as string) !== 'starting') return;
    this.#state = 'running';
    if (this.#election === undefined) this.#lead();
    else this.#election.start();
  }

  /** Graceful stop: stop campaigning (releasing the Lease), finish running reconciles, stop the informers. */
  async stop(): Promise<void> {
    if (this.#state === 'stopped' || this.#state === 'stopping') return;
    this.#state = 'stopping';
    await this.#election?.stop();
    await this.#standBy();
    await Promise.all([this.#deployments.stop(), this.#jobs.stop(), this.#nodes.stop(), this.#pods.stop()]);
    // A watch still connecting when its informer stopped would keep the process alive.
    this.#closeWatches();
    this.#client.close();
    this.#state = 'stopped';
  }

  /** Differences between the placement state kept from informer events and a full pass over the caches (tests; empty when consistent). */
  placementDrift(): string[] {
    return this.#reconciler.placementDrift();
  }

  /** Resolves when the work queue is empty (tests). */
  async idle(): Promise<void> {
    await this.#queue?.onIdle();
  }

  #lead(): void {
    if (this.#queue !== undefined || this.#state !== 'running') return;
    this.#queue = new WorkQueue({
      concurrency: this.#concurrency,
      handler: (key) => this.#reconcile(key),
      onError: (key, error, retryInMs) => {
        this.#errors++;
        this.metrics.errors.inc({ where: 'reconcile' });
        this.#log(`reconcile ${key}: ${describeApiError(error)}; retry in ${retryInMs} ms`);
      },
    });
    for (const md of this.#deployments.list()) this.#queue.add(keyOf(md.metadata));
    for (const job of this.#jobs.list()) this.#queue.add(FTJ_PREFIX + keyOf(job.metadata));
    this.#queue.add(LENDING_KEY);
  }

  async #standBy(): Promise<void> {
    const queue = this.#queue;
    this.#queue = undefined;
    await queue?.shutDown();
  }

  async #reconcile(key: string): Promise<void> {
    this.#reconciles++;
    if (key === LENDING_KEY) {
      await this.metrics.timeReconcile('Lending', () => this.#lendingRound());
      this.#queue?.addAfter(LENDING_KEY, this.#liveIntervalMs);
      return;
    }
    if (key.startsWith(FTJ_PREFIX)) {
      const result = await this.metrics.timeReconcile('FineTuneJob', () => this.#jobReconciler.reconcile(key.slice(FTJ_PREFIX.length)));
      if (result.requeueAfterMs !== undefined) this.#queue?.addAfter(key, result.requeueAfterMs);
      return;
    }
    const result = await this.metrics.timeReconcile('ModelDeployment', () => this.#reconciler.reconcile(key));
    if (result.requeueAfterMs !== undefined) this.#queue?.addAfter(key, result.requeueAfterMs);
  }

  /** One round of lending decisions; each changed job is reconciled, each decision an Event. */
  async #lendingRound(): Promise<void> {
    const decisions = this.#lending.tick({
      nowMs: Date.now(),
      nodes: this.#nodes.list(),
      pods: this.#pods.list(),
      deployments: this.#deployments.list(),
      jobs: this.#jobs.list(),
      planned: (job) => this.#jobReconciler.planned(job),
      keys: this.#topologyKeys,
    });
    for (const d of decisions) {
      const job = this.#jobs.get(d.jobKey);
      this.metrics.decisions.inc({ decision: d.action.kind });
      this.#queue?.add(FTJ_PREFIX + d.jobKey);
      if (job === undefined) continue;
      const a = d.action;
      const message =
        a.kind === 'lend'
          ? `lent ${a.gpus} idle GPU(s): workers ${d.from} -> ${d.to}`
          : `inference needs ${a.gpus} GPU(s) back: workers ${d.from} -> ${d.to}${a.suspended ? ' (suspended)' : ''}; ` +
            `each gets ${this.#lending.reclaimGraceSec}s to checkpoint; ~${(a.lostGpuNs / 3600e9).toFixed(2)} GPU-hours since the last checkpoint are lost`;
      await this.#events.record({ involved: job, type: a.kind === 'lend' ? 'Normal' : 'Warning', reason: a.kind === 'lend' ? 'Lent' : 'Reclaimed', message });
    }
  }

  #wireInformers(): void {
    // Deployments' targets and jobs' plans change what can be lent: a lending round follows.
    this.#deployments.on((_event, md) => {
      this.#queue?.add(keyOf(md.metadata));
      this.#queue?.add(LENDING_KEY);
    });
    this.#jobs.on((_event, job) => {
      this.#queue?.add(FTJ_PREFIX + keyOf(job.metadata));
      this.#queue?.add(LENDING_KEY);
    });
    // Capacity changed: every deployment may now fit (or no longer does).
    this.#nodes.on(() => {
      this.#reconciler.observeNodes();
      for (const md of this.#deployments.list()) this.#queue?.add(keyOf(md.metadata));
      for (const job of this.#jobs.list()) this.#queue?.add(FTJ_PREFIX + keyOf(job.metadata));
      this.#queue?.add(LENDING_KEY);
    });
    this.#pods.on((event, pod) => {
      const owner = pod.metadata.labels?.[DEPLOYMENT_LABEL];
      this.#reconciler.observePod(event, pod);
      const job = pod.metadata.labels?.[JOB_LABEL];
      if (owner !== undefined) this.#queue?.add(`${pod.metadata.namespace ?? ''}/${owner}`);
      if (job !== undefined) this.#queue?.add(`${FTJ_PREFIX}${pod.metadata.namespace ?? ''}/${job}`);
      // A pod went away: its GPUs may let a waiting deployment (or job) fit.
      if (event === 'delete' && (pod.spec?.nodeName ?? '') !== '') {
        for (const md of this.#deployments.list()) this.#queue?.add(keyOf(md.metadata));
        for (const j of this.#jobs.list()) this.#queue?.add(FTJ_PREFIX + keyOf(j.metadata));
        this.#queue?.add(LENDING_KEY);
      }
    });
  }
}
