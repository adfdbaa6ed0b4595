import type { Condition } from './kube/objects.js';

/** A condition to set; `lastTransitionTime` is filled by `setCondition`. */
export type ConditionInput = Omit<Condition, 'lastTransitionTime'>;

/**
 * `conditions` with `next` set, Kubernetes style: one entry per type, and
 * `lastTransitionTime` moves only when the status changes (so it says since when, not when
 * last reconciled). Returns a new array; the input is not modified.
 *
 * @example
 * status.conditions = setCondition(status.conditions, { type: 'Planned', status: 'True', reason: 'ExplicitSize', message: '2 x 1 GPU' }, new Date());
 */
export function setCondition(conditions: readonly Condition[] | undefined, next: ConditionInput, now: Date): Condition[] {
  const list = conditions ?? [];
  const previous = list.find((c) => c.type === next.type);
  const lastTransitionTime = previous !== undefined && previous.status === next.status ? previous.lastTransitionTime : now.toISOString().replace(/\.\d+Z$/, 'Z');
  const updated: Condition = { ...next, lastTransitionTime };
  return previous === undefined ? [...list, updated] : list.map((c) => (c.type === next.type ? updated : c));
}

/** The condition of `type`, if set. */
export function findCondition(conditions: readonly Condition[] | undefined, type: string): Condition | undefined {
  return conditions?.find((c) => c.type === type);
}
