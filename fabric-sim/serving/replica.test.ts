/**
 * The replica's batching against closed forms: with one request the simulated times must be
 * the exact sums of gpu-model step costs of the steps vLLM's scheduler would run.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_EFFICIENCY, getGpu, getModel, makeDeployment, nvlinkAlphaBetaCollectives, stepCost, type SequenceChunk } from '../../gpu-model/index.js';
import type { InferenceRequest } from '../workload/inference-request.js';
import { simulateServing } from './serving-sim.js';

const gpu = getGpu('h100-sxm');
const deployment = makeDeployment({ model: getModel('llama-3-8b'), gpu });
const cost = (batch: SequenceChunk[]): number =>
  stepCost(deployment, batch, { collectives: nvlinkAlphaBetaCollectives(gpu), efficiency: DEFAULT_EFFICIENCY }).timeNs;

describe('serving replica against closed forms', () => {
  it('one request: TTFT is its prefill step, then one decode step per further token', async () => {
    const { records } = await simulateServing([{ arrivalNs: 1000, promptTokens: 700, outputTokens: 5 }], { deployment });
    const r = records[0]!;
    const prefill = cost([{ newTokens: 700, cachedTokens: 0 }]);
    let decode = 0;
    for (let k = 2; k <= 5; k++) decode += cost([{ newTokens: 1, cachedTokens: 700 + k - 2 }]);
    expect(r.firstTokenNs - r.arrivalNs).toBe(prefill);
    expect(r.finishNs - r.arrivalNs).toBe(prefill + decode);
    expect(r.queueWaitNs).toBe(0);
  });

  it('chunked prefill: a prompt longer than the token budget takes ceil(prompt / budget) steps', async () => {
    const { records, replicas } = await simulateServing([{ arrivalNs: 0, promptTokens: 1000, outputTokens: 1 }], { deployment, maxBatchedTokens: 256 });
    const expected = [0, 256, 512, 768].reduce((t, c) => t + cost([{ newTokens: Math.min(256, 1000 - c), cachedTokens: c }]), 0);
    expect(records[0]!.firstTokenNs).toBe(expected);
    expect(replicas[0]!.steps).toBe(4);
  });

  it('continuous batching: a request arriving during a decode joins the next step', async () => {
    const { records, replicas } = await simulateServing(
      [
        { arrivalNs: 0, promptTokens: 100, outputTokens: 50 },
        { arrivalNs: 1, promptTokens: 100, outputTokens: 1 },
      ],
      { deployment },
    );
    const first = cost([{ newTokens: 100, cachedTokens: 0 }]);
    const second = records.find((r) => r.id === 1)!;
    // Step 2 carries the first request's decode token and the second's whole prompt.
    expect(second.firstTokenNs).toBe(first + cost([{ newTokens: 1, cachedTokens: 100 }, { newTokens: 100, cachedTokens: 0 }]));
    expect(second.queueWaitNs).toBe(first - 1);
    expect(replicas[0]!.steps).toBe(50);
  });

  it('prefix caching: a repeated prompt reuses its cached blocks and prefills only the rest', async () => {
    const hashes = { prefixBlockHashes: [11, 12], prefixBlockTokens: 512 };
    const requests: InferenceRequest[] = [
      { arrivalNs: 0, promptTokens: 1000, outputTokens: 2, ...hashes },
      { arrivalNs: 1e9, promptTokens: 1000, outputTokens: 2, ...hashes },
    ];
    const cached = await simulateServing(requests, { deployment });
    const [a, b] = cached.records;
    const hit = Math.floor(1000 / 16) * 16; // 992 tokens in 62 full blocks
    expect(a!.prefixHitTokens).toBe(0);
    expect(b!.prefixHitTokens).toBe(hit);
    expect(b!.firstTokenNs).toBe(1e9 + cost([{ newTokens: 1000 - hit, cachedTokens: hit }]));
    expect(cached.summary.prefixHitRate).toBeCloseTo(hit / 2000, 12);
    const uncached = await simulateServing(requests, { deployment, prefixCaching: false });
    expect(uncached.records[1]!.prefixHitTokens).toBe(0);
    expect(uncached.records[1]!.firstTokenNs).toBe(1e9 + cost([{ newTokens: 1000, cachedTokens: 0 }]));
  });

  it('preempts by recompute when blocks run out, and still delivers every token', async () => {
    // 20 blocks of 16 tokens = 320 tokens; two requests of 100 + 150 tokens cannot both finish.
    const requests: InferenceRequest[] = [
      { arrivalNs: 0, promptTokens: 100, outputTokens: 150 },
      { arrivalNs: 0, promptTokens: 100, outputTokens: 150 },
    ];
    const { records, summary } = await simulateServing(requests, { deployment, kvCacheBlocks: 20 });
    expect(records).toHaveLength(2);
    expect(summary.preemptions).toBeGreaterThan(0);
    for (const r of records) expect(r.outputTokens).toBe(150);
    // The newest request is the one preempted (vLLM preempts the last running request).
    expect(records.find((r) => r.id === 1)!.preemptions).toBeGreaterThan(0);
    expect(records.find((r) => r.id === 0)!.preemptions).toBe(0);
    const roomy = await simulateServing(requests, { deployment });
    expect(roomy.summary.preemptions).toBe(0);
    expect(summary.e2e.p99Ns).toBeGreaterThan(roomy.summary.e2e.p99Ns);
  });

  it('rejects a request larger than the whole KV cache and bad input with the field named', async () => {
    const { summary } = await simulateServing([{ arrivalNs: 0, promptTokens: 400, outputTokens: 1 }], { deployment, kvCacheBlocks: 20 });
    expect(summary.rejected).toBe(1);
    await expect(simulateServing([{ arrivalNs: 5, promptTokens: 1, outputTokens: 1 }, { arrivalNs: 4, promptTokens: 1, outputTokens: 1 }], { deployment })).rejects.toThrow(/time order/);
    await expect(simulateServing([{ arrivalNs: 0, promptTokens: 0, outputTokens: 1 }], { deployment })).rejects.toMatchObject({ details: { field: 'requests[0].promptTokens' } });
    await expect(simulateServing([], { deployment, routing: 'random' as never })).rejects.toMatchObject({ details: { field: 'routing', value: 'random' } });
    const huge = makeDeployment({ model: getModel('llama-3-70b'), gpu });
    await expect(simulateServing([], { deployment: huge })).rejects.toThrow(/exceed the usable/);
  });
});

describe('routing', () => {
  const requests: InferenceRequest[] = Array.from({ length: 6 }, (_, i) => ({ arrivalNs: i, promptTokens: 100, outputTokens: 10 + 10 * (i % 2) }));

  it('round-robin deals requests in turn', async () => {
    const { records } = await simulateServing(requests, { deployment, replicas: 3, routing: 'round-robin' });
    for (const r of records) expect(r.replica).toBe(r.id % 3);
  });

  it('least-outstanding and least-kv spread simultaneous requests over idle replicas', async () => {
    for (const routing of ['least-outstanding', 'least-kv'] as const) {
      const { records } = await simulateServing(requests.slice(0, 3), { deployment, replicas: 3, routing });
      expect(new Set(records.map((r) => r.replica)).size).toBe(3);
    }
  });

  it('prefix-affinity sends a request to the replica caching its prefix', async () => {
    const hashed = (arrivalNs: number, hash: number): InferenceRequest => ({ arrivalNs, promptTokens: 600, outputTokens: 2, prefixBlockHashes: [hash, hash + 1], prefixBlockTokens: 512 });
    const stream = [hashed(0, 10), hashed(0, 20), hashed(0, 30), hashed(5e8, 20), hashed(6e8, 30)];
    const { records } = await simulateServing(stream, { deployment, replicas: 3, routing: 'prefix-affinity' });
    const byId = new Map(records.map((r) => [r.id, r]));
    expect(byId.get(3)!.replica).toBe(byId.get(1)!.replica);
    expect(byId.get(4)!.replica).toBe(byId.get(2)!.replica);
    expect(byId.get(3)!.prefixHitTokens).toBe(592); // 37 full blocks of 16
  });
});
