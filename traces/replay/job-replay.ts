import { ClusterState } from '../../scheduler/cluster/cluster-state.js';
import type { TargetWorkload } from '../../scheduler/fgd/target-workload.js';
import { Framework } from '../../scheduler/framework/framework.js';
import { GangDirectory } from '../../scheduler/framework/gangs.js';
import { profilePlugins, type ProfileConfig } from '../../scheduler/framework/profile.js';
import { podSpec, type PodSpec } from '../../scheduler/workload/pod.js';
import { stepNs, type PlacementSpan } from './job-runtime.js';
import type { ReplayCluster } from './replay-cluster.js';
import type { ReplayJob, ServingShape } from './replay-job.js';

/**
 * The job replay: training jobs arrive, wait in priority-then-arrival order, are gang-placed by
 * a scheduler profile (all of a job's pods or none; greedy backfill, no reservations), and run
 * for `steps x stepNs` where the step time depends on the placement and the fabric
 * (job-runtime.ts). Preemption comes from the profile (DefaultPreemption): a preempted job keeps
 * the work it has done (it is taken to checkpoint at eviction) and queues again at its place.
 *
 * Everything that determines what happens next is in `ReplayState`, plain JSON: a replay can be
 * written to a checkpoint and rebuilt from it (`JobReplay.restore`). The driver rebuilds the
 * replay from its state at fixed event counts whether or not it writes checkpoints, so that a
 * resumed replay takes exactly the decisions of an uninterrupted one (plugin state such as the
 * Random score's stream restarts at each rebuild from a seed derived from the segment number).
 */

/** Job pods are whole GPUs; CPU and memory are not modelled (0), so only GPUs constrain placement. */
const GPU_MILLI = 1000;

/** A placed pod of a running job. */
export interface PlacedPod {
  readonly node: number;
  readonly gpus: readonly number[];
}

/** A job between arrival and finish. */
export interface JobState {
  readonly job: ReplayJob;
  /** Fraction of the job's work still to do (1 at arrival). */
  remaining: number;
  /** First start, ns; -1 until it starts. */
  firstStartNs: number;
  preemptions: number;
  /** Bumped at every start; a finish event of an older run is stale. */
  epoch: number;
  run?: { startNs: number; runNs: number; span: PlacementSpan; pods: PlacedPod[] };
  /** A serving deployment's runs so far: [startNs, endNs, catalog GPU of the placement (the slowest)]; the last is open (endNs = startNs) while it runs. */
  served?: [number, number, string][];
}

/**
 * What a serving deployment got over its lifetime (its requests are simulated after the replay,
 * replay/serving-slo.ts): the intervals it ran and on which GPU, or why it could never run.
 */
export interface DeploymentRecord {
  readonly index: number;
  readonly id: string;
  readonly arrivalNs: number;
  readonly serving: ServingShape;
  /** [startNs, endNs, GPU] of each run, in time order; empty when it never got its GPUs. */
  readonly served: readonly (readonly [number, number, string])[];
  readonly preemptions: number;
  /** Why it can never be placed on this cluster ('' when it could). */
  readonly unplaceable: string;
}

/** One utilisation sample. */
export interface ReplaySample {
  readonly timeNs: number;
  /** Allocated GPUs / all GPUs. */
  readonly utilisation: number;
  /** Free GPUs on partly used servers (stranded for jobs that want whole servers) / all GPUs. */
  readonly fragmentation: number;
  readonly running: number;
  readonly waiting: number;
}

/** Results so far: per finished job, JCT and first queueing delay (ns) and whether it spanned servers. */
export interface ReplayResults {
  jctNs: number[];
  waitNs: number[];
  multiServer: number[];
  /** Training jobs that can never be placed on this cluster, by reason (deployments: `deployments`). */
  unplaceable: Record<string, number>;
  preemptions: number;
  samples: ReplaySample[];
  lastEventNs: number;
  /** Serving deployments whose lifetime ended (or that can never be placed), in the order they ended. */
  deployments: DeploymentRecord[];
}

