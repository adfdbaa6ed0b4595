import { V1Lease, V1LeaseSpec, V1MicroTime, V1ObjectMeta } from '@kubernetes/client-node';
import { make } from './kube/make.js';
import { isConflict, isNotFound } from './kube/api-error.js';
import type { KubeClient } from './kube/client.js';

export interface LeaderElectionOptions {
  client: KubeClient;
  /** Namespace and name of the coordination.k8s.io/v1 Lease. */
  namespace: string;
  name: string;
  /** This candidate, unique among candidates (the pod name in a cluster). */
  identity: string;
  /** A standby takes over when the holder has not renewed for this long. Default 15 000 ms. */
  leaseDurationMs?: number;
  /** The leader gives up when it could not renew for this long (< leaseDurationMs). Default 2/3 of it. */
  renewDeadlineMs?: number;
  /** Time between attempts to acquire or renew. Default 1/5 of leaseDurationMs. */
  retryPeriodMs?: number;
  /**
   * Release the Lease on `stop()` so a standby takes over at its next attempt rather than
   * after expiry (client-go's ReleaseOnCancel). Default true.
   */
  releaseOnStop?: boolean;
  onStartedLeading: () => void;
  onStoppedLeading: () => void;
  /** Told about API errors (they are retried). */
  onError?: (error: unknown) => void;
}

/**
 * Leader election on a Lease, with client-go's rules:
 *
 * - The leader renews every `retryPeriodMs`; a renewal is an update guarded by the Lease's
 *   resourceVersion, so of two candidates writing the same version one gets 409 and loses.
 * - A standby judges expiry by its own clock: the Lease is free when its record (holder,
 *   renew time, resourceVersion) has not changed for `leaseDurationMs` since the standby first
 *   saw it, so clock skew between machines does not matter.
 * - The leader stops leading when it has not renewed for `renewDeadlineMs`, which is shorter
 *   than the lease, so it stops before any standby may take over (no two leaders at once as
 *   long as clocks run at the same rate).
 * - `stop()` releases the Lease (empty holder) so a standby takes over at its next attempt
 *   (unless `releaseOnStop` is false: then the standby waits for expiry, as after a crash).
 *
 * @example
 * const election = new LeaderElection({ client, namespace: 'weft-system', name: 'weft-operator', identity: podName,
 *   onStartedLeading: () => operator.lead(), onStoppedLeading: () => operator.standBy() });
 * election.start();
 */
export class LeaderElection {
  readonly #client: KubeClient;
  readonly #namespace: string;
  readonly #name: string;
  readonly #identity: string;
  readonly #leaseDurationMs: number;
  readonly #renewDeadlineMs: number;
  readonly #retryPeriodMs: number;
  readonly #releaseOnStop: boolean;
  readonly #callbacks: Pick<LeaderElectionOptions, 'onStartedLeading' | 'onStoppedLeading' | 'onError'>;
  #leading = false;
  #lastRenewMs = 0;
  #observedRecord = '';
  #observedAtMs = 0;
  #timer: NodeJS.Timeout | undefined;
  #running = false;
  /** The attempt in flight, so `stop()` releases only after it. */
  #attempt: Promise<void> = Promise.resolve();

  constructor(options: LeaderElectionOptions) {
    const leaseDurationMs = options.leaseDurationMs ?? 15_000;
    const renewDeadlineMs = options.renewDeadlineMs ?? Math.floor((leaseDurationMs * 2) / 3);
    const retryPeriodMs = options.retryPeriodMs ?? Math.floor(leaseDurationMs / 5);
    if (options.identity === '') throw new RangeError('leader election identity must not be empty');
    if (options.namespace === '' || options.name === '') throw new RangeError(`lease namespace and name must not be empty, got ${JSON.stringify(`${options.namespace}/${options.name}`)}`);
    if (!Number.isInteger(leaseDurationMs) || leaseDurationMs < 1000) throw new RangeError(`leaseDurationMs must be an integer >= 1000 (the Lease counts whole seconds), got ${leaseDurationMs}`);
    if (!(renewDeadlineMs > 0 && renewDeadlineMs < leaseDurationMs)) throw new RangeError(`renewDeadlineMs must be in (0, leaseDurationMs=${leaseDurationMs}), got ${renewDeadlineMs}`);
    if (!(retryPeriodMs > 0 && retryPeriodMs < renewDeadlineMs)) throw new RangeError(`retryPeriodMs must be in (0, renewDeadlineMs=${renewDeadlineMs}), got ${retryPeriodMs}`);
    this.#client = options.client;
    this.#namespace = options.namespace;
    this.#name = options.name;
    this.#identity = options.identity;
    this.#leaseDurationMs = leaseDurationMs;
    this.#renewDeadlineMs = renewDeadlineMs;
    this.#retryPeriodMs = retryPeriodMs;
    this.#releaseOnStop = options.releaseOnStop ?? true;
    this.#callbacks = options;
  }

