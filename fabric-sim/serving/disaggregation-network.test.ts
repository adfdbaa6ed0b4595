/**
 * Prefill/decode disaggregation with the KV transfers as flows on the fabric-sim network
 * (`fabric: { kind: 'network', ... }`): the KV volume against the model's closed form, one
 * transfer against alpha + S / B and against the alpha-beta KvTransferFabric (a second
 * fidelity), TP shards in parallel, the fabric in TTFT, and the contention of concurrent
 * transfers that the alpha-beta model books first come, first served.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_EFFICIENCY, getGpu, getModel, makeDeployment, nvlinkAlphaBetaCollectives, stepCost } from '../../gpu-model/index.js';
import { WeftError } from '../../core/errors.js';
import type { ClusterSpecInput } from '../cluster/spec.js';
import { DEFAULT_CLUSTER } from '../cluster/spec.js';
import { Engine } from '../engine/engine.js';
import { NetworkKvTransfer } from './kv-transfer-network.js';
import { syntheticRequests } from './request-sources.js';
import { simulateServing } from './serving-sim.js';
import type { DisaggregationConfig, NetworkKvFabricOptions } from './serving-config.js';

const gpu = getGpu('h100-sxm');
const deployment = makeDeployment({ model: getModel('llama-3-8b'), gpu });
/** Llama-3-8B config.json: 32 layers x 8 KV heads x head dim 128 x (K and V) x 2 bytes (bf16). */
const KV_BYTES_PER_TOKEN = 32 * 8 * 128 * 2 * 2;
/** Payload share of the wire on the fabric (MTU 4096, 82 header bytes: fabric-sim/network/routing.ts). */
const PAYLOAD = 4096 / (4096 + 82);

const network = (cluster: NetworkKvFabricOptions['cluster'] = 'default'): NetworkKvFabricOptions => ({ kind: 'network', cluster, fidelity: 'flow' });
/** 4 servers x 8 GPUs, 16 NICs per leaf (2 leaves), `linkGbps` links, spine oversubscribed `oversubscription`:1. */
const twoLeaves = (oversubscription: number, linkGbps = 100): ClusterSpecInput => ({
  name: 'two-leaves',
  servers: [{ count: 4, gpuType: 'h100', gpusPerServer: 8, nvlink: { bandwidthGbps: 3_600 } }],
  topology: { kind: 'leaf-spine', hostsPerLeaf: 16, oversubscription },
  switch: 'tomahawk5-64x800g',
  linkSpeedGbps: linkGbps,
});
const prefillNs = (tokens: number, d = deployment) =>
  stepCost(d, [{ newTokens: tokens, cachedTokens: 0 }], { collectives: nvlinkAlphaBetaCollectives(gpu), efficiency: DEFAULT_EFFICIENCY }).timeNs;