/** Everything that decides the rest of a replay (JSON-safe). */
export interface ReplayState {
  nowNs: number;
  sequence: number;
  events: number;
  arrivals: number;
  segment: number;
  nextSampleNs: number;
  /** In queue order. */
  waiting: JobState[];
  running: JobState[];
  /** Finish events: [timeNs, sequence, job index, epoch]; epoch 0 is the end of a serving deployment's lifetime. */
  heap: [number, number, number, number][];
  results: ReplayResults;
}

export interface JobReplayOptions {
  readonly cluster: ReplayCluster;
  readonly profile: ProfileConfig;
  readonly seed: number;
  /** FGD's target workload (required by profiles with FGD). */
  readonly workload?: TargetWorkload;
  readonly sampleEveryNs: number;
}

export function emptyState(): ReplayState {
  return {
    nowNs: 0, sequence: 0, events: 0, arrivals: 0, segment: 0, nextSampleNs: 0, waiting: [], running: [], heap: [],
    results: { jctNs: [], waitNs: [], multiServer: [], unplaceable: {}, preemptions: 0, samples: [], lastEventNs: 0, deployments: [] },
  };
}

export class JobReplay {
  readonly #options: JobReplayOptions;
  readonly #state: ReplayState;
  readonly #cluster: ClusterState;
  readonly #gangs = new GangDirectory();
  readonly #framework: Framework;
  readonly #running = new Map<number, JobState>();
  /** Job indexes whose pods were evicted during the current scheduling cycle. */
  readonly #evicted: number[] = [];
  /** Preempted jobs, queued again after the pass that preempted them. */
  readonly #requeued: JobState[] = [];

  constructor(options: JobReplayOptions, state: ReplayState = emptyState()) {
    if (!(options.sampleEveryNs > 0)) throw new RangeError(`sampleEveryNs must be > 0, got ${options.sampleEveryNs}`);
    this.#options = options;
    this.#state = state;
    this.#cluster = new ClusterState(options.cluster.nodes);
    // Rebuild the placements of running jobs (the allocation start is their run's start, for preemption rules).
    for (const js of state.running) {
      const run = js.run!;
      const pods = run.pods.map((p, k) => this.#pod(js.job, k, p.gpus.length));
      pods.forEach((pod, k) => this.#cluster.allocate(pod, run.pods[k]!.node, run.pods[k]!.gpus, run.startNs));
      this.#registerGang(js.job, pods);
      this.#running.set(js.job.index, js);
    }
    const seed = (options.seed + 7919 * state.segment) >>> 0;
    this.#framework = new Framework({
      cluster: this.#cluster,
      plugins: profilePlugins(options.profile, { cluster: this.#cluster, gangs: this.#gangs, seed, ...(options.workload === undefined ? {} : { workload: options.workload }) }),
      feasibleNodesToFind: options.profile.feasibleNodesToFind,
      onEvicted: (pod) => {
        this.#evicted.push(Number(/^j(\d+)-/.exec(pod.name)![1]));
      },
    });
  }

  /** A rebuilt replay from a state (a deep copy is taken). */
  static restore(options: JobReplayOptions, state: ReplayState): JobReplay {
    return new JobReplay(options, structuredClone(state));
  }

  /** The state, for a checkpoint or a rebuild (not a copy: serialise it before going on). */
  get state(): ReplayState {
    return this.#state;
  }

  /** Processes the finish events up to `job.arrivalNs`, then the arrival. @throws RangeError for arrivals out of order. */
  arrive(job: ReplayJob): void {
    const s = this.#state;
    if (job.arrivalNs < s.nowNs) throw new RangeError(`job ${job.id} arrives at ${job.arrivalNs} ns, before the replay's time ${s.nowNs} ns: arrivals must be in time order`);
    this.#runUntil(job.arrivalNs);
    this.#advance(job.arrivalNs);
    s.arrivals++;
    s.events++;
    const reason = this.#unplaceable(job);
    if (reason !== '') {
      // An unplaceable deployment is one of the deployments (its demand counts, unserved); a training job is counted here.
      if (job.serving !== undefined) s.results.deployments.push({ index: job.index, id: job.id, arrivalNs: job.arrivalNs, serving: job.serving, served: [], preemptions: 0, unplaceable: reason });
      else s.results.unplaceable[reason] = (s.results.unplaceable[reason] ?? 0) + 1;
      return;
    }
    const js: JobState = { job, remaining: 1, firstStartNs: -1, preemptions: 0, epoch: 0 };
    if (job.serving !== undefined) {
      // A service's demand ends at its recorded end whether or not it ran: one end event, epoch 0.
      js.served = [];
      heapPush(s.heap, [job.arrivalNs + job.serving.lifetimeNs, s.sequence++, job.index, 0]);
    }
    this.#enqueue(js);
    this.#schedule();
  }

  /** Processes one finish event; false when none is left. */
  step(): boolean {
    const top = this.#state.heap[0];
    if (top === undefined) return false;
    this.#advance(top[0]);
    this.#popFinish();
    this.#schedule();
    return true;
  }

  /** Runs every remaining event, then takes the samples up to the last event. */
  drain(): void {
    while (this.step()) { /* every finish */ }
    this.#sampleThrough(this.#state.results.lastEventNs, true);
  }

  #runUntil(timeNs: number): void {
    while (this.#state.heap.length > 0 && this.#state.heap[0]![0] <= timeNs) this.step();
  }

  /** Moves the clock to `timeNs`, taking the samples strictly before it (they see the state before its events). */
  #advance(timeNs: number): void {
    this.#sampleThrough(timeNs, false);
    this.#state.nowNs = timeNs;
    this.#state.results.lastEventNs = timeNs;
  }

  #sampleThrough(timeNs: number, inclusive: boolean): void {
    const s = this.#state;
    const cluster = this.#cluster;
    while (inclusive ? s.nextSampleNs <= timeNs : s.nextSampleNs < timeNs) {
      let stranded = 0;
      for (let n = 0; n < cluster.nodeCount; n++) {
        const free = cluster.fullyFreeGpus(n);
        if (free < cluster.node(n).gpuCount) stranded += free;
      }
      const gpus = this.#options.cluster.totalGpus;
      s.results.samples.push({
        timeNs: s.nextSampleNs,
        utilisation: round6(cluster.gpuMilliAllocated / cluster.gpuMilliCapacity),
        fragmentation: round6(stranded / gpus),
        running: this.#running.size,
        waiting: s.waiting.length,
      });
      s.nextSampleNs += this.#options.sampleEveryNs;
    }
  }

