import { normalizeMinMax, type CycleContext, type FilterPlugin, type ScorePlugin } from '../framework/plugin.js';
import { Status } from '../framework/status.js';
import type { LabelRequirement, PodSpec } from '../workload/pod.js';

const MISMATCH = Status.unresolvable("node(s) didn't match node affinity");

/** Whether labels satisfy every requirement of a term. */
export function matchesTerm(labels: Readonly<Record<string, string>>, term: readonly LabelRequirement[]): boolean {
  for (const req of term) {
    const value = labels[req.key];
    switch (req.operator) {
      case 'In':
        if (value === undefined || !(req.values ?? []).includes(value)) return false;
        break;
      case 'NotIn':
        if (value !== undefined && (req.values ?? []).includes(value)) return false;
        break;
      case 'Exists':
        if (value === undefined) return false;
        break;
      case 'DoesNotExist':
        if (value !== undefined) return false;
        break;
    }
  }
  return true;
}

/**
 * Filter: the node matches at least one required term (terms ORed, requirements ANDed).
 * Score: sum of the weights of the preferred terms the node matches.
 */
export class NodeAffinityPlugin implements FilterPlugin, ScorePlugin {
  readonly name = 'NodeAffinity';
  readonly stateOnly = true;
  readonly specOnly = true;

  filter(ctx: CycleContext, pod: PodSpec, node: number): Status {
    const required = pod.affinity?.required;
    if (required === undefined || required.length === 0) return Status.SUCCESS;
    const labels = ctx.cluster.node(node).labels;
    return required.some((term) => matchesTerm(labels, term)) ? Status.SUCCESS : MISMATCH;
  }

  score(ctx: CycleContext, pod: PodSpec, node: number): number {
    const preferred = pod.affinity?.preferred;
    if (preferred === undefined) return 0;
    const labels = ctx.cluster.node(node).labels;
    let sum = 0;
    for (const p of preferred) if (matchesTerm(labels, p.term)) sum += p.weight;
    return sum;
  }

  scoreNodes(ctx: CycleContext, pod: PodSpec, nodes: Int32Array, count: number, out: Float64Array): void {
    if (pod.affinity?.preferred === undefined) {
      out.fill(0, 0, count);
      return;
    }
    for (let k = 0; k < count; k++) out[k] = this.score(ctx, pod, nodes[k]!);
  }

  normalizeScore(_ctx: CycleContext, _pod: PodSpec, scores: Float64Array, count: number): void {
    normalizeMinMax(scores, count);
  }
}