describe('disaggregation over the fabric-sim network', () => {
  it('moves the KV cache of every prompt token: bytes = KV bytes per token x prompt length', async () => {
    const requests = [...syntheticRequests({ ratePerSec: 20, count: 30, prompt: { kind: 'uniform', min: 100, max: 3000 }, output: { kind: 'uniform', min: 1, max: 40 }, seed: 3 })];
    const result = await simulateServing(requests, { deployment, disaggregation: { prefillReplicas: 2, decodeReplicas: 2, fabric: network() } });
    expect(result.kvBytesPerToken).toBe(KV_BYTES_PER_TOKEN);
    expect(result.records).toHaveLength(30);
    for (const r of result.records) {
      expect(r.kvTransferBytes).toBe(KV_BYTES_PER_TOKEN * r.promptTokens);
      expect(r.networkNs).toBeGreaterThan(0);
    }
    expect(result.summary.kvTransferBytes).toBe(KV_BYTES_PER_TOKEN * requests.reduce((s, r) => s + r.promptTokens, 0));
  });

  it('one request across the spine: TTFT = prefill + alpha + S / B, within 10% of the alpha-beta model', async () => {
    const request = [{ arrivalNs: 0, promptTokens: 2000, outputTokens: 3 }];
    // Default cluster: 400G NICs, prefill on GPU 0 (leaf 0), decode on GPU 31 (leaf 1).
    const viaNetwork = (await simulateServing(request, { deployment, disaggregation: { prefillReplicas: 1, decodeReplicas: 1, fabric: network() } })).records[0]!;
    const alphaBeta = (await simulateServing(request, { deployment, disaggregation: { prefillReplicas: 1, decodeReplicas: 1, fabric: { nicGbps: 400, gpusPerLeaf: 16, oversubscription: 1 } } })).records[0]!;
    const bytes = 2000 * KV_BYTES_PER_TOKEN;
    const engine = new Engine();
    const ideal = new NetworkKvTransfer(engine, DEFAULT_CLUSTER, [[0], [31]]).idealNs(0, 1, bytes);
    // alpha (propagation, switch latencies, store-and-forward of one MTU) is a few us; S / B dominates.
    expect(ideal - bytes / (50 * PAYLOAD)).toBeGreaterThan(0);
    expect(ideal - bytes / (50 * PAYLOAD)).toBeLessThan(5_000);
    expect(viaNetwork.networkNs).toBeCloseTo(ideal, 0);
    expect(viaNetwork.firstTokenNs).toBeCloseTo(prefillNs(2000) + ideal, 0);
    expect(Math.abs(viaNetwork.networkNs / alphaBeta.networkNs - 1)).toBeLessThan(0.1);
  });

  it('one transfer at a time: every transfer within 10% of the alpha-beta model', async () => {
    // One request every 300 ms: each prefill and transfer (<= 5 ms) is over before the next arrives.
    const requests = Array.from({ length: 20 }, (_, i) => ({ arrivalNs: i * 300e6, promptTokens: 500 + ((i * 977) % 3500), outputTokens: 4 }));
    const run = async (fabric: DisaggregationConfig['fabric']) => (await simulateServing(requests, { deployment, disaggregation: { prefillReplicas: 1, decodeReplicas: 1, fabric } })).records;
    const viaNetwork = await run(network());
    const alphaBeta = await run({ nicGbps: 400, gpusPerLeaf: 16, oversubscription: 1 });
    const byId = new Map(alphaBeta.map((r) => [r.id, r]));
    for (const r of viaNetwork) {
      const other = byId.get(r.id)!;
      expect(Math.abs(r.networkNs / other.networkNs - 1)).toBeLessThan(0.1);
      expect(Math.abs(r.firstTokenNs - r.arrivalNs - (other.firstTokenNs - other.arrivalNs)) / (other.firstTokenNs - other.arrivalNs)).toBeLessThan(0.1);
    }
  });

  it('a TP group moves its KV shards in parallel, rank to rank: TP 2 takes alpha + (S / 2) / B', async () => {
    const tp2 = makeDeployment({ model: getModel('llama-3-8b'), gpu, tp: 2 });
    // Prefill on srv0 GPUs 0-1, decode on srv1 GPUs 8-9: both under leaf 0 (no ECMP choice).
    const result = await simulateServing([{ arrivalNs: 0, promptTokens: 2000, outputTokens: 2 }], {
      deployment: tp2,
      disaggregation: { prefillReplicas: 1, decodeReplicas: 1, fabric: network(), prefillGpus: [0], decodeGpus: [8] },
    });
    const bytes = 2000 * KV_BYTES_PER_TOKEN;
    const r = result.records[0]!;
    expect(r.kvTransferBytes).toBe(bytes);
    const ideal = new NetworkKvTransfer(new Engine(), DEFAULT_CLUSTER, [[0, 1], [8, 9]]).idealNs(0, 1, bytes);
    expect(r.networkNs).toBeCloseTo(ideal, 0);
    expect(r.networkNs).toBeLessThan(0.51 * (bytes / (50 * PAYLOAD)));
  });

  it('TTFT grows when the KV transfers cross an oversubscribed fabric, against one leaf', async () => {
    // 30 req/s x 3000-token prompts on 4 prefill replicas (~50% busy); each transfer is 393 MB,
    // 32 ms on a 100G link. 16:1 leaves one 100G uplink for the 4 prefill NICs: ~95% busy.
    const requests = [...syntheticRequests({ ratePerSec: 30, count: 120, prompt: { kind: 'fixed', tokens: 3000 }, output: { kind: 'fixed', tokens: 8 }, seed: 5 })];
    const run = async (oversubscription: number, decodeGpus: number[]) =>
      (await simulateServing(requests, { deployment, disaggregation: { prefillReplicas: 4, decodeReplicas: 4, fabric: network(twoLeaves(oversubscription)), prefillGpus: [0, 1, 2, 3], decodeGpus } })).summary;
    const leaf1 = [16, 17, 18, 19];
    const oversubscribed = await run(16, leaf1);
    const nonBlocking = await run(1, leaf1);
    const sameLeaf = await run(16, [8, 9, 10, 11]);
    expect(oversubscribed.ttft.meanNs).toBeGreaterThan(sameLeaf.ttft.meanNs * 1.5);
    expect(oversubscribed.ttft.p99Ns).toBeGreaterThan(sameLeaf.ttft.p99Ns * 1.5);
    expect(oversubscribed.ttft.meanNs).toBeGreaterThan(nonBlocking.ttft.meanNs * 1.5);
    const ms = (ns: number) => (ns / 1e6).toFixed(1);
    console.log(
      `network KV fabric TTFT mean/p99 (ms): one leaf ${ms(sameLeaf.ttft.meanNs)}/${ms(sameLeaf.ttft.p99Ns)}, non-blocking spine ${ms(nonBlocking.ttft.meanNs)}/${ms(nonBlocking.ttft.p99Ns)}, 16:1 ${ms(oversubscribed.ttft.meanNs)}/${ms(oversubscribed.ttft.p99Ns)}`,
    );
  });

  it('concurrent transfers through one bottleneck share it: both take 2 S / B (alpha-beta: S / B, then 2 S / B)', async () => {
    // Two requests at once on two prefill replicas: their transfers start together and cross
    // the single 100G uplink of a 16:1 leaf.
    const two = [
      { arrivalNs: 0, promptTokens: 2000, outputTokens: 2 },
      { arrivalNs: 0, promptTokens: 2000, outputTokens: 2 },
    ];
    const dis = { prefillReplicas: 2, decodeReplicas: 2 };
    const placement = { prefillGpus: [0, 1], decodeGpus: [16, 17] };
    const alone = (await simulateServing(two.slice(0, 1), { deployment, disaggregation: { ...dis, ...placement, fabric: network(twoLeaves(16)) } })).records[0]!.networkNs;
    const together = (await simulateServing(two, { deployment, disaggregation: { ...dis, ...placement, fabric: network(twoLeaves(16)) } })).records.map((r) => r.networkNs);
    const alphaBeta = (await simulateServing(two, { deployment, disaggregation: { ...dis, fabric: { nicGbps: 100 * PAYLOAD, gpusPerLeaf: 16, oversubscription: 16, alphaNs: 0 } } })).records.map((r) => r.networkNs).sort((a, b) => a - b);
    const sBytes = 2000 * KV_BYTES_PER_TOKEN;
    const sOverB = sBytes / (12.5 * PAYLOAD);
    expect(alone / sOverB).toBeCloseTo(1, 2);
    for (const t of together) expect(t / sOverB).toBeCloseTo(2, 2);
    expect(alphaBeta[0]! / sOverB).toBeCloseTo(1, 6);
    expect(alphaBeta[1]! / sOverB).toBeCloseTo(2, 6);
  });

  it('TP 8 shards across a non-blocking spine can collide on ECMP uplinks (the alpha-beta model pools them)', async () => {
    // 8 shard flows from leaf 0 to leaf 1 hash onto 16 uplinks: with seeds 1 and 2 two of them
    // share an uplink and the transfer takes 2x its ideal; with seed 3 none collide.
    const tp8 = makeDeployment({ model: getModel('llama-3-8b'), gpu, tp: 8 });
    const request = [{ arrivalNs: 0, promptTokens: 4000, outputTokens: 2 }];
    const bytes = 4000 * KV_BYTES_PER_TOKEN;
    const ideal = new NetworkKvTransfer(new Engine(), DEFAULT_CLUSTER, [[0, 1, 2, 3, 4, 5, 6, 7], [24, 25, 26, 27, 28, 29, 30, 31]]).idealNs(0, 1, bytes);
    const run = async (seed: number) => (await simulateServing(request, { deployment: tp8, disaggregation: { prefillReplicas: 1, decodeReplicas: 1, fabric: network() } }, { seed })).records[0]!.networkNs;
    expect((await run(1)) / ideal).toBeCloseTo(2, 2);
    expect((await run(3)) / ideal).toBeCloseTo(1, 2);
    const alphaBeta = (await simulateServing(request, { deployment: tp8, disaggregation: { prefillReplicas: 1, decodeReplicas: 1, fabric: { nicGbps: 400, gpusPerLeaf: 16, oversubscription: 1 } } })).records[0]!.networkNs;
    expect(alphaBeta / ideal).toBeLessThan(1.01);
  });

  it('rejects a bad fidelity, cluster or placement with the field named', async () => {
    const request = [{ arrivalNs: 0, promptTokens: 100, outputTokens: 2 }];
    const attempt = (disaggregation: DisaggregationConfig) => simulateServing(request, { deployment, disaggregation });
    const base = { prefillReplicas: 1, decodeReplicas: 1 };
    const fieldOf = async (d: DisaggregationConfig) => {
      const error: unknown = await attempt(d).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(WeftError);
      return (error as WeftError).message + JSON.stringify((error as WeftError).details);
    };
    expect(await fieldOf({ ...base, fabric: { ...network(), fidelity: 'packet' as 'flow' } })).toMatch(/fabric\.fidelity/);
    expect(await fieldOf({ ...base, fabric: network({ servers: [], topology: { kind: 'single-switch' } }) })).toMatch(/fabric\.cluster\.servers/);
    expect(await fieldOf({ ...base, fabric: network(), prefillGpus: [32] })).toMatch(/prefillGpus/);
    expect(await fieldOf({ ...base, fabric: network(), prefillGpus: [5], decodeGpus: [5] })).toMatch(/share a GPU/);
    expect(await fieldOf({ ...base, fabric: network(), decodeLeaves: [1] })).toMatch(/decodeLeaves/);
    expect(await fieldOf({ ...base, fabric: { nicGbps: 100, gpusPerLeaf: 8, oversubscription: 1 }, decodeGpus: [3] })).toMatch(/decodeGpus/);
  });
});
