import { describe, expect, it } from 'vitest';
import { summarizeRequests, type RequestRecord } from '../../../../fabric-sim/serving/index.js';
import { windowP99 } from './window-p99.js';

const record = (i: number, finishNs: number, ttftNs: number, outputTokens = 11): RequestRecord => ({
  id: i,
  arrivalNs: finishNs - ttftNs - 100 * (outputTokens - 1),
  firstTokenNs: finishNs - 100 * (outputTokens - 1),
  finishNs,
  promptTokens: 10,
  outputTokens,
  queueWaitNs: 0,
  maxItlNs: 100,
  preemptions: 0,
  prefixHitTokens: 0,
  networkNs: 0,
  kvTransferBytes: 0,
  replica: 0,
});

describe('windowP99', () => {
  // 300 requests finishing 1 per ns from t = 1; TTFT = i (so it grows over time), TPOT 100 ns.
  const records = Array.from({ length: 300 }, (_, i) => record(i, i + 1, i));

  it('equals the summary p99 when the window covers every request', () => {
    const all = windowP99(records, 300, 1_000)!;
    const summary = summarizeRequests(records, 0);
    expect(all.count).toBe(300);
    expect(all.ttftNs).toBe(summary.ttft.p99Ns);
    expect(all.tpotNs).toBe(summary.tpot.p99Ns);
    expect(all.tpotNs).toBe(100);
  });

  it('takes only the requests finished in (end - window, end]', () => {
    // Finishes 101..200: TTFTs 100..199, nearest-rank p99 of 100 values is the 99th: 198.
    const w = windowP99(records, 200, 100)!;
    expect(w.count).toBe(100);
    expect(w.ttftNs).toBe(198);
    expect(windowP99(records, 0, 50)).toBeUndefined();
    expect(windowP99(records, 1_000, 10)).toBeUndefined();
  });
});