  get isLeader(): boolean {
    return this.#leading;
  }

  get identity(): string {
    return this.#identity;
  }

  /** Starts campaigning: tries at once, then every `retryPeriodMs`. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#tick();
  }

  /** Stops campaigning; a leader stops leading and releases the Lease. */
  async stop(): Promise<void> {
    if (!this.#running) return;
    this.#running = false;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#attempt;
    if (!this.#leading) return;
    this.#setLeading(false);
    if (this.#releaseOnStop) await this.#release();
  }

  #tick(): void {
    this.#attempt = this.#tryAcquireOrRenew()
      .then((outcome) => {
        const now = Date.now();
        if (outcome === 'held') {
          this.#lastRenewMs = now;
          if (!this.#leading && this.#running) this.#setLeading(true);
        } else if (this.#leading && (outcome === 'other' || now - this.#lastRenewMs >= this.#renewDeadlineMs)) {
          // Another holder means this one was deemed dead (paused past the lease): stop at once.
          this.#setLeading(false);
        }
      })
      .finally(() => {
        if (this.#running) this.#timer = setTimeout(() => {
            this.#tick();
          }, this.#retryPeriodMs);
      });
  }

  #setLeading(leading: boolean): void {
    this.#leading = leading;
    if (leading) this.#callbacks.onStartedLeading();
    else this.#callbacks.onStoppedLeading();
  }

  /**
   * One attempt: `held` when this candidate holds the Lease afterwards, `other` when another
   * live candidate does, `failed` when the write lost a race or the API server failed. Never rejects.
   */
  async #tryAcquireOrRenew(): Promise<'held' | 'other' | 'failed'> {
    try {
      let current: V1Lease;
      try {
        current = await this.#client.readLease(this.#namespace, this.#name);
      } catch (error) {
        if (!isNotFound(error)) throw error;
        await this.#client.createLease(this.#namespace, this.#lease(undefined, this.#identity, 0, new Date()));
        return 'held';
      }
      const now = Date.now();
      const spec = current.spec ?? new V1LeaseSpec();
      const holder = spec.holderIdentity ?? '';
      const record = `${holder}|${String(spec.renewTime)}|${current.metadata?.resourceVersion ?? ''}`;
      if (record !== this.#observedRecord) {
        this.#observedRecord = record;
        this.#observedAtMs = now;
      }
      const heldByOther = holder !== '' && holder !== this.#identity;
      if (heldByOther && now - this.#observedAtMs < this.#leaseDurationMs) return 'other';
      const transitions = (spec.leaseTransitions ?? 0) + (holder === this.#identity ? 0 : 1);
      const acquired = holder === this.#identity && spec.acquireTime !== undefined ? new Date(String(spec.acquireTime)) : new Date(now);
      await this.#client.replaceLease(this.#namespace, this.#name, this.#lease(current.metadata?.resourceVersion, this.#identity, transitions, acquired));
      return 'held';
    } catch (error) {
      // 409: another candidate wrote first; anything else: the API server is unreachable.
      if (!isConflict(error)) this.#callbacks.onError?.(error);
      return 'failed';
    }
  }

  #lease(resourceVersion: string | undefined, holder: string, transitions: number, acquired: Date, durationSeconds = Math.ceil(this.#leaseDurationMs / 1000)): V1Lease {
    return make(V1Lease, {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: make(V1ObjectMeta, { name: this.#name, namespace: this.#namespace, ...(resourceVersion === undefined ? {} : { resourceVersion }) }),
      spec: make(V1LeaseSpec, {
        holderIdentity: holder,
        leaseDurationSeconds: durationSeconds,
        acquireTime: new V1MicroTime(acquired.getTime()),
        renewTime: new V1MicroTime(Date.now()),
        leaseTransitions: transitions,
      }),
    });
  }

  /** Empties the holder so a standby need not wait for expiry. Best effort: errors are reported. */
  async #release(): Promise<void> {
    try {
      const current = await this.#client.readLease(this.#namespace, this.#name);
      if (current.spec?.holderIdentity !== this.#identity) return;
      // A fresh body rather than `current`: client-node hands MicroTimes back as strings.
      const spec = current.spec;
      const acquired = spec.acquireTime === undefined ? new Date() : new Date(String(spec.acquireTime));
      await this.#client.replaceLease(this.#namespace, this.#name, this.#lease(current.metadata?.resourceVersion, '', spec.leaseTransitions ?? 0, acquired, 1));
    } catch (error) {
      this.#callbacks.onError?.(error);
    }
  }
}
