import type { NodeSpec, ProfileConfig } from '../../scheduler/index.js';
import { findCondition, setCondition, type ConditionInput } from '../conditions.js';
import type { EventRecorder } from '../events.js';
import { describeApiError, isConflict, isNotFound } from '../kube/api-error.js';
import type { KubeClient } from '../kube/client.js';
import { keyOf, splitKey, type Condition, type LatencyStatus, type ModelDeployment, type ModelDeploymentStatus, type NodeObject, type PlanStatus, type PodObject } from '../kube/objects.js';
import { DeploymentLive, type LiveAssessment, type LiveOptions } from '../live/deployment-live.js';
import type { OperatorMetrics } from '../metrics.js';
import { predictorFor, sizeDeployment, type Predictor, type SizedDeployment, type UnsizedDeployment } from '../planning/replica-plan.js';
import { Placer, type PodDemand } from '../placement.js';
import { nodeView, type TopologyKeys } from '../topology.js';
import { DEPLOYMENT_LABEL, isFinished, podDemand, replicaIndex, replicaPod, replicaPodName } from './pods.js';
import { validateModelDeployment, type ValidModelDeployment } from './validate.js';

/** Removed only after every replica pod is gone, so deleting a CR never leaks a pod. */
export const FINALIZER = 'weft.dev/replica-pods';

/** What the reconciler reads: informer caches (or anything with the same shape). */
export interface Caches {
  deployment(key: string): ModelDeployment | undefined;
  nodes(): NodeObject[];
  pods(): PodObject[];
  /** The cached pod `namespace/name`; required with `informerEvents`. */
  pod?(key: string): PodObject | undefined;
}

export interface ReconcilerOptions {
  client: KubeClient;
  caches: Caches;
  events: EventRecorder;
  topologyKeys: TopologyKeys;
  profile?: ProfileConfig;
  log: (line: string) => void;
  metrics?: OperatorMetrics;
  /** How often a deployment's live latency (and elastic target) is looked at again. Default 15 s. */
  liveIntervalMs?: number;
  /** Timeout of one replica's /metrics scrape. Default 1000 ms. */
  scrapeTimeoutMs?: number;
  /** Monotonic clock in ms (tests). Default performance.timeOrigin + performance.now(). */
  nowMs?: () => number;
  /** Reads one replica's metrics (tests). Default `scrapeVllm`. */
  scrape?: LiveOptions['scrape'];
  /**
   * The owner forwards every pod and Node informer event (`observePod`, `observeNodes`), as the
   * Operator does: the placement state then follows the events, pod by pod, and a decision
   * costs no pass over the cluster's pods. Default false: each decision re-reads the caches
   * (a pass over every pod and Node).
   */
  informerEvents?: boolean;
}

/** The replica target kept within the spec's bounds. */
function clampTarget(target: number, valid: ValidModelDeployment): number {
  return Math.min(valid.maxReplicas ?? Infinity, Math.max(Math.max(1, valid.minReplicas), target));
}

/** The plan as status reports it. */
function planStatus(sized: SizedDeployment): PlanStatus {
  const c = sized.candidate;
  const dur = (ns: number): string => `${(ns / 1e6).toFixed(1)}ms`;
  return {
    source: sized.source,
    ...(sized.engine === undefined ? {} : { gpu: sized.engine.gpu }),
    tensorParallel: sized.demand.gpus,
    precision: sized.engine?.precision ?? 'bf16',
    replicas: sized.replicas,
    ...(c === undefined ? {} : { usdPerHour: Math.round(c.usdPerHour * 100) / 100 }),
    ...(c === undefined || !Number.isFinite(c.prediction.ttftP99Ns) ? {} : { predictedTtftP99: dur(c.prediction.ttftP99Ns) }),
    ...(c === undefined || !Number.isFinite(c.prediction.tpotP99Ns) ? {} : { predictedTpotP99: dur(c.prediction.tpotP99Ns) }),
  };
}

/** When to look again although nothing changed. */
export interface ReconcileResult {
  requeueAfterMs?: number;
}

/** A pod the operator created or bound whose change the pod cache may not show yet. */
interface InFlight {
  uid: string | undefined;
  node: string | undefined;
  demand: PodDemand;
  /**
   * The binding to `node` failed without an answer (connection reset, 5xx): it may have been
   * applied. The GPUs stay promised, and the next reconcile repeats the same binding: 201 or
   * 409 (already bound) settle it as bound, 404 as gone. Never re-placed elsewhere meanwhile.
   */
  uncertain?: boolean;
}

