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

  filterNodes(ctx: CycleContext, _pod: PodSpec, nodes: Int32Array, count: number, statuses: Status[]): number {
    const cluster = ctx.cluster;
    if (cluster.cordonedCount === 0) return count;
    let kept = 0;
    for (let i = 0; i < count; i++) {
      const node = nodes[i]!;
      if (cluster.isCordoned(node)) statuses[node] = CORDONED;
      else nodes[kept++] = node;
    }
    return kept;
  }
}
