import type { Allocation, ClusterState } from '../cluster/cluster-state.js';
import type { GangDirectory } from '../framework/gangs.js';
import type { CycleContext, PostFilterPlugin, PostFilterResult } from '../framework/plugin.js';
import { Status } from '../framework/status.js';
import { lostWork } from '../preemption/lost-work.js';
import type { PodSpec } from '../workload/pod.js';

export interface PreemptionOptions {
  readonly gangs: GangDirectory;
  /** May a pod preempt pods of other queues (Kueue's reclaim within cohort)? Default true. */
  readonly acrossQueues?: boolean;
  /** Pods younger than this are protected from preemption. Default 0. */
  readonly minRuntimeNs?: number;
}

/** Pods evicted together: one pod, or every placed member of a gang (a gang cannot lose a member). */
interface VictimGroup {
  readonly members: readonly Allocation[];
  readonly priority: number;
  readonly lostWork: number;
}

interface Candidate {
  readonly node: number;
  readonly victims: readonly VictimGroup[];
  readonly maxPriority: number;
  readonly lostWork: number;
  readonly pods: number;
}

const NO_CANDIDATE = Status.unschedulable('preemption: no node can fit the pod by evicting lower-priority pods');

/**
 * Post-filter: priority preemption with minimal victims, in kube-scheduler's manner and with
 * Weft's costs. Only nodes that failed for lack of resources are candidates. On each, every
 * eligible victim group (strictly lower priority, preemptible, past the minimum runtime, in the
 * same queue unless `acrossQueues`, not waiting at permit) is removed; if the pod then fits,
 * groups are reprieved one by one, most important first (highest priority, then most lost
 * work), as long as the pod still fits. The node whose victims have the lowest top priority,
 * then the least lost work, then the fewest pods wins; its victims are evicted and the node is
 * nominated. The cluster state is restored exactly after each trial.
 *
 * Invariant (property-tested): a pod never evicts a pod of equal or higher priority.
 */
export class DefaultPreemption implements PostFilterPlugin {
  readonly name = 'DefaultPreemption';
  readonly #gangs: GangDirectory;
  readonly #acrossQueues: boolean;
  readonly #minRuntimeNs: number;

  constructor(options: PreemptionOptions) {
    const minRuntimeNs = options.minRuntimeNs ?? 0;
    if (!(minRuntimeNs >= 0)) throw new RangeError(`minRuntimeNs must be >= 0, got ${minRuntimeNs}`);
    this.#gangs = options.gangs;
    this.#acrossQueues = options.acrossQueues ?? true;
    this.#minRuntimeNs = minRuntimeNs;
  }

  /** Only a pod that outranks some running pod can preempt (strictly lower priority is a precondition of eligibility). */
  isNeededFor(ctx: CycleContext, pod: PodSpec): boolean {
    return ctx.cluster.lowestPodPriority() < pod.priority;
  }

  postFilter(ctx: CycleContext, pod: PodSpec, statuses: readonly Status[]): PostFilterResult {
    const waiting = new Set<string>();
    for (const w of ctx.handle.waitingPods()) waiting.add(w.pod.name);
    let best: Candidate | undefined;
    for (let node = 0; node < statuses.length; node++) {
      if (statuses[node]!.code !== 'Unschedulable') continue;
      const candidate = this.#tryNode(ctx, pod, node, waiting);
      if (candidate !== undefined && (best === undefined || better(candidate, best))) best = candidate;
    }
    if (best === undefined) return { status: NO_CANDIDATE };
    for (const group of best.victims) {
      for (const a of group.members) ctx.handle.evict(a.pod.name, `preempted by ${pod.name} (priority ${pod.priority})`);
    }
    return { status: Status.SUCCESS, nominatedNode: best.node };
  }

  #tryNode(ctx: CycleContext, pod: PodSpec, node: number, waiting: ReadonlySet<string>): Candidate | undefined {
    const cluster = ctx.cluster;
    const groups = this.#groupsOn(ctx, pod, node, waiting);
    if (groups.length === 0) return undefined;
    for (const g of groups) for (const a of g.members) cluster.release(a.pod.name);
    const victims: VictimGroup[] = [];
    if (fits(cluster, pod, node)) {
      // Reprieve the most valuable first; whoever must stay out is a victim.
      const order = [...groups].sort((a, b) => b.priority - a.priority || b.lostWork - a.lostWork);
      for (const g of order) {
        restore(cluster, g);
        if (!fits(cluster, pod, node)) {
          for (const a of g.members) cluster.release(a.pod.name);
          victims.push(g);
        }
      }
      for (const g of victims) restore(cluster, g);
    } else {
      for (const g of groups) restore(cluster, g);
      return undefined;
    }
    return {
      node,
      victims,
      maxPriority: Math.max(...victims.map((g) => g.priority)),
      lostWork: victims.reduce((s, g) => s + g.lostWork, 0),
      pods: victims.reduce((s, g) => s + g.members.length, 0),
    };
  }

  /** Eligible victim groups with a member on `node`. */
  #groupsOn(ctx: CycleContext, pod: PodSpec, node: number, waiting: ReadonlySet<string>): VictimGroup[] {
    const groups: VictimGroup[] = [];
    const seenGangs = new Set<string>();
    for (const a of ctx.cluster.podsOn(node)) {
      let members: Allocation[];
      if (a.pod.gang === undefined) members = [a];
      else {
        if (seenGangs.has(a.pod.gang)) continue;
        seenGangs.add(a.pod.gang);
        members = this.#gangs.members(a.pod.gang).flatMap((m) => {
          const allocation = ctx.cluster.allocationOf(m);
          return allocation === undefined ? [] : [allocation];
        });
      }
      if (!members.every((m) => this.#eligible(ctx, pod, m, waiting))) continue;
      groups.push({
        members,
        priority: Math.max(...members.map((m) => m.pod.priority)),
        lostWork: members.reduce((s, m) => s + lostWork(m, ctx.nowNs), 0),
      });
    }
    return groups;
  }

  #eligible(ctx: CycleContext, preemptor: PodSpec, victim: Allocation, waiting: ReadonlySet<string>): boolean {
    const v = victim.pod;
    return (
      v.priority < preemptor.priority &&
      v.preemptible &&
      !waiting.has(v.name) &&
      ctx.nowNs - victim.startNs >= this.#minRuntimeNs &&
      (this.#acrossQueues || v.queue === preemptor.queue)
    );
  }
}

function fits(cluster: ClusterState, pod: PodSpec, node: number): boolean {
  return cluster.freeCpu(node) >= pod.cpuMilli && cluster.freeMemory(node) >= pod.memoryMiB && cluster.gpusFit(pod, node);
}

function restore(cluster: ClusterState, group: VictimGroup): void {
  for (const a of group.members) cluster.allocate(a.pod, a.node, a.gpus, a.startNs);
}

function better(a: Candidate, b: Candidate): boolean {
  if (a.maxPriority !== b.maxPriority) return a.maxPriority < b.maxPriority;
  if (a.lostWork !== b.lostWork) return a.lostWork < b.lostWork;
  if (a.pods !== b.pods) return a.pods < b.pods;
  return a.node < b.node;
}