/**
 * Drives one ModelDeployment towards its spec: replica pods `<name>-0 .. <name>-(replicas-1)`,
 * each created with `schedulerName: weft` and bound through `pods/binding` to the node the
 * scheduler framework chose.
 *
 * Invariants (checked by the tests under faults):
 * - No pod is bound twice: a pod is bound only when neither the cache nor this reconciler's
 *   in-flight record shows it bound; a stale cache costs a 409 from the API server, never a
 *   second binding.
 * - No GPU is promised twice: placement sees every bound pod in the cluster, plus the pods
 *   this operator bound that the cache does not show yet.
 * - No pod is lost or leaked: pod names are deterministic (a repeated create is a 409, not a
 *   twin), a created but unbound pod is placed by the next reconcile, and the finalizer
 *   stays until every replica pod is gone.
 */
export class ModelDeploymentReconciler {
  readonly #o: ReconcilerOptions;
  readonly #inFlight = new Map<string, InFlight>();
  /**
   * Placement decisions whose create/bind is still under way. Reconciles of different
   * deployments run concurrently, each with its own `Placer`: without these, two of them
   * could promise the same free GPUs to two pods.
   */
  readonly #reserved = new Map<string, { node: string; demand: PodDemand }>();
  /** Last condition each Event was sent for, per object uid and type: a stale cache must not repeat it. */
  readonly #eventSent = new Map<string, string>();
  #nodesMemo: { objects: NodeObject[]; specs: NodeSpec[]; json: string } | undefined;
  /** A Node event arrived since the node view was computed (with `informerEvents`). */
  #nodesDirty = true;
  /** The schedulable nodes and their GPU inventory, per node view (for sizing). */
  #inventoryMemo: { specs: NodeSpec[]; nodes: NodeSpec[]; inventory: string } | undefined;
  /**
   * The placer kept across decisions while the node view is the same array (see `#placer`).
   * Invariant (with `informerEvents`): every pod key holds in it exactly `#desired(key)`, except
   * the keys in `#misfits` (nothing held) and decisions not yet claimed (`takePlaced`).
   */
  #placement: { specs: NodeSpec[]; placer: Placer } | undefined;
  /** Pods whose holding did not fit their node (overcommitted or unknown): retried at each decision. */
  readonly #misfits = new Set<string>();
  /** Misfits already logged (once per pod). */
  readonly #misfitsLogged = new Set<string>();
  /** With `informerEvents`: the cached pods by `namespace/<deployment label>`, then pod name. */
  readonly #podsByDeployment = new Map<string, Map<string, PodObject>>();
  /** With `informerEvents`: the `#podsByDeployment` entry each pod is in. */
  readonly #deploymentOfPod = new Map<string, string>();
  readonly #demands = new WeakMap<PodObject, PodDemand>();
  /** Sizing per deployment generation and cluster GPU inventory: the planner runs once per change, not per reconcile. */
  readonly #sizes = new Map<string, { key: string; sized: Promise<SizedDeployment | UnsizedDeployment> }>();
  /** Live state (latency window, elastic policy) per deployment uid, rebuilt when the generation or plan changes. */
  readonly #lives = new Map<string, { key: string; state: DeploymentLive; predictor: Predictor | undefined; policyProblem: string | undefined }>();

  constructor(options: ReconcilerOptions) {
    if (options.informerEvents === true && options.caches.pod === undefined) throw new RangeError('informerEvents needs caches.pod(key)');
    this.#o = options;
  }

  /**
   * A pod informer event, after the cache applied it (relists after 410 report their
   * differences the same way): the pod's holding in the placement state follows in O(1); a
   * deleted pod's in-flight record is forgotten.
   */
  observePod(event: 'add' | 'update' | 'delete', pod: PodObject): void {
    const key = `${pod.metadata.namespace ?? ''}/${pod.metadata.name}`;
    this.#index(key, event === 'delete' ? undefined : pod);
    if (event === 'delete') {
      this.#misfitsLogged.delete(key);
      if (this.#inFlight.has(key)) {
        this.#dropFlight(key);
        return;
      }
    }
    this.#refresh(key);
  }

