/**
 * Serving execution: LLM inference replicas on the discrete-event engine, batching as vLLM
 * and SGLang do (continuous batching, chunked prefill under a token budget, paged KV blocks
 * with preemption by recompute, prefix caching), routing across replicas, prefill/decode
 * disaggregation with KV transfers over the fabric, synthetic request streams, and
 * request-level metrics. Step times come from `gpu-model/`.
 */
export { simulateServing, modelKvBytesPerToken, ServingSimulation, type ReplicaStats, type ServingResult, type ServingStatus, type SimulateServingOptions } from './serving-sim.js';
export { isNetworkFabric, resolveServingConfig, type DisaggregationConfig, type KvFabricConfig, type NetworkKvFabricOptions, type ServingConfig } from './serving-config.js';
export { ROUTING_POLICIES, type RoutingPolicy } from './router.js';
export { KvTransferFabric, type KvFabricOptions, type ReplicaPlacement } from './kv-transfer.js';
export { NetworkKvTransfer } from './kv-transfer-network.js';
export { KvBlockPool, type KvBlockPoolOptions } from './kv-block-pool.js';
export { meetsSlo, percentile, summarizeRequests, tpotNs, type Percentiles, type RequestRecord, type ServingSlo, type ServingSummary } from './metrics.js';
export { gammaSample, scaleArrivals, syntheticRequests, takeRequests, type LengthDistribution, type SyntheticRequestsOptions } from './request-sources.js';
export { prefixBlockKeys } from './sequence.js';
export { type ReplicaCountSample, type ServingControlView, type ServingController } from './controller.js';
