import type { Taint } from '../cluster/node-spec.js';
import { normalizeMinMax, type CycleContext, type FilterPlugin, type ScorePlugin } from '../framework/plugin.js';
import { Status } from '../framework/status.js';
import type { PodSpec, Toleration } from '../workload/pod.js';

const UNTOLERATED = Status.unresolvable('untolerated taint');

/** Whether one toleration matches one taint (Kubernetes rules; an empty key with Exists matches all). */
export function tolerates(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect !== undefined && toleration.effect !== taint.effect) return false;
  if (toleration.operator === 'Exists') return toleration.key === '' || toleration.key === taint.key;
  return toleration.key === taint.key && (toleration.value ?? '') === taint.value;
}

/**
 * Filter: every `NoSchedule` / `NoExecute` taint of the node is tolerated.
 * Score: fewer untolerated `PreferNoSchedule` taints is better.
 */
export class TaintToleration implements FilterPlugin, ScorePlugin {
  readonly name = 'TaintToleration';
  readonly stateOnly = true;
  readonly specOnly = true;

  filter(ctx: CycleContext, pod: PodSpec, node: number): Status {
    for (const taint of ctx.cluster.node(node).taints) {
      if (taint.effect === 'PreferNoSchedule') continue;
      if (!pod.tolerations.some((t) => tolerates(t, taint))) return UNTOLERATED;
    }
    return Status.SUCCESS;
  }

  score(ctx: CycleContext, pod: PodSpec, node: number): number {
    let untolerated = 0;
    for (const taint of ctx.cluster.node(node).taints) {
      if (taint.effect === 'PreferNoSchedule' && !pod.tolerations.some((t) => tolerates(t, taint))) untolerated++;
    }
    return -untolerated;
  }

  scoreNodes(ctx: CycleContext, pod: PodSpec, nodes: Int32Array, count: number, out: Float64Array): void {
    for (let k = 0; k < count; k++) out[k] = this.score(ctx, pod, nodes[k]!);
  }

  normalizeScore(_ctx: CycleContext, _pod: PodSpec, scores: Float64Array, count: number): void {
    normalizeMinMax(scores, count);
  }
}