  /**
   * Differences between the kept placement state and a full pass over the caches (what a
   * fresh placer would hold), and between the pods-by-deployment index and the cache, one line
   * per pod; empty when consistent. For tests: the state
   * follows events, and this says whether it followed them all.
   */
  placementDrift(): string[] {
    const placement = this.#placement;
    if (placement === undefined) return [];
    const desired = this.#fullDesired();
    const drift: string[] = [];
    const show = (h: { node: string; demand: PodDemand } | undefined): string => (h === undefined ? 'nothing' : `${h.node} ${h.demand.gpus} GPU(s)`);
    for (const [key, held] of placement.placer.holdings) {
      const want = desired.get(key);
      if (want?.node !== held.node || want.demand.gpus !== held.demand.gpus) drift.push(`${key}: holds ${show(held)}, should hold ${show(want)}`);
    }
    for (const [key, want] of desired) if (!placement.placer.holdings.has(key) && !this.#misfits.has(key)) drift.push(`${key}: holds nothing, should hold ${show(want)}`);
    if (this.#o.informerEvents === true) {
      let indexed = 0;
      for (const pod of this.#o.caches.pods()) {
        const owner = pod.metadata.labels?.[DEPLOYMENT_LABEL];
        if (owner === undefined) continue;
        indexed++;
        if (this.#podsByDeployment.get(`${pod.metadata.namespace ?? ''}/${owner}`)?.get(pod.metadata.name) !== pod) drift.push(`${pod.metadata.namespace ?? ''}/${pod.metadata.name}: not indexed under deployment ${owner} as cached`);
      }
      if (indexed !== this.#deploymentOfPod.size) drift.push(`${this.#deploymentOfPod.size} pods indexed by deployment, ${indexed} in the cache`);
    }
    return drift;
  }

  /** Keeps `#podsByDeployment` equal to the cache, one pod at a time (a relabelled pod moves). */
  #index(podKey: string, pod: PodObject | undefined): void {
    const owner = pod?.metadata.labels?.[DEPLOYMENT_LABEL];
    const ownerKey = pod === undefined || owner === undefined ? undefined : `${pod.metadata.namespace ?? ''}/${owner}`;
    const name = podKey.slice(podKey.indexOf('/') + 1);
    const previous = this.#deploymentOfPod.get(podKey);
    if (previous !== undefined && previous !== ownerKey) {
      const pods = this.#podsByDeployment.get(previous);
      pods?.delete(name);
      if (pods?.size === 0) this.#podsByDeployment.delete(previous);
      this.#deploymentOfPod.delete(podKey);
    }
    if (ownerKey === undefined || pod === undefined) return;
    let pods = this.#podsByDeployment.get(ownerKey);
    if (pods === undefined) this.#podsByDeployment.set(ownerKey, (pods = new Map<string, PodObject>()));
    pods.set(name, pod);
    this.#deploymentOfPod.set(podKey, ownerKey);
  }

  /** The cached pods labelled as `md`'s: from the index with `informerEvents`, else a pass over the cache. */
  #cachedPodsOf(md: ModelDeployment): PodObject[] {
    const namespace = md.metadata.namespace ?? '';
    if (this.#o.informerEvents === true) return [...(this.#podsByDeployment.get(`${namespace}/${md.metadata.name}`)?.values() ?? [])];
    return this.#o.caches.pods().filter((p) => (p.metadata.namespace ?? '') === namespace && p.metadata.labels?.[DEPLOYMENT_LABEL] === md.metadata.name);
  }

  /** A Node informer event: the node view is recomputed at the next decision (the placer rebuilt only if it changed). */
  observeNodes(): void {
    this.#nodesDirty = true;
  }

  /**
   * The placement ledger, shared with the FineTuneJob reconciler so that reconciles of either
   * kind running at once never promise the same GPUs: a placer over the cache plus everything
   * reserved or in flight here, `hold` while creating and binding, `bound` once the binding is
   * answered (kept until the cache shows the pod or it is deleted), `release` otherwise.
   */
  readonly ledger = {
    placer: (): Placer => this.#placer(),
    hold: (podKey: string, node: string, demand: PodDemand): void => {
      this.#reserve(podKey, { node, demand });
    },
    bound: (podKey: string, uid: string | undefined, node: string, demand: PodDemand): void => {
      this.#setFlight(podKey, { uid, node, demand });
    },
    release: (podKey: string): void => {
      this.#reserve(podKey, undefined);
    },
    /** The node a pod is bound to: the cache's, or a binding answered here that the cache does not show yet. */
    boundNode: (pod: PodObject): string | undefined => this.#boundNode(pod),
  };

  async reconcile(key: string): Promise<ReconcileResult> {
    let md = this.#o.caches.deployment(key);
    if (md === undefined) {
      for (const memoKey of this.#eventSent.keys()) if (memoKey.startsWith(`${key}/`)) this.#eventSent.delete(memoKey);
      this.#sizes.delete(key);
      this.#lives.delete(key);
      const { namespace, name } = splitKey(key);
      this.#o.metrics?.forgetDeployment(namespace, name);
      return {};
    }
    if (md.metadata.deletionTimestamp !== undefined) return this.#finalize(md);
    if (!(md.metadata.finalizers ?? []).includes(FINALIZER)) {
      md = await this.#o.client.updateModelDeployment({ ...md, metadata: { ...md.metadata, finalizers: [...(md.metadata.finalizers ?? []), FINALIZER] } });
    }
    const pods = this.#podsOf(md);
    const now = new Date();
    const generation = md.metadata.generation;
    let conditions = md.status?.conditions;
    const set = (c: ConditionInput): void => {
      conditions = setCondition(conditions, { ...c, ...(generation === undefined ? {} : { observedGeneration: generation }) }, now);
    };

    const valid = validateModelDeployment(md);
    const sized = valid.kind === 'valid' ? await this.#size(md, valid) : undefined;
    if (valid.kind !== 'valid' || sized === undefined || sized.kind !== 'sized') {
      const why: { reason: string; message: string } = valid.kind !== 'valid' ? valid : (sized as UnsizedDeployment);
      // Existing pods stay: a typo in an edited spec must not take a serving deployment down.
      set({ type: 'Planned', status: 'False', reason: why.reason, message: why.message });
      set({ type: 'Scheduled', status: 'False', reason: why.reason, message: 'not scheduled: the spec could not be planned' });
      await this.#eventOnChange(md, conditions, 'Planned', 'Warning');
      await this.#writeStatus(md, this.#status(md, pods, conditions, md.status?.targetReplicas, undefined, md.status?.latency));
      // A plan that failed for the cluster's sake (no GPU nodes, SLO not met) may succeed when nodes change; those requeue every deployment.
      return {};
    }
    set({ type: 'Planned', status: 'True', reason: sized.source === 'spec' ? 'ExplicitSize' : 'Planned', message: sized.message });
    if (sized.source === 'planner') await this.#eventOnChange(md, conditions, 'Planned', 'Normal');
    this.#o.metrics?.decisions.inc({ decision: 'plan' });

    // The replica target: the elastic controller's within [min, max], else the plan's.
    const live = this.#live(md, valid, sized);
    const previousTarget = md.status?.targetReplicas;
    let target = valid.autoscaling !== undefined && live.policyProblem === undefined && previousTarget !== undefined ? clampTarget(previousTarget, valid) : sized.replicas;
    const assessment = await live.state.assess({ valid, pods: pods.filter((p) => (replicaIndex(p) ?? Infinity) < target), metricsPort: md.spec.template.metricsPort, predictor: live.predictor, target });
    if (assessment.desiredReplicas !== undefined && assessment.desiredReplicas !== target) {
      const up = assessment.desiredReplicas > target;
      await this.#o.events.record({ involved: md, type: 'Normal', reason: 'Autoscaled', message: `target replicas ${target} -> ${assessment.desiredReplicas}: ${assessment.scaleReason}` });
      this.#o.metrics?.decisions.inc({ decision: up ? 'scale_up' : 'scale_down' });
      target = assessment.desiredReplicas;
    }
    if (valid.autoscaling !== undefined) {
      set(
        live.policyProblem === undefined
          ? { type: 'Elastic', status: 'True', reason: 'Scaling', message: `${valid.autoscaling.policy} policy between ${Math.max(1, valid.minReplicas)} and ${valid.maxReplicas ?? '-'} replicas; target ${target}` }
          : { type: 'Elastic', status: 'False', reason: 'PolicyUnavailable', message: live.policyProblem },
      );
    }
    set(assessment.slo);
    await this.#eventOnChange(md, conditions, 'SLOMet', assessment.slo.status === 'False' ? 'Warning' : 'Normal');
    this.#recordSlo(md, assessment);

    // Scale down: replicas at or beyond the target go, highest index first.
    for (const pod of pods.filter((p) => (replicaIndex(p) ?? Infinity) >= target).reverse()) {
      if (pod.metadata.deletionTimestamp !== undefined) continue;
      await this.#deletePod(pod);
      this.#o.metrics?.decisions.inc({ decision: 'delete' });
      await this.#o.events.record({ involved: md, type: 'Normal', reason: 'ScaledDown', message: `deleted replica pod ${pod.metadata.name} (target is ${target} replicas)` });
    }

    const demand = sized.demand;
    const byName = new Map(pods.map((p) => [p.metadata.name, p]));
    let unschedulable: string | undefined;
    for (let i = 0; i < target; i++) {
      const name = replicaPodName(md, i);
      const existing = byName.get(name);
      const podKey = `${md.metadata.namespace ?? ''}/${name}`;
      const flight = this.#inFlight.get(podKey);
      if (flight?.uncertain === true && flight.node !== undefined && existing !== undefined && (existing.spec?.nodeName ?? '') === '') {
        await this.#settleUncertain(podKey, existing, flight.node);
        continue;
      }
      if (existing !== undefined && (existing.metadata.deletionTimestamp !== undefined || this.#boundNode(existing) !== undefined)) continue;
      if (unschedulable !== undefined) continue; // identical replicas: the next would fail the same way
      // A fresh snapshot per decision: other deployments' reconciles run concurrently and
      // reserve GPUs while this one awaits the API server; a placer built before the loop
      // would not see them.
      const startedMs = performance.now();
      const decision = this.#placer().place(podKey, demand);
      this.#o.metrics?.decisionSeconds.observe({ kind: 'replica' }, (performance.now() - startedMs) / 1000);
      if (decision.kind === 'unschedulable') {
        this.#o.metrics?.decisions.inc({ decision: 'unschedulable' });
        unschedulable = decision.reason;
        continue;
      }
      this.#reserve(podKey, { node: decision.node, demand });
      let bound: boolean;
      try {
        bound = await this.#createAndBind(md, i, existing, decision.node, demand, sized);
      } finally {
        this.#reserve(podKey, undefined);
      }
      if (!bound) return { requeueAfterMs: 100 };
      this.#o.metrics?.decisions.inc({ decision: 'bind' });
      await this.#o.events.record({
        involved: md,
        type: 'Normal',
        reason: 'Scheduled',
        message: `bound replica pod ${name} to node ${decision.node} (${demand.gpus} GPU(s)${demand.gpuType === undefined ? '' : ` ${demand.gpuType}`})`,
      });
    }

    const current = this.#podsOf(md);
    const bound = current.filter((p) => (replicaIndex(p) ?? Infinity) < target && this.#boundNode(p) !== undefined).length;
    if (unschedulable !== undefined) {
      set({ type: 'Scheduled', status: 'False', reason: 'Unschedulable', message: `${bound}/${target} replicas bound; ${unschedulable}` });
      await this.#eventOnChange(md, conditions, 'Scheduled', 'Warning', 'FailedScheduling');
    } else {
      set({ type: 'Scheduled', status: 'True', reason: 'AllReplicasBound', message: `${bound}/${target} replicas bound` });
    }
    await this.#writeStatus(md, this.#status(md, current, conditions, target, planStatus(sized), assessment.latency));
    // Unschedulable waits for Node and pod changes (they requeue every deployment); the
    // periodic look is a safety net for changes the operator does not watch (quotas, say).
    // Live latency and the elastic policy need a look every interval.
    return { requeueAfterMs: unschedulable === undefined ? this.#o.liveIntervalMs ?? 15_000 : Math.min(30_000, this.#o.liveIntervalMs ?? 15_000) };
  }

  /** The deployment's size, planned once per generation and GPU inventory of the cluster. */
  #size(md: ModelDeployment, valid: ValidModelDeployment): Promise<SizedDeployment | UnsizedDeployment> {
    const specs = this.#nodeSpecs();
    if (this.#inventoryMemo?.specs !== specs) {
      const schedulable = specs.filter((n) => !n.cordoned);
      const inventory = [...new Set(schedulable.filter((n) => n.gpuCount > 0).map((n) => `${n.gpuType}:${n.gpuCount}`))].sort().join(',');
      this.#inventoryMemo = { specs, nodes: schedulable, inventory };
    }
    const { nodes, inventory } = this.#inventoryMemo;
    const memoKey = `${md.metadata.uid ?? ''}/${md.metadata.generation ?? 0}/${inventory}`;
    const key = keyOf(md.metadata);
    const memo = this.#sizes.get(key);
    if (memo?.key === memoKey) return memo.sized;
    const sized = sizeDeployment(valid, md.spec.model, nodes);
    this.#sizes.set(key, { key: memoKey, sized });
    sized.catch(() => this.#sizes.delete(key));
    return sized;
  }

  /** The deployment's live state, kept while its generation and engine stay the same. */
  #live(md: ModelDeployment, valid: ValidModelDeployment, sized: SizedDeployment): { state: DeploymentLive; predictor: Predictor | undefined; policyProblem: string | undefined } {
    const key = keyOf(md.metadata);
    const liveKey = `${md.metadata.uid ?? ''}/${md.metadata.generation ?? 0}/${JSON.stringify(sized.engine ?? null)}`;
    const memo = this.#lives.get(key);
    if (memo?.key === liveKey) return memo;
    const predictor = sized.engine === undefined || sized.load === undefined ? undefined : predictorFor(md.spec.model, sized.engine, sized.load);
    const entry = {
      key: liveKey,
      state: new DeploymentLive(valid, predictor, {
        scrapeTimeoutMs: this.#o.scrapeTimeoutMs ?? 1000,
        nowMs: this.#o.nowMs ?? (() => performance.timeOrigin + performance.now()),
        ...(this.#o.scrape === undefined ? {} : { scrape: this.#o.scrape }),
      }),
      predictor,
      policyProblem: DeploymentLive.policyUnavailable(valid, predictor),
    };
    this.#lives.set(key, entry);
    return entry;
  }

  #recordSlo(md: ModelDeployment, a: LiveAssessment): void {
    const m = this.#o.metrics;
    if (m === undefined) return;
    const labels = { namespace: md.metadata.namespace ?? '', deployment: md.metadata.name };
    m.forgetDeployment(labels.namespace, labels.deployment);
    m.sloMet.set({ ...labels, source: a.latency.source }, a.slo.status === 'True' ? 1 : a.slo.status === 'False' ? 0 : -1);
    if (a.ttftAttainment !== undefined) m.sloAttainment.set(labels, a.ttftAttainment);
  }

  /** Deletion: delete every replica pod, then release the finalizer once none is left. */
  async #finalize(md: ModelDeployment): Promise<ReconcileResult> {
    if (!(md.metadata.finalizers ?? []).includes(FINALIZER)) return {};
    const pods = this.#podsOf(md);
    for (const pod of pods) if (pod.metadata.deletionTimestamp === undefined) await this.#deletePod(pod);
    if (this.#podsOf(md).length > 0) return { requeueAfterMs: 250 };
    await this.#o.client.updateModelDeployment({ ...md, metadata: { ...md.metadata, finalizers: (md.metadata.finalizers ?? []).filter((f) => f !== FINALIZER) } });
    this.#o.log(`${keyOf(md.metadata)}: replica pods deleted, finalizer removed`);
    return {};
  }

  /**
   * Creates the pod (unless it exists) and binds it. Returns false when the cache was stale
   * (the pod exists already or is bound already): the caller requeues and decides again.
   */
  async #createAndBind(md: ModelDeployment, index: number, existing: PodObject | undefined, node: string, demand: PodDemand, sized: SizedDeployment): Promise<boolean> {
    const namespace = md.metadata.namespace ?? '';
    const name = replicaPodName(md, index);
    const podKey = `${namespace}/${name}`;
    let uid = existing?.metadata.uid;
    if (existing === undefined) {
      try {
        const created = await this.#o.client.createPod(replicaPod(md, index, demand.gpus, this.#o.topologyKeys.gpuResource, sized.engine));
        uid = created.metadata.uid;
        this.#setFlight(podKey, { uid, node: undefined, demand });
      } catch (error) {
        if (isConflict(error)) return false; // created by an earlier attempt; the cache will show it
        throw error;
      }
    }
    try {
      await this.#o.client.bindPod(namespace, name, node, uid);
      this.#setFlight(podKey, { uid, node, demand });
      return true;
    } catch (error) {
      if (isConflict(error) || isNotFound(error)) {
        // Already bound (the cache is behind) or deleted meanwhile: look again.
        this.#o.log(`${podKey}: binding to ${node} refused (${describeApiError(error)}); re-reading`);
        return false;
      }
      this.#setFlight(podKey, { uid, node, demand, uncertain: true });
      throw error;
    }
  }

  /** Repeats an unanswered binding to the same node; see `InFlight.uncertain`. */
  async #settleUncertain(podKey: string, pod: PodObject, node: string): Promise<void> {
    const flight = this.#inFlight.get(podKey);
    if (flight === undefined) return;
    try {
      await this.#o.client.bindPod(pod.metadata.namespace ?? '', pod.metadata.name, node, pod.metadata.uid);
      this.#setFlight(podKey, { ...flight, uncertain: false });
    } catch (error) {
      if (isConflict(error)) this.#setFlight(podKey, { ...flight, uncertain: false });
      else if (isNotFound(error)) this.#dropFlight(podKey);
      else throw error;
    }
  }

  async #deletePod(pod: PodObject): Promise<void> {
    try {
      await this.#o.client.deletePod(pod.metadata.namespace ?? '', pod.metadata.name, pod.metadata.uid);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  /** The deployment's pods: the cache's, plus pods created here that the cache does not show yet. */
  #podsOf(md: ModelDeployment): PodObject[] {
    const namespace = md.metadata.namespace ?? '';
    const cached = this.#cachedPodsOf(md);
    const names = new Set(cached.map((p) => p.metadata.name));
    for (const pod of cached) {
      const flight = this.#inFlight.get(`${namespace}/${pod.metadata.name}`);
      // The cache caught up (bound, or a different incarnation): nothing is in flight any more.
      if (flight !== undefined && ((pod.spec?.nodeName ?? '') !== '' || flight.uid !== pod.metadata.uid)) this.#dropFlight(`${namespace}/${pod.metadata.name}`);
    }
    const pending: PodObject[] = [];
    for (const [key, flight] of this.#inFlight) {
      const slash = key.indexOf('/');
      const name = key.slice(slash + 1);
      if (key.slice(0, slash) !== namespace || names.has(name)) continue;
      const index = /-(\d+)$/.exec(name);
      if (index === null || name !== `${md.metadata.name}-${index[1]}`) continue;
      pending.push({
        metadata: { name, namespace, ...(flight.uid === undefined ? {} : { uid: flight.uid }), labels: { [DEPLOYMENT_LABEL]: md.metadata.name, 'weft.dev/replica': index[1]! } },
        spec: flight.node === undefined ? {} : { nodeName: flight.node },
      });
    }
    return [...cached, ...pending].sort((a, b) => (replicaIndex(a) ?? Infinity) - (replicaIndex(b) ?? Infinity));
  }

  /** The node a pod is bound to: the cache's, or the binding made here that the cache does not show yet. */
  #boundNode(pod: PodObject): string | undefined {
    const node = pod.spec?.nodeName;
    if (node !== undefined && node !== '') return node;
    const flight = this.#inFlight.get(`${pod.metadata.namespace ?? ''}/${pod.metadata.name}`);
    return flight !== undefined && flight.uid === pod.metadata.uid ? flight.node : undefined;
  }

  /**
   * The Nodes as NodeSpecs. Recomputed only when the node cache holds other objects than last
   * time (informer caches replace an object on every change, so identity says "unchanged"),
   * and with `informerEvents` only after a Node event. A recomputed view equal to the last one
   * (a status heartbeat, say) is the last array, so the placer survives it.
   */
  #nodeSpecs(): NodeSpec[] {
    const memo = this.#nodesMemo;
    if (memo !== undefined && this.#o.informerEvents === true && !this.#nodesDirty) return memo.specs;
    this.#nodesDirty = false;
    const objects = this.#o.caches.nodes();
    if (memo !== undefined && memo.objects.length === objects.length && memo.objects.every((o, i) => o === objects[i])) return memo.specs;
    const specs = nodeView(objects, this.#o.topologyKeys).nodes;
    const json = JSON.stringify(specs);
    this.#nodesMemo = { objects, specs: memo?.json === json ? memo.specs : specs, json };
    return this.#nodesMemo.specs;
  }

  /** A pod's demand, parsed once per pod object (a changed pod is a new object). */
  #demandOf(pod: PodObject): PodDemand {
    let demand = this.#demands.get(pod);
    if (demand === undefined) {
      demand = podDemand(pod, this.#o.topologyKeys.gpuResource);
      this.#demands.set(pod, demand);
    }
    return demand;
  }

  #setFlight(podKey: string, flight: InFlight): void {
    this.#inFlight.set(podKey, flight);
    this.#refresh(podKey);
  }

  #dropFlight(podKey: string): void {
    if (this.#inFlight.delete(podKey)) this.#refresh(podKey);
  }

  #reserve(podKey: string, holding: { node: string; demand: PodDemand } | undefined): void {
    if (holding === undefined) this.#reserved.delete(podKey);
    else this.#reserved.set(podKey, holding);
    this.#refresh(podKey);
  }

