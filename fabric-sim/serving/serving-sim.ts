import { badInput } from '../../core/errors.js';
import {
  efficiencyFor,
  kvBytesPerElement,
  kvCacheElementsPerTokenPerLayer,
  kvCapacity,
  nvlinkAlphaBetaCollectives,
  type Deployment,
  type StepCostOptions,
} from '../../gpu-model/index.js';
import { Engine, runBounded, type RunOutcome } from '../engine/index.js';
import type { InferenceRequest } from '../workload/inference-request.js';
import { type ReplicaCountSample, type ServingController, validateController } from './controller.js';
import { KvBlockPool } from './kv-block-pool.js';
import { KvTransferFabric } from './kv-transfer.js';
import { NetworkKvTransfer } from './kv-transfer-network.js';
import { summarizeRequests, type RequestRecord, type ServingSummary } from './metrics.js';
import { ServingReplica, type ReplicaEvents } from './replica.js';
import { Router } from './router.js';
import { prefixBlockKeys, Sequence } from './sequence.js';
import { isNetworkFabric, resolveServingConfig, type ResolvedServingConfig, type ServingConfig } from './serving-config.js';

/** What one replica did over the run. */
export interface ReplicaStats {
  readonly index: number;
  readonly role: 'colocated' | 'prefill' | 'decode';
  readonly steps: number;
  /** Simulated time spent in steps. */
  readonly busyNs: number;
  readonly preemptions: number;
}

export interface ServingResult {
  readonly summary: ServingSummary;
  /** Finished requests in completion order. */
  readonly records: readonly RequestRecord[];
  readonly replicas: readonly ReplicaStats[];
  /** KV blocks of each replica's pool, and tokens per block. */
  readonly kvCacheBlocks: number;
  readonly blockTokens: number;
  /** KV-cache bytes of one token of the whole model (all layers, all ranks, no replication). */
  readonly kvBytesPerToken: number;
  readonly events: number;
  /** Replica counts at each control tick (empty without a controller). */
  readonly replicaTimeline: readonly ReplicaCountSample[];
  /** Replica-time provisioned (ready, starting, or draining with requests), ns; GPU-time is this x GPUs per replica. */
  readonly provisionedReplicaNs: number;
}

/** Options of {@link simulateServing}. */
export interface SimulateServingOptions {
  /** Seed of the engine (no serving decision is random today; kept for the engine's streams). */
  readonly seed?: number;
  /** A control loop that scales the colocated replicas during the run. */
  readonly controller?: ServingController;
}

/**
 * KV-cache bytes per token of the whole model at its cache precision: the volume a
 * disaggregated prefill moves per prompt token (each layer's K and V, or MLA's latent).
 */
export function modelKvBytesPerToken(d: Deployment): number {
  return kvCacheElementsPerTokenPerLayer(d.model) * d.model.layers * kvBytesPerElement(d.kvCachePrecision);
}

/**
 * Runs a request stream through replicas on the discrete-event engine and returns per-request
 * records and the aggregate metrics. The stream is consumed lazily (it may be an async trace
 * reader): the simulation advances to each arrival before taking the next.
 *
 * Colocated mode: every replica prefills and decodes (see {@link ServingReplica}). Disaggregated
 * mode: prefill replicas run each prompt and sample its first token, the prompt's KV cache
 * (`modelKvBytesPerToken x promptTokens` bytes) crosses the {@link KvTransferFabric} (alpha-beta)
 * or the fabric-sim network ({@link NetworkKvTransfer}: flows on the same engine) to a decode
 * replica, and the first token reaches the client with it (as in vLLM's disaggregated-prefill
 * proxy, where the client's stream comes from the decode instance), so the transfer is part of
 * TTFT; the decode replica then generates the rest.
 *
 * @throws WeftError BAD_INPUT for an invalid config, a configuration that does not fit in
 *   memory, or a request out of time order or with invalid token counts.
 */
