/**
 * Issue 5 validation of the serving simulation on real traces (cross-folder: `traces/` readers
 * feeding `fabric-sim/serving`):
 * - prefix caching on the Mooncake conversation sample raises the hit rate and lowers TTFT;
 * - the Azure conversation trace through a 7B model on H100 replicas gives deterministic
 *   metrics, and latency rises as the same trace is replayed faster.
 * Scenarios are prefixes of the samples, kept small for `npm test`.
 */
import { describe, expect, it } from 'vitest';
import { getGpu, getModel, makeDeployment } from '../../gpu-model/index.js';
import { scaleArrivals, simulateServing, takeRequests, type ServingSummary } from '../../fabric-sim/serving/index.js';
import { readAzureLlmTrace } from '../../traces/formats/azure-llm.js';
import { readMooncakeTrace } from '../../traces/formats/mooncake.js';
import { ReadSummary } from '../../traces/read/read-summary.js';
import { samplePath } from '../../traces/samples/locate.js';

const deployment = makeDeployment({ model: getModel('qwen2.5-7b'), gpu: getGpu('h100-sxm') });
const ms = (ns: number): string => (ns / 1e6).toFixed(1);

describe('prefix caching on the Mooncake conversation sample', () => {
  const path = samplePath('mooncake/conversation_trace.first2000.jsonl.gz');
  const run = (prefixCaching: boolean) =>
    simulateServing(takeRequests(readMooncakeTrace(path, new ReadSummary(path)), 400), {
      deployment,
      replicas: 4,
      routing: 'prefix-affinity',
      prefixCaching,
    });

  /** Hit rate of an infinite cache shared by all replicas: the longest prefix of hashes seen before. */
  async function idealHitRate(): Promise<number> {
    const seen = new Set<number>();
    let hit = 0;
    let total = 0;
    for await (const r of takeRequests(readMooncakeTrace(path, new ReadSummary(path)), 400)) {
      const hashes = r.prefixBlockHashes ?? [];
      let k = 0;
      while (k < hashes.length && seen.has(hashes[k]!)) k++;
      hit += Math.min(k * 512, Math.floor(r.promptTokens / 16) * 16);
      total += r.promptTokens;
      for (const h of hashes) seen.add(h);
    }
    return hit / total;
  }

  it('raises the prefix-cache hit rate and lowers TTFT against no caching', async () => {
    const ideal = await idealHitRate();
    const off = (await run(false)).summary;
    const on = (await run(true)).summary;
    console.log(
      `mooncake 400 req, 4 x qwen2.5-7b on H100: hit rate ${(on.prefixHitRate * 100).toFixed(1)}% vs ${(off.prefixHitRate * 100).toFixed(1)}% ` +
        `(infinite shared cache ${(ideal * 100).toFixed(1)}%), ` +
        `TTFT mean ${ms(on.ttft.meanNs)} vs ${ms(off.ttft.meanNs)} ms, p50 ${ms(on.ttft.p50Ns)} vs ${ms(off.ttft.p50Ns)} ms`,
    );
    expect(off.requests).toBe(400);
    expect(on.requests).toBe(400);
    expect(off.prefixHitRate).toBe(0);
    // Four per-replica caches with affinity routing come close to one infinite shared cache,
    // and can never beat it (13.7% on these 400 requests: the sample starts with a cold cache).
    expect(on.prefixHitRate).toBeLessThanOrEqual(ideal);
    expect(on.prefixHitRate).toBeGreaterThan(0.8 * ideal);
    expect(on.ttft.meanNs).toBeLessThan(off.ttft.meanNs);
    expect(on.ttft.p50Ns).toBeLessThan(off.ttft.p50Ns);
  });
});

describe('Azure conversation trace through a 7B model on H100 replicas', () => {
  const path = samplePath('azure2023/AzureLLMInferenceTrace_conv.csv.gz');
  const run = async (speedup: number): Promise<ServingSummary> =>
    (
      await simulateServing(scaleArrivals(takeRequests(readAzureLlmTrace(path, new ReadSummary(path)), 1500), speedup), {
        deployment,
        replicas: 2,
      })
    ).summary;

  it('gives deterministic metrics', async () => {
    const a = await run(2);
    const b = await run(2);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(a.requests).toBe(1500);
  });

  it('latency rises monotonically as the same trace is replayed faster', async () => {
    const speedups = [1, 4, 16, 32];
    const summaries: ServingSummary[] = [];
    for (const s of speedups) summaries.push(await run(s));
    console.log(
      'azure conv 1500 req, 2 x qwen2.5-7b on H100:',
      summaries.map((s, i) => `x${speedups[i]}: ${s.requestsPerSec.toFixed(1)} req/s, TTFT p50 ${ms(s.ttft.p50Ns)} ms, TPOT p50 ${ms(s.tpot.p50Ns)} ms, e2e mean ${ms(s.e2e.meanNs)} ms`).join('; '),
    );
    for (let i = 1; i < summaries.length; i++) {
      const [prev, cur] = [summaries[i - 1]!, summaries[i]!];
      expect(cur.e2e.meanNs).toBeGreaterThan(prev.e2e.meanNs);
      expect(cur.tpot.meanNs).toBeGreaterThan(prev.tpot.meanNs);
      expect(cur.ttft.meanNs).toBeGreaterThan(prev.ttft.meanNs);
      expect(cur.requestsPerSec).toBeGreaterThan(prev.requestsPerSec);
    }
  });
});