  /**
   * What `podKey` must hold in the placement state: its node in the cache (or the binding
   * answered here) unless it finished; else the binding in flight here; else the reservation of
   * a decision being carried out. Needs `caches.pod` (else only this operator's own pods).
   */
  #desired(podKey: string): { node: string; demand: PodDemand } | undefined {
    const pod = this.#o.caches.pod?.(podKey);
    if (pod !== undefined && !isFinished(pod)) {
      const node = this.#boundNode(pod);
      if (node !== undefined) return { node, demand: this.#demandOf(pod) };
    }
    const flight = this.#inFlight.get(podKey);
    if (flight?.node !== undefined) return { node: flight.node, demand: flight.demand };
    return this.#reserved.get(podKey);
  }

  /** Brings one pod's holding in the kept placer up to date (O(1)). */
  #refresh(podKey: string): void {
    const placement = this.#placement;
    if (placement === undefined) return; // built (with a full sync) at the next decision
    const want = this.#desired(podKey);
    if (placement.placer.set(podKey, want)) this.#misfits.delete(podKey);
    else this.#misfit(podKey, want!.node);
  }

  #misfit(podKey: string, node: string): void {
    this.#misfits.add(podKey);
    if (this.#misfitsLogged.has(podKey)) return;
    this.#misfitsLogged.add(podKey);
    this.#o.log(`pod ${podKey} on node ${node} does not fit the node's allocatable resources (overcommitted or unknown node); ignored for placement`);
  }

  /** `#desired` of every pod, by one pass over the pod cache and this reconciler's records. */
  #fullDesired(): Map<string, { node: string; demand: PodDemand }> {
    const desired = new Map<string, { node: string; demand: PodDemand }>();
    for (const pod of this.#o.caches.pods()) {
      const key = `${pod.metadata.namespace ?? ''}/${pod.metadata.name}`;
      const node = this.#boundNode(pod);
      if (node === undefined || isFinished(pod) || desired.has(key)) continue;
      desired.set(key, { node, demand: this.#demandOf(pod) });
    }
    // Bound or being bound here, not yet in the cache: these must still hold their GPUs.
    for (const [key, f] of this.#inFlight) if (f.node !== undefined && !desired.has(key)) desired.set(key, { node: f.node, demand: f.demand });
    for (const [key, r] of this.#reserved) if (!desired.has(key)) desired.set(key, r);
    return desired;
  }

  /**
   * A placer over the current Nodes with every bound, unfinished pod of the cluster taking its
   * share, plus the pods reserved or in flight here. One placer lives while the node view is
   * the same; a new one is filled by a full pass over the pod cache. Then, with
   * `informerEvents`, pods are kept up to date one by one as their events and this
   * reconciler's own records change (`#refresh`), and a decision only gives back the decisions
   * nobody claimed and retries the misfits; without, each decision re-syncs from the caches.
   */
  #placer(): Placer {
    const specs = this.#nodeSpecs();
    let placement = this.#placement;
    let full = this.#o.informerEvents !== true;
    if (placement?.specs !== specs) {
      placement = this.#placement = { specs, placer: new Placer(specs, this.#o.profile) };
      this.#misfitsLogged.clear();
      full = true;
    }
    const placer = placement.placer;
    if (full) {
      placer.takePlaced();
      const desired = this.#fullDesired();
      this.#misfits.clear();
      for (const key of placer.sync(desired)) this.#misfit(key, desired.get(key)!.node);
    } else {
      // A decision left unclaimed (unschedulable, or not reserved by its caller) is given back.
      for (const key of placer.takePlaced()) this.#refresh(key);
      for (const key of [...this.#misfits]) this.#refresh(key);
    }
    return placer;
  }

  #status(md: ModelDeployment, pods: readonly PodObject[], conditions: Condition[] | undefined, targetReplicas: number | undefined, plan: PlanStatus | undefined, latency: LatencyStatus | undefined): ModelDeploymentStatus {
    const live = pods.filter((p) => p.metadata.deletionTimestamp === undefined);
    const placements = live.flatMap((p) => {
      const node = this.#boundNode(p);
      return node === undefined ? [] : [{ pod: p.metadata.name, node }];
    });
    return {
      ...(md.metadata.generation === undefined ? {} : { observedGeneration: md.metadata.generation }),
      replicas: live.length,
      scheduledReplicas: placements.length,
      ...(targetReplicas === undefined ? {} : { targetReplicas }),
      ...(plan === undefined ? {} : { plan }),
      ...(latency === undefined ? {} : { latency }),
      placements,
      conditions: conditions ?? [],
    };
  }

  /** Writes status when it changed; a 409 (stale resourceVersion) rejects, and the queue retries. */
  async #writeStatus(md: ModelDeployment, status: ModelDeploymentStatus): Promise<void> {
    if (JSON.stringify(md.status ?? {}) === JSON.stringify(status)) return;
    await this.#o.client.updateModelDeploymentStatus(md, status);
  }

  /** An Event when condition `type` changed reason or message since the stored status (not on every reconcile). */
  async #eventOnChange(md: ModelDeployment, conditions: Condition[] | undefined, type: string, eventType: 'Normal' | 'Warning', reason?: string): Promise<void> {
    const next = findCondition(conditions, type);
    const previous = findCondition(md.status?.conditions, type);
    if (next === undefined || (previous?.reason === next.reason && previous.message === next.message && previous.status === next.status)) return;
    const memoKey = `${keyOf(md.metadata)}/${md.metadata.uid ?? ''}/${type}`;
    const memo = `${next.status}/${next.reason}/${next.message}`;
    if (this.#eventSent.get(memoKey) === memo) return;
    this.#eventSent.set(memoKey, memo);
    await this.#o.events.record({ involved: md, type: eventType, reason: reason ?? next.reason, message: next.message });
  }
}
