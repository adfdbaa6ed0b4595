import type { GangDirectory } from '../framework/gangs.js';
import type { CycleContext, PermitPlugin, PermitResult, PostFilterPlugin, PostFilterResult, PreFilterPlugin, ReservePlugin } from '../framework/plugin.js';
import { Status } from '../framework/status.js';
import type { PodSpec } from '../workload/pod.js';

const UNKNOWN_GANG = Status.unresolvable('pod group not registered');
const WAIT = new Status('Wait', 'waiting for the rest of the gang');
const NO_ROOM = Status.unschedulable('gang member unschedulable');

/**
 * Gang scheduling (the Kubernetes coscheduling plugin's semantics). A gang member that
 * reserves a node waits at permit until `minMember` members of its gang hold nodes, then the
 * whole group binds together. If the wait times out, or a member turns out unschedulable, or
 * a member is unreserved, every waiting member is rejected and gives its node back: a gang is
 * never left partly placed below `minMember`. Members beyond `minMember` (elastic jobs) bind
 * as soon as they fit.
 */
export class Coscheduling implements PreFilterPlugin, ReservePlugin, PermitPlugin, PostFilterPlugin {
  readonly name = 'Coscheduling';
  readonly #gangs: GangDirectory;

  constructor(gangs: GangDirectory) {
    this.#gangs = gangs;
  }

  preFilter(_ctx: CycleContext, pod: PodSpec): Status {
    return pod.gang === undefined || this.#gangs.spec(pod.gang) !== undefined ? Status.SUCCESS : UNKNOWN_GANG;
  }

  reserve(): Status {
    return Status.SUCCESS;
  }

  /** A member gave its node back: release the members still waiting, so none hold nodes for nothing. */
  unreserve(ctx: CycleContext, pod: PodSpec): void {
    if (pod.gang !== undefined) this.#rejectWaiting(ctx, pod.gang, pod.name, `gang member ${pod.name} was unreserved`);
  }

  permit(ctx: CycleContext, pod: PodSpec): PermitResult {
    if (pod.gang === undefined) return { status: Status.SUCCESS };
    const spec = this.#gangs.spec(pod.gang)!;
    // Members holding a node: bound or waiting (both are allocated in the cluster state), this one included.
    let placed = 0;
    for (const member of this.#gangs.members(pod.gang)) if (ctx.cluster.allocationOf(member) !== undefined) placed++;
    if (placed < spec.minMember) return { status: WAIT, timeoutNs: spec.timeoutNs };
    const waiting = [...ctx.handle.waitingPods()].filter((w) => w.pod.gang === pod.gang && w.pod.name !== pod.name);
    for (const w of waiting) ctx.handle.allow(w.pod.name);
    return { status: Status.SUCCESS };
  }

  /** Only gang members: the post-filter releases the rest of a gang when a member cannot be placed. */
  isNeededFor(_ctx: CycleContext, pod: PodSpec): boolean {
    return pod.gang !== undefined;
  }

  postFilter(ctx: CycleContext, pod: PodSpec): PostFilterResult {
    if (pod.gang !== undefined) this.#rejectWaiting(ctx, pod.gang, pod.name, `gang member ${pod.name} is unschedulable`);
    return { status: NO_ROOM };
  }

  #rejectWaiting(ctx: CycleContext, gang: string, except: string, reason: string): void {
    const waiting = [...ctx.handle.waitingPods()].filter((w) => w.pod.gang === gang && w.pod.name !== except);
    for (const w of waiting) {
      // An earlier rejection in this loop may have cascaded to this member already.
      if ([...ctx.handle.waitingPods()].some((x) => x.pod.name === w.pod.name)) ctx.handle.reject(w.pod.name, reason);
    }
  }
}
