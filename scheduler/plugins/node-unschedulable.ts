import type { CycleContext, FilterPlugin } from '../framework/plugin.js';
import { Status } from '../framework/status.js';
import type { PodSpec } from '../workload/pod.js';

const CORDONED = Status.unresolvable('node(s) were cordoned');

/** Filter: no new pods on cordoned nodes. */
export class NodeUnschedulable implements FilterPlugin {
  readonly name = 'NodeUnschedulable';
  readonly stateOnly = true;
  filter(ctx: CycleContext, _pod: PodSpec, node: number): Status {
    return ctx.cluster.isCordoned(node) ? CORDONED : Status.SUCCESS;
  }
}