  /** Why a job can never be placed on this cluster ('' when it can). */
  #unplaceable(job: ReplayJob): string {
    const c = this.#options.cluster;
    if (job.gpus > c.totalGpus) return `needs more GPUs than the cluster has (${c.totalGpus})`;
    if (job.serving !== undefined && job.serving.gpusPerReplica > c.gpusPerServer) return `a serving replica needs more GPUs than a server has (${c.gpusPerServer})`;
    return '';
  }

  /** The end of a serving deployment's lifetime: release it if running, drop it from the queue if waiting, record it. */
  #endDeployment(index: number, timeNs: number): void {
    const s = this.#state;
    let js = this.#running.get(index);
    if (js !== undefined) {
      js.served!.at(-1)![1] = timeNs;
      this.#release(js);
      this.#running.delete(index);
      s.running = s.running.filter((r) => r !== js);
    } else {
      js = s.waiting.find((w) => w.job.index === index);
      if (js === undefined) return;
      s.waiting = s.waiting.filter((w) => w !== js);
    }
    s.results.deployments.push({ index, id: js.job.id, arrivalNs: js.job.arrivalNs, serving: js.job.serving!, served: js.served!, preemptions: js.preemptions, unplaceable: '' });
  }

  #popFinish(): void {
    const s = this.#state;
    const [timeNs, , index, epoch] = heapPop(s.heap)!;
    s.events++;
    if (epoch === 0) {
      this.#endDeployment(index, timeNs);
      return;
    }
    const js = this.#running.get(index);
    if (js?.epoch !== epoch || js.run === undefined) return; // stale: the run was preempted
    this.#release(js);
    this.#running.delete(index);
    s.running = s.running.filter((r) => r !== js);
    s.results.jctNs.push(timeNs - js.job.arrivalNs);
    s.results.waitNs.push(js.firstStartNs - js.job.arrivalNs);
    s.results.multiServer.push(js.run.span.servers > 1 ? 1 : 0);
  }

  /** Frees a job's pods and its gang. */
  #release(js: JobState): void {
    js.run!.pods.forEach((_, k) => {
      const name = podName(js.job, k);
      if (this.#cluster.allocationOf(name) !== undefined) this.#cluster.release(name);
    });
    this.#unregisterGang(js.job);
  }

  /**
   * A multi-pod job is a gang from its placement to its end: Coscheduling binds it whole, and
   * DefaultPreemption evicts every member of a gang it preempts.
   */
  #registerGang(job: ReplayJob, pods: readonly PodSpec[]): void {
    if (pods.length > 1) this.#gangs.register({ name: `j${job.index}`, minMember: pods.length, timeoutNs: Number.MAX_SAFE_INTEGER }, pods.map((p) => p.name));
  }

  #unregisterGang(job: ReplayJob): void {
    if (podGpus(job, this.#options.cluster.gpusPerServer).length > 1) this.#gangs.unregister(`j${job.index}`);
  }

  #enqueue(js: JobState): void {
    const w = this.#state.waiting;
    let k = w.length;
    while (k > 0 && before(js.job, w[k - 1]!.job)) k--;
    w.splice(k, 0, js);
  }

  /** One pass over the queue in order; a job shape that failed is not retried in the same pass (binds only shrink free space). */
  #schedule(): void {
    const s = this.#state;
    const failed = new Set<string>();
    const still: JobState[] = [];
    for (const js of s.waiting) {
      const key = `${js.job.serving === undefined ? js.job.gpus : `${js.job.serving.replicas}x${js.job.serving.gpusPerReplica}`}@${js.job.priority}`;
      if (failed.has(key) || !this.#tryStart(js)) {
        failed.add(key);
        still.push(js);
      }
    }
    s.waiting = still;
    for (const js of this.#takeEvicted()) this.#enqueue(js);
  }

  #tryStart(js: JobState): boolean {
    const { job } = js;
    const pods = podGpus(job, this.#options.cluster.gpusPerServer).map((gpus, k) => this.#pod(job, k, gpus));
    this.#registerGang(job, pods);
    // A second attempt: preemption for a later member can make Coscheduling release the members
    // already waiting; the room the victims left is free then, so the gang is placed again.
    const ok = this.#placeAll(pods) || this.#placeAll(pods);
    if (!ok) {
      this.#unregisterGang(job);
      return false;
    }
    const now = this.#state.nowNs;
    const placed = pods.map((p) => this.#cluster.allocationOf(p.name)!);
    const servers = new Set(placed.map((a) => a.node));
    const leaves = new Set(placed.map((a) => `${this.#cluster.node(a.node).spineGroup}/${this.#cluster.node(a.node).leaf}`));
    const span: PlacementSpan = { gpus: job.gpus, servers: servers.size, leaves: leaves.size };
    // The slowest GPU of the placement paces a synchronous data-parallel step.
    const gpu = placed.map((a) => this.#options.cluster.gpuOfNode[a.node]!).reduce((slow, g) => (g.bf16FlopsPerSec < slow.bf16FlopsPerSec ? g : slow));
    js.epoch++;
    if (js.firstStartNs < 0) js.firstStartNs = now;
    const placedPods = placed.map((a) => ({ node: a.node, gpus: [...a.gpus] }));
    if (job.serving !== undefined) {
      // A deployment runs until its lifetime's end event (pushed at arrival); the open interval ends there or at a preemption.
      js.run = { startNs: now, runNs: job.arrivalNs + job.serving.lifetimeNs - now, span, pods: placedPods };
      js.served!.push([now, now, gpu.name]);
    } else {
      const runNs = js.remaining * job.steps * stepNs(job.shape, gpu, this.#options.cluster.fabric, span);
      js.run = { startNs: now, runNs, span, pods: placedPods };
      heapPush(this.#state.heap, [now + runNs, this.#state.sequence++, job.index, js.epoch]);
    }
    this.#running.set(job.index, js);
    this.#state.running.push(js);
    return true;
  }

  /** Places every pod of a job (bound, none left waiting), or none. */
  #placeAll(pods: readonly PodSpec[]): boolean {
    const now = this.#state.nowNs;
    let ok = true;
    for (const pod of pods) {
      let result = this.#framework.scheduleOne(pod, now);
      this.#handleEvictions();
      if (result.kind === 'unschedulable' && result.nominatedNode !== undefined) {
        result = this.#framework.scheduleOne(pod, now);
        this.#handleEvictions();
      }
      if (result.kind === 'unschedulable') {
        ok = false;
        break;
      }
    }
    const waiting = new Set([...this.#framework.waitingPods()].map((w) => w.pod.name));
    if (ok && pods.every((p) => this.#cluster.allocationOf(p.name) !== undefined && !waiting.has(p.name))) return true;
    for (const pod of pods) {
      // Rejecting one waiting member makes Coscheduling reject the others: check each time.
      const stillWaiting = waiting.has(pod.name) && [...this.#framework.waitingPods()].some((w) => w.pod.name === pod.name);
      if (stillWaiting) this.#framework.reject(pod.name, 'gang incomplete');
      else if (!waiting.has(pod.name) && this.#cluster.allocationOf(pod.name) !== undefined) this.#cluster.release(pod.name);
    }
    return false;
  }

  /** Jobs that lost a pod to preemption: release the rest, keep the work done, queue again. */
  #handleEvictions(): void {
    const s = this.#state;
    for (const index of new Set(this.#evicted)) {
      const js = this.#running.get(index);
      if (js?.run === undefined) continue;
      if (js.served === undefined) {
        const done = js.run.runNs > 0 ? (s.nowNs - js.run.startNs) / js.run.runNs : 1;
        js.remaining = Math.max(0, js.remaining * (1 - done));
      } else {
        js.served.at(-1)![1] = s.nowNs;
      }
      this.#release(js);
      this.#running.delete(index);
      s.running = s.running.filter((r) => r !== js);
      delete js.run;
      js.preemptions++;
      s.results.preemptions++;
      this.#requeued.push(js);
    }
    this.#evicted.length = 0;
  }

  #takeEvicted(): JobState[] {
    return this.#requeued.splice(0);
  }

  #pod(job: ReplayJob, k: number, gpus: number): PodSpec {
    return podSpec({
      name: podName(job, k),
      gpuCount: gpus,
      gpuMilli: GPU_MILLI,
      cpuMilli: 0,
      memoryMiB: 0,
      priority: job.priority,
      preemptible: true,
      ...(podGpus(job, this.#options.cluster.gpusPerServer).length > 1 ? { gang: `j${job.index}` } : {}),
    });
  }
}

/**
 * GPUs of each pod of a job: a training job is split into pods of at most one server (the last
 * one takes the rest); a serving deployment is one pod per replica.
 */
export function podGpus(job: ReplayJob, gpusPerServer: number): number[] {
  if (job.serving !== undefined) return Array.from({ length: job.serving.replicas }, () => job.serving!.gpusPerReplica);
  const count = Math.ceil(job.gpus / gpusPerServer);
  return Array.from({ length: count }, (_, k) => (k < count - 1 ? gpusPerServer : job.gpus - gpusPerServer * (count - 1)));
}

function podName(job: ReplayJob, k: number): string {
  return `j${job.index}-${k}`;
}

/** Queue order: higher priority first, then earlier arrival. */
function before(a: ReplayJob, b: ReplayJob): boolean {
  return a.priority !== b.priority ? a.priority > b.priority : a.index < b.index;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

type Entry = [number, number, number, number];
const less = (a: Entry, b: Entry): boolean => (a[0] !== b[0] ? a[0] < b[0] : a[1] < b[1]);

function heapPush(heap: Entry[], e: Entry): void {
  heap.push(e);
  let i = heap.length - 1;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (!less(heap[i]!, heap[p]!)) break;
    [heap[i], heap[p]] = [heap[p]!, heap[i]!];
    i = p;
  }
}

function heapPop(heap: Entry[]): Entry | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (heap.length > 0 && last !== undefined) {
    heap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && less(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && less(heap[r]!, heap[m]!)) m = r;
      if (m === i) break;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  }
  return top;
}
