import { percentile, tpotNs, type RequestRecord } from '../../../../fabric-sim/serving/index.js';

/** p99 TTFT and TPOT of the requests that finished in a window, ns. */
export interface WindowP99 {
  ttftNs: number;
  tpotNs: number;
  /** Requests in the window. */
  count: number;
}

/**
 * p99 of TTFT and TPOT (nearest rank, the definitions of `weft model serve`) over the requests
 * that finished in (endNs - windowNs, endNs]. `records` must be in completion order (as the
 * serving simulation appends them): the window is found by binary search. Undefined when no
 * request finished in the window.
 */
export function windowP99(records: readonly RequestRecord[], endNs: number, windowNs: number): WindowP99 | undefined {
  const from = firstFinishedAfter(records, endNs - windowNs);
  const to = firstFinishedAfter(records, endNs);
  const count = to - from;
  if (count <= 0) return undefined;
  const ttft = new Float64Array(count);
  const tpot = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const r = records[from + i]!;
    ttft[i] = r.firstTokenNs - r.arrivalNs;
    tpot[i] = tpotNs(r);
  }
  ttft.sort();
  tpot.sort();
  return { ttftNs: percentile(ttft, 0.99), tpotNs: percentile(tpot, 0.99), count };
}

/** Index of the first record with finishNs > timeNs (records.length when none). */
function firstFinishedAfter(records: readonly RequestRecord[], timeNs: number): number {
  let lo = 0;
  let hi = records.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (records[mid]!.finishNs > timeNs) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