export async function simulateServing(
  requests: Iterable<InferenceRequest> | AsyncIterable<InferenceRequest>,
  config: ServingConfig,
  options: SimulateServingOptions = {},
): Promise<ServingResult> {
  const sim = new ServingSimulation(config, options);
  for await (const request of requests) sim.arrive(request);
  return sim.finish();
}

/** Replicas and requests of a running {@link ServingSimulation}. */
export interface ServingStatus {
  /** Replicas taking requests. */
  readonly ready: number;
  /** Replicas loading the model (controller scale-ups). */
  readonly starting: number;
  /** Replicas draining that still hold requests. */
  readonly draining: number;
  /** Requests routed and not finished. */
  readonly inFlight: number;
  readonly rejected: number;
}

/**
 * The serving simulation as an object a caller drives: `arrive` each request in time order,
 * optionally `runUntil` between arrivals (in bounded slices, reading `records` and `status()`
 * as it goes: a live dashboard), then `finish`. {@link simulateServing} is this driven over a
 * whole stream; both give the same records for the same requests.
 */
export class ServingSimulation {
  readonly #engine: Engine;
  readonly #config: ResolvedServingConfig;
  readonly #replicas: ServingReplica[] = [];
  readonly #roles: ReplicaStats['role'][] = [];
  readonly #router: Router;
  readonly #decodeRouter: Router | undefined;
  readonly #fabric: KvTransferFabric | undefined;
  readonly #network: NetworkKvTransfer | undefined;
  readonly #records: RequestRecord[] = [];
  readonly #inFlight = new Map<number, Sequence>();
  readonly #kvBytesPerToken: number;
  readonly #blocks: number;
  readonly #kKvArrived: number;
  #rejected = 0;
  #lastArrivalNs = 0;
  // Control: the replicas the router may pick (mutated in place), those loading, those draining.
  readonly #routable: ServingReplica[] = [];
  readonly #starting = new Map<number, number>();
  readonly #draining = new Set<number>();
  readonly #controller: ServingController | undefined;
  readonly #timeline: ReplicaCountSample[] = [];
  #arrivalsSinceTick = 0;
  #closed = false;
  #provisionedNs = 0;
  #lastAccountNs = 0;
  #kReady = -1;
  #kTick = -1;
  #addReplica: () => ServingReplica = () => {
    throw new Error('unreachable');
  };

  #arrived = 0;

  constructor(serving: ServingConfig, options: SimulateServingOptions = {}) {
    const config = resolveServingConfig(serving);
    const controller = options.controller;
    this.#config = config;
    this.#engine = new Engine({ seed: options.seed ?? 1 });
    const d = config.deployment;
    const capacity = kvCapacity(d, {
      memoryUtilization: config.memoryUtilization,
      maxBatchedTokens: config.maxBatchedTokens,
      maxSequences: config.maxSequences,
    });
    if (!capacity.fits) {
      throw badInput(capacity.reason ?? 'the model does not fit', { field: 'deployment', value: `${d.model.name} on ${d.tp * d.pp} x ${d.gpu.name}`, expected: 'a configuration with room for the KV cache' });
    }
    this.#blocks = config.kvCacheBlocks ?? Math.floor(capacity.tokens / config.blockTokens);
    if (this.#blocks < 1) throw badInput('the KV cache holds less than one block', { field: 'blockTokens', value: config.blockTokens, expected: `at most ${capacity.tokens} tokens` });
    this.#kvBytesPerToken = modelKvBytesPerToken(d);
    const costOptions: StepCostOptions = {
      collectives: config.collectives ?? nvlinkAlphaBetaCollectives(d.gpu),
      efficiency: efficiencyFor(d.gpu.name, config.efficiency),
    };
    const events: ReplicaEvents = {
      token: (s) => { this.#token(s); },
      finished: (s) => { this.#finished(s); },
      prefilled: (s) => { this.#prefilled(s); },
    };
    const add = (role: ReplicaStats['role']): ServingReplica => {
      const pool = new KvBlockPool({ blocks: this.#blocks, blockTokens: config.blockTokens, prefixCaching: config.prefixCaching });
      const r = new ServingReplica(this.#replicas.length, this.#engine, d, pool, costOptions, config, events);
      this.#replicas.push(r);
      this.#roles.push(role);
      return r;
    };
    const dis = config.disaggregation;
    this.#controller = controller;
    if (controller !== undefined) {
      validateController(controller);
      if (dis !== undefined) throw badInput('a controller scales colocated replicas only', { field: 'controller', value: 'disaggregation', expected: 'no disaggregation with a controller' });
    }
    if (dis === undefined) {
      for (let i = 0; i < config.replicas; i++) this.#routable.push(add('colocated'));
      this.#router = new Router(config.routing, this.#routable);
      this.#addReplica = () => add('colocated');
    } else {
      this.#router = new Router(config.routing, Array.from({ length: dis.prefillReplicas }, () => add('prefill')));
      this.#decodeRouter = new Router(
        config.routing === 'prefix-affinity' ? 'least-outstanding' : config.routing,
        Array.from({ length: dis.decodeReplicas }, () => add('decode')),
      );
      if (isNetworkFabric(dis.fabric)) {
        // resolveServingConfig sets the cluster and the GPUs of every rank for a network fabric.
        this.#network = new NetworkKvTransfer(this.#engine, dis.cluster!, dis.replicaGpus!, options.seed ?? 1);
      } else {
        const gpus = d.tp * d.pp;
        const placements = [...dis.prefillLeaves, ...dis.decodeLeaves].map((leaf) => ({ leaf, gpus }));
        this.#fabric = new KvTransferFabric(dis.fabric, placements);
      }
    }
    this.#kKvArrived = this.#engine.register('serving/kv-arrived', (id) => { this.#kvArrived(id); });
    if (controller !== undefined) {
      this.#kReady = this.#engine.register('serving/replica-ready', (index) => { this.#replicaReady(index); });
      this.#kTick = this.#engine.register('serving/control-tick', () => { this.#tick(); });
      this.#engine.schedule(controller.periodNs, this.#kTick);
    }
  }

  /** Adds elapsed time x provisioned replicas to the running total. */
  #account(): void {
    const now = this.#engine.nowNs;
    let draining = 0;
    for (const index of this.#draining) if (this.#replicas[index]!.outstanding > 0) draining++;
    this.#provisionedNs += (now - this.#lastAccountNs) * (this.#routable.length + this.#starting.size + draining);
    this.#lastAccountNs = now;
  }

  #tick(): void {
    const controller = this.#controller!;
    this.#account();
    const now = this.#engine.nowNs;
    let inFlight = 0;
    for (const r of this.#replicas) inFlight += r.outstanding;
    let drainingBefore = 0;
    for (const index of this.#draining) if (this.#replicas[index]!.outstanding > 0) drainingBefore++;
    const desired = Math.max(1, Math.round(controller.desiredReplicas({
      nowNs: now,
      readyReplicas: this.#routable.length,
      startingReplicas: this.#starting.size,
      drainingReplicas: drainingBefore,
      requestsPerSec: (this.#arrivalsSinceTick * 1e9) / controller.periodNs,
      inFlight,
    })));
    this.#arrivalsSinceTick = 0;
    let have = this.#routable.length + this.#starting.size;
    // Up: a draining replica comes back at once; otherwise a new one loads the model.
    for (; have < desired; have++) {
      const back = [...this.#draining].sort((a, b) => a - b)[0];
      if (back !== undefined) {
        this.#draining.delete(back);
        this.#routable.push(this.#replicas[back]!);
        continue;
      }
      const replica = this.#addReplica();
      const delayNs = controller.startDelayNs?.(now) ?? controller.replicaStartNs;
      if (!(delayNs >= 0) || !Number.isFinite(delayNs)) throw new RangeError(`ServingController startDelayNs must be a finite number >= 0, got ${String(delayNs)}`);
      this.#starting.set(replica.index, this.#engine.schedule(delayNs, this.#kReady, replica.index));
    }
    // Down: cancel the newest starts (their replicas never loaded: they stay idle, never routed),
    // then drain the least loaded replicas.
    for (const [index, handle] of [...this.#starting].reverse()) {
      if (have <= desired) break;
      this.#engine.cancel(handle);
      this.#starting.delete(index);
      have--;
    }
    while (have > desired && this.#routable.length > 1) {
      let pick = 0;
      for (let i = 1; i < this.#routable.length; i++) if (this.#routable[i]!.outstanding < this.#routable[pick]!.outstanding) pick = i;
      this.#draining.add(this.#routable[pick]!.index);
      this.#routable.splice(pick, 1);
      have--;
    }
    let draining = 0;
    for (const index of this.#draining) if (this.#replicas[index]!.outstanding > 0) draining++;
    this.#timeline.push({ timeNs: now, ready: this.#routable.length, starting: this.#starting.size, draining });
    if (!this.#closed || inFlight > 0) this.#engine.schedule(controller.periodNs, this.#kTick);
  }

  #replicaReady(index: number): void {
    this.#account();
    this.#starting.delete(index);
    this.#routable.push(this.#replicas[index]!);
  }

  /** Simulated time reached. */
  get nowNs(): number {
    return this.#engine.nowNs;
  }

  /** Engine events fired so far. */
  get eventsProcessed(): number {
    return this.#engine.eventsProcessed;
  }

  /** Requests finished so far, in completion order (grows as the simulation runs; do not mutate). */
  get records(): readonly RequestRecord[] {
    return this.#records;
  }

  status(): ServingStatus {
    let inFlight = 0;
    for (const r of this.#replicas) inFlight += r.outstanding;
    let draining = 0;
    for (const index of this.#draining) if (this.#replicas[index]!.outstanding > 0) draining++;
    return { ready: this.#routable.length, starting: this.#starting.size, draining, inFlight, rejected: this.#rejected };
  }

  /**
   * Advances towards `limitNs` firing at most `maxEvents` events ('stopped' when the budget ran
   * out first). The next arrival must not be earlier than the time reached.
   */
  runUntil(limitNs: number, maxEvents = Infinity): RunOutcome {
    return runBounded(this.#engine, limitNs, maxEvents);
  }

  /** Takes a request (arrivals in time order, not before `nowNs`); runs the simulation up to its arrival. */
  arrive(request: InferenceRequest): void {
    const index = this.#arrived++;
    const field = `requests[${index}]`;
    const earliestNs = Math.max(this.#lastArrivalNs, this.#engine.nowNs);
    if (!(Number.isFinite(request.arrivalNs) && request.arrivalNs >= earliestNs)) {
      throw badInput('requests must arrive in time order', { field: `${field}.arrivalNs`, value: request.arrivalNs, expected: `a finite time >= ${earliestNs} ns` });
    }
    if (!Number.isInteger(request.promptTokens) || request.promptTokens < 1) {
      throw badInput('invalid prompt length', { field: `${field}.promptTokens`, value: request.promptTokens, expected: 'an integer >= 1' });
    }
    if (!Number.isInteger(request.outputTokens) || request.outputTokens < 0) {
      throw badInput('invalid output length', { field: `${field}.outputTokens`, value: request.outputTokens, expected: 'an integer >= 0' });
    }
    this.#lastArrivalNs = request.arrivalNs;
    this.#engine.runUntil(request.arrivalNs);
    let keys: number[];
    try {
      keys = this.#config.prefixCaching ? prefixBlockKeys(request, this.#config.blockTokens) : [];
    } catch (error) {
      throw badInput(error instanceof Error ? error.message : String(error), { field: `${field}.prefixBlockTokens`, value: request.prefixBlockTokens, expected: `a multiple of ${this.#config.blockTokens}` });
    }
    const s = new Sequence(index, request, keys);
    if (Math.ceil((s.promptTokens + s.outputTokens) / this.#config.blockTokens) > this.#blocks) {
      this.#rejected++;
      return;
    }
    s.prefillOnly = this.#config.disaggregation !== undefined;
    this.#arrivalsSinceTick++;
    const replica = this.#router.pick(s);
    replica.outstanding++;
    replica.enqueue(s);
  }

  /** No more arrivals: the controller stops ticking once the last request finished, so the run can go idle. */
  close(): void {
    this.#closed = true;
  }

  /** Closes the stream, runs every request to completion and returns the result. */
  finish(): ServingResult {
    this.close();
    this.#engine.runUntilIdle();
    this.#account();
    return {
      summary: summarizeRequests(this.#records, this.#rejected, this.#config.slo),
      records: this.#records,
      replicas: this.#replicas.map((r, i) => ({ index: i, role: this.#roles[i]!, steps: r.steps, busyNs: r.busyNs, preemptions: r.preemptions })),
      kvCacheBlocks: this.#blocks,
      blockTokens: this.#config.blockTokens,
      kvBytesPerToken: this.#kvBytesPerToken,
      events: this.#engine.eventsProcessed,
      replicaTimeline: this.#timeline,
      provisionedReplicaNs: this.#provisionedNs,
    };
  }

  #token(s: Sequence): void {
    if (s.prefillOnly) return;
    const now = this.#engine.nowNs;
    if (Number.isNaN(s.firstTokenNs)) s.firstTokenNs = now;
    else s.maxItlNs = Math.max(s.maxItlNs, now - s.lastTokenNs);
    s.lastTokenNs = now;
  }

  #finished(s: Sequence): void {
    const now = this.#engine.nowNs;
    s.finishNs = now;
    this.#replicas[s.replica]!.outstanding--;
    this.#records.push({
      id: s.id,
      arrivalNs: s.arrivalNs,
      firstTokenNs: s.firstTokenNs,
      finishNs: now,
      promptTokens: s.promptTokens,
      outputTokens: s.outputTokens,
      queueWaitNs: s.firstScheduledNs - s.arrivalNs,
      maxItlNs: s.maxItlNs,
      preemptions: s.preemptions,
      prefixHitTokens: s.prefixHitTokens,
      networkNs: s.kvTransferNs,
      kvTransferBytes: s.kvTransferBytes,
      replica: s.replica,
    });
  }

  #prefilled(s: Sequence): void {
    const now = this.#engine.nowNs;
    s.prefillReplica = s.replica;
    const decode = this.#decodeRouter!.pick(s);
    decode.outstanding++;
    const bytes = this.#kvBytesPerToken * s.promptTokens;
    s.kvTransferBytes = bytes;
    s.replica = decode.index;
    this.#inFlight.set(s.id, s);
    const network = this.#network;
    if (network !== undefined) {
      // Its flows share the fabric with every transfer in flight: the end is known when it comes.
      network.transfer(s.prefillReplica, decode.index, bytes, () => {
        s.kvTransferNs = this.#engine.nowNs - now;
        this.#kvArrived(s.id);
      });
      return;
    }
    const doneNs = this.#fabric!.transfer(s.prefillReplica, decode.index, bytes, now);
    s.kvTransferNs = doneNs - now;
    this.#engine.scheduleAt(doneNs, this.#kKvArrived, s.id);
  }

  #kvArrived(id: number): void {
    const s = this.#inFlight.get(id)!;
    this.#inFlight.delete(id);
    const prefill = this.#replicas[s.prefillReplica]!;
    prefill.releaseHandedOver(s);
    prefill.outstanding--;
    s.prefillOnly = false;
    s.kvTransferred = true;
    this.#token(s);
    const decode = this.#replicas[s.replica]!;
    if (s.generated >= s.outputTokens) {
      this.#finished(s);
      return;
    }
    decode.enqueue(s);
  }
}
