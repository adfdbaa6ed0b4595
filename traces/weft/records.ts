/**
 * The records of a Weft trace (traces/trace.proto) as plain TypeScript values. Times are ns
 * after the trace origin, held as JS numbers (exact up to `MAX_TRACE_NS`).
 */
import type { InferenceRequest } from '../../fabric-sim/workload/inference-request.js';
import type { MachineRecord } from '../formats/machine-inventory.js';

/** Version of trace.proto this code writes and reads. */
export const TRACE_FORMAT_VERSION = 1;

/**
 * The latest time a trace may hold: 2^53 - 1 ns (about 104 days) is where a JS number stops
 * counting every nanosecond; longer traces must be split or start a new origin.
 */
export const MAX_TRACE_NS = Number.MAX_SAFE_INTEGER;

/** The first record of every trace file. */
export interface TraceHeader {
  formatVersion: number;
  name: string;
  /** A public format name (philly, helios, acme, openb, pollux, ...) or `synthetic`. */
  source: string;
  /** Citation and licence of the source data. */
  attribution: string;
  /** Wall-clock time of t = 0, s since the epoch, when the source gives one. */
  originEpochS?: number;
}

/** The machines of a cluster as the trace describes them. */
export interface ClusterDescription {
  name: string;
  machines: MachineRecord[];
  /** A fabric-sim ClusterSpec as JSON, validated by fabric-sim's schema by whoever uses it. */
  clusterSpecJson?: string;
}

/** A training or fine-tuning job. */
export interface TrainingSpec {
  kind: 'training';
  gpus: number;
  /** Machines the job spanned in the source (0: not given). */
  nodes: number;
  cpus: number;
  /** GPU model asked for ('' = any). */
  gpuType: string;
  /** Model class from the mapping ('' = not mapped yet). */
  modelClass: string;
  /** The model, application or workload-type field of the source, verbatim. */
  application: string;
  /** Global batch size when the source gives one, else 0. */
  batchSize: number;
}

/** A model served with latency targets. */
export interface InferenceSpec {
  kind: 'inference';
  model: string;
  gpuType: string;
  gpusPerReplica: number;
  replicas: number;
  ttftP99Ms: number;
  tpotP99Ms: number;
  /** The RequestStream id feeding it ('' = none). */
  requestStream: string;
}

/** Outcome statuses, normalised from each source's own words. */
export type RecordedStatus = 'COMPLETED' | 'FAILED' | 'CANCELLED' | 'RUNNING' | 'UNSPECIFIED';

/** What the source cluster recorded for a unit of work. */
export interface RecordedOutcome {
  status: RecordedStatus;
  /** The source's status word, verbatim. */
  sourceStatus: string;
  queuedNs?: number;
  runNs?: number;
}

/** One unit of work arriving at the cluster. */
export interface WorkloadArrival {
  id: string;
  arrivalNs: number;
  user: string;
  queue: string;
  priority: number;
  spec: TrainingSpec | InferenceSpec;
  recorded?: RecordedOutcome;
}

/** A named request stream. */
export interface RequestStream {
  id: string;
  source: string;
  /** Tokens per prefix block when requests carry block hashes, else 0. */
  prefixBlockTokens: number;
}

/** One inference request of a named stream. */
export interface TraceRequest extends InferenceRequest {
  stream: string;
}

/** One record of a trace file. */
export type TraceRecord =
  | { kind: 'header'; header: TraceHeader }
  | { kind: 'cluster'; cluster: ClusterDescription }
  | { kind: 'workload'; workload: WorkloadArrival }
  | { kind: 'stream'; stream: RequestStream }
  | { kind: 'request'; request: TraceRequest };
