/**
 * Prefill/decode disaggregation: the KV volume against the model's closed form, one transfer
 * against alpha + S / B, and the fabric showing in TTFT when the transfers cross an
 * oversubscribed spine.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_EFFICIENCY, getGpu, getModel, makeDeployment, nvlinkAlphaBetaCollectives, stepCost } from '../../gpu-model/index.js';
import { KvTransferFabric } from './kv-transfer.js';
import { syntheticRequests } from './request-sources.js';
import { simulateServing } from './serving-sim.js';
import type { DisaggregationConfig } from './serving-config.js';

const gpu = getGpu('h100-sxm');
const deployment = makeDeployment({ model: getModel('llama-3-8b'), gpu });
/** Llama-3-8B config.json: 32 layers x 8 KV heads x head dim 128 x (K and V) x 2 bytes (bf16). */
const LLAMA3_8B_KV_BYTES_PER_TOKEN = 32 * 8 * 128 * 2 * 2;

const fabric = (oversubscription: number): DisaggregationConfig['fabric'] => ({ nicGbps: 400, gpusPerLeaf: 8, oversubscription, alphaNs: 10_000 });

describe('prefill/decode disaggregation', () => {
  it('moves the KV cache of every prompt token: bytes = KV bytes per token x prompt length', async () => {
    const requests = [...syntheticRequests({ ratePerSec: 20, count: 30, prompt: { kind: 'uniform', min: 100, max: 3000 }, output: { kind: 'uniform', min: 1, max: 40 }, seed: 3 })];
    const result = await simulateServing(requests, { deployment, disaggregation: { prefillReplicas: 2, decodeReplicas: 2, fabric: fabric(1) } });
    expect(result.kvBytesPerToken).toBe(LLAMA3_8B_KV_BYTES_PER_TOKEN);
    expect(result.records).toHaveLength(30);
    for (const r of result.records) expect(r.kvTransferBytes).toBe(LLAMA3_8B_KV_BYTES_PER_TOKEN * r.promptTokens);
    const prompts = requests.reduce((s, r) => s + r.promptTokens, 0);
    expect(result.summary.kvTransferBytes).toBe(LLAMA3_8B_KV_BYTES_PER_TOKEN * prompts);
    // Every request was prefilled on a prefill replica and finished on a decode replica.
    for (const r of result.records) expect(r.outputTokens === 1 || r.replica >= 2).toBe(true);
  });

  it('one request: TTFT = prefill step + alpha + KV bytes / bottleneck bandwidth', async () => {
    const oversubscription = 4;
    const result = await simulateServing([{ arrivalNs: 0, promptTokens: 2000, outputTokens: 3 }], {
      deployment,
      disaggregation: { prefillReplicas: 1, decodeReplicas: 1, fabric: fabric(oversubscription) },
    });
    const prefill = stepCost(deployment, [{ newTokens: 2000, cachedTokens: 0 }], { collectives: nvlinkAlphaBetaCollectives(gpu), efficiency: DEFAULT_EFFICIENCY }).timeNs;
    // Leaf uplink: 8 GPUs x 400 Gb/s / 4 = 800 Gb/s = 100 bytes/ns, above one NIC's 50 bytes/ns.
    const transferNs = 10_000 + (2000 * LLAMA3_8B_KV_BYTES_PER_TOKEN) / 50;
    const r = result.records[0]!;
    expect(r.networkNs).toBeCloseTo(transferNs, 6);
    expect(r.firstTokenNs).toBeCloseTo(prefill + transferNs, 6);
  });

  it('TTFT grows when the KV transfers cross an oversubscribed fabric, and not on one leaf', async () => {
    // 30 req/s x 3000-token prompts: prefill replicas ~50% busy; each transfer is 393 MB, 16 ms
    // on one 200 Gb/s NIC, 31 ms on the 16:1 uplink (8 x 200 / 16 Gb/s), which runs ~95% busy.
    const requests = [...syntheticRequests({ ratePerSec: 30, count: 120, prompt: { kind: 'fixed', tokens: 3000 }, output: { kind: 'fixed', tokens: 8 }, seed: 5 })];
    const fabric200 = (oversubscription: number): DisaggregationConfig['fabric'] => ({ ...fabric(oversubscription), nicGbps: 200 });
    const run = async (oversubscription: number, decodeLeaf: number) =>
      (
        await simulateServing(requests, {
          deployment,
          disaggregation: { prefillReplicas: 4, decodeReplicas: 4, fabric: fabric200(oversubscription), decodeLeaves: [decodeLeaf, decodeLeaf, decodeLeaf, decodeLeaf] },
        })
      ).summary;
    const nonBlocking = await run(1, 1);
    const oversubscribed = await run(16, 1);
    const sameLeaf = await run(16, 0);
    expect(oversubscribed.ttft.meanNs).toBeGreaterThan(nonBlocking.ttft.meanNs * 1.5);
    expect(oversubscribed.ttft.p99Ns).toBeGreaterThan(nonBlocking.ttft.p99Ns);
    // A non-blocking spine adds almost nothing over staying on one leaf (FIFO booking of the
    // 8x faster uplink delays a transfer by at most bytes / uplink capacity).
    expect(Math.abs(sameLeaf.ttft.meanNs / nonBlocking.ttft.meanNs - 1)).toBeLessThan(0.01);
    console.log(`disaggregation TTFT mean/p99 (ms): non-blocking ${(nonBlocking.ttft.meanNs / 1e6).toFixed(1)}/${(nonBlocking.ttft.p99Ns / 1e6).toFixed(1)}, 16:1 ${(oversubscribed.ttft.meanNs / 1e6).toFixed(1)}/${(oversubscribed.ttft.p99Ns / 1e6).toFixed(1)}`);
  });
});

describe('KvTransferFabric', () => {
  it('queues transfers first come first served on a shared uplink', () => {
    const f = new KvTransferFabric({ nicGbps: 400, gpusPerLeaf: 2, oversubscription: 2, alphaNs: 0 }, [
      { leaf: 0, gpus: 1 },
      { leaf: 0, gpus: 1 },
      { leaf: 1, gpus: 1 },
      { leaf: 1, gpus: 1 },
    ]);
    // Uplink 2 x 50 / 2 = 50 bytes/ns: two 5e6-byte transfers from different NICs share it.
    expect(f.idealNs(0, 2, 5e6)).toBe(1e5);
    expect(f.transfer(0, 2, 5e6, 0)).toBe(1e5);
    expect(f.transfer(1, 3, 5e6, 0)).toBe(2e5);
    expect(f.transfer(0, 1, 5e6, 0)).toBe(3e5); // same leaf: no uplink, but NIC 1 is busy until 2e5
    expect(f.bytesMoved).toBe(1.5e7);
  });

  it('validates its options', () => {
    expect(() => new KvTransferFabric({ nicGbps: 0, gpusPerLeaf: 8, oversubscription: 1 }, [])).toThrow(/got 0/);
    expect(() => new KvTransferFabric({ nicGbps: 100, gpusPerLeaf: 8, oversubscription: 0.5 }, [])).toThrow(/got 0.5/);
  });
});
