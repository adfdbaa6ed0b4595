import { ClusterSpecSchema, type ClusterSpec } from '../../fabric-sim/cluster/spec.js';
import { parseSlo } from '../planner/slo.js';
import type { DayDeployment, DayFineTune } from './day-input.js';

/**
 * The demo's built-in cluster: 16 servers of 8 H100 SXM with NVLink, one 400G NIC per GPU, on a
 * rail-optimized fabric (GPU k of every server on rail switch k, 8 spines above the rails,
 * non-blocking) of the `weft-ai` switch preset: the shape of an H100 SuperPOD scalable unit.
 */
export const RAIL_CLUSTER: ClusterSpec = ClusterSpecSchema.parse({
  name: 'rail-16x8-h100',
  servers: [{ count: 16, gpuType: 'h100', gpusPerServer: 8, nvlink: { bandwidthGbps: 3_600 } }],
  topology: { kind: 'rail-optimized', spines: 8, oversubscription: 1 },
  switch: 'weft-ai',
  linkSpeedGbps: 400,
  propagationDelayNs: 50,
  mtuBytes: 4_096,
});

/** Request lengths of one deployment, from a real trace. */
export interface LengthSamples {
  readonly samples: readonly { readonly promptTokens: number; readonly outputTokens: number }[];
  readonly source: string;
}

/**
 * The demo's two deployments: a chat assistant on Llama-3-70B (lengths from the Azure LLM
 * conversation trace) and a code assistant on Llama-3-8B with tighter latency targets (lengths
 * from the Azure code trace). Peak rates are per simulated second.
 */
export function defaultDeployments(chat: LengthSamples, code: LengthSamples, scale = 1): DayDeployment[] {
  return [
    { name: 'chat', model: 'llama-3-70b', slo: parseSlo('ttft-p99=1s,tpot-p99=80ms'), peakRequestsPerSec: 90 * scale, samples: chat.samples, samplesSource: chat.source },
    { name: 'code', model: 'llama-3-8b', slo: parseSlo('ttft-p99=300ms,tpot-p99=30ms'), peakRequestsPerSec: 240 * scale, samples: code.samples, samplesSource: code.source },
  ];
}

/** The demo's elastic job: a LoRA fine-tune of Llama-3-8B, 4k-token sequences, 1,024 sequences a step. */
export const DEFAULT_FINE_TUNE: DayFineTune = {
  name: 'lora-8b',
  model: 'llama-3-8b',
  method: 'lora',
  seqLen: 4096,
  globalBatchSeqs: 1024,
  checkpointEverySteps: 10,
  checkpointBytesPerSec: 2e9,
  // Re-forming the job: rendezvous, 16 GB of base weights from the local cache, NCCL communicators.
  restartNs: 10e9,
};
