/**
 * Plays the Job controller for tests (the server runs no controllers): writes an Indexed Job's
 * terminal status through the status subresource, as the real controller words it. Test helper.
 */
import { call, type Reply } from './http-client.js';

/** Indexes as the controller writes them: sorted, runs compressed (`0-2,5`). */
export function indexRanges(indexes: readonly number[]): string {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    out.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return out.join(',');
}

/**
 * Marks the Job Complete (every index in `succeeded`) or Failed (`failed` non-empty: reason
 * `BackoffLimitExceeded`, as with `backoffLimit: 0`), through `PUT .../jobs/<name>/status`.
 */
export async function finishJob(base: string, namespace: string, name: string, outcome: { succeeded: number[]; failed?: number[] }): Promise<Reply> {
  const path = `/apis/batch/v1/namespaces/${namespace}/jobs/${name}`;
  const current = await call(base, 'GET', path);
  if (current.code !== 200) throw new Error(`GET ${path}: ${current.code}`);
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const failed = outcome.failed ?? [];
  const condition =
    failed.length === 0
      ? { type: 'Complete', status: 'True', lastProbeTime: now, lastTransitionTime: now }
      : { type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit', lastProbeTime: now, lastTransitionTime: now };
  const status = {
    startTime: now,
    ...(failed.length === 0 ? { completionTime: now } : {}),
    succeeded: outcome.succeeded.length,
    failed: failed.length,
    active: 0,
    ready: 0,
    completedIndexes: indexRanges(outcome.succeeded),
    ...(failed.length === 0 ? {} : { failedIndexes: indexRanges(failed) }),
    conditions: [condition],
  };
  return call(base, 'PUT', `${path}/status`, { ...current.body, status });
}
