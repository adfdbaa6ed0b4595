import { parseSlo } from '../../scheduler/planner/slo.js';
import type { LoadedJobTrace } from '../replay/job-source.js';
import { defaultRequestLengths } from '../replay/serving-load.js';
import { DEFAULT_LOAD_FRACTION, type InferenceReplayOptions } from '../replay/serving-slo.js';
import type { SweepSpec } from './sweep-spec.js';

/** Default least request attainment of a design whose trace has inference workloads. */
export const DEFAULT_INFERENCE_ATTAINMENT = 0.99;

/**
 * The serving load and targets of a sweep's inference workloads (its `inference` block), or
 * undefined when the trace has none. The same on every machine of a sweep (local threads or a
 * Kubernetes worker), so every design point is replayed with the same requests.
 * @throws WeftError for a malformed `inference.slo`.
 */
export async function planInferenceOptions(spec: SweepSpec, trace: LoadedJobTrace): Promise<InferenceReplayOptions | undefined> {
  if (!trace.arrivals.some((a) => a.spec.kind === 'inference')) return undefined;
  const i = spec.inference;
  return {
    lengths: await defaultRequestLengths(),
    ...(i.slo === undefined ? {} : { slo: parseSlo(i.slo, 'sweep.inference.slo') }),
    ...(i.qpsPerReplica === undefined ? {} : { ratePerReplica: i.qpsPerReplica }),
    ...(i.window === undefined ? {} : { windowRequests: i.window }),
    loadDescription: i.qpsPerReplica === undefined
      ? `default: ${DEFAULT_LOAD_FRACTION * 100}% of a replica's SLO capacity on the reference GPU, Azure LLM conversation lengths`
      : `${i.qpsPerReplica} req/s per replica, Azure LLM conversation lengths`,
  };
}
