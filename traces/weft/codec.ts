import { weft } from '../generated/trace.js';
import { FieldError } from '../read/read-summary.js';
import {
  MAX_TRACE_NS,
  type RecordedOutcome,
  type RecordedStatus,
  type TraceRecord,
  type WorkloadArrival,
} from './records.js';

/**
 * Conversion between trace records and their protobuf form (traces/trace.proto, through the
 * generated code), and the checks both directions share: a record that `checkRecord` accepts
 * encodes and decodes back to an equal value.
 */

const STATUSES: readonly RecordedStatus[] = ['UNSPECIFIED', 'COMPLETED', 'FAILED', 'CANCELLED', 'RUNNING'];

function count(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0 || value > 0xffffffff) throw new FieldError(field, String(value), 'an integer from 0 to 4294967295');
}

function nanos(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0 || value > MAX_TRACE_NS) throw new FieldError(field, String(value), `an integer number of ns from 0 to ${MAX_TRACE_NS}`);
}

function amount(value: number, field: string): void {
  if (!Number.isFinite(value) || value < 0) throw new FieldError(field, String(value), 'a finite number >= 0');
}

function checkWorkload(w: WorkloadArrival): void {
  if (w.id === '') throw new FieldError('workload.id', w.id, 'a non-empty id');
  nanos(w.arrivalNs, 'workload.arrivalNs');
  if (!Number.isSafeInteger(w.priority) || Math.abs(w.priority) > 0x7fffffff) throw new FieldError('workload.priority', String(w.priority), 'a 32-bit integer');
  const s = w.spec;
  if (s.kind === 'training') {
    count(s.gpus, 'workload.training.gpus');
    count(s.nodes, 'workload.training.nodes');
    amount(s.cpus, 'workload.training.cpus');
    count(s.batchSize, 'workload.training.batchSize');
  } else {
    if (s.model === '') throw new FieldError('workload.inference.model', s.model, 'a model name');
    count(s.gpusPerReplica, 'workload.inference.gpusPerReplica');
    count(s.replicas, 'workload.inference.replicas');
    amount(s.ttftP99Ms, 'workload.inference.ttftP99Ms');
    amount(s.tpotP99Ms, 'workload.inference.tpotP99Ms');
  }
  const r = w.recorded;
  if (r !== undefined) {
    if (!STATUSES.includes(r.status)) throw new FieldError('workload.recorded.status', r.status, `one of ${STATUSES.join(', ')}`);
    if (r.queuedNs !== undefined) nanos(r.queuedNs, 'workload.recorded.queuedNs');
    if (r.runNs !== undefined) nanos(r.runNs, 'workload.recorded.runNs');
  }
}

/** Checks the values of a record against what trace.proto can hold. @throws FieldError */
export function checkRecord(record: TraceRecord): void {
  switch (record.kind) {
    case 'header':
      count(record.header.formatVersion, 'header.formatVersion');
      if (record.header.originEpochS !== undefined && !Number.isSafeInteger(record.header.originEpochS)) {
        throw new FieldError('header.originEpochS', String(record.header.originEpochS), 'an integer number of seconds');
      }
      return;
    case 'cluster':
      record.cluster.machines.forEach((m, i) => {
        count(m.gpus, `cluster.machines[${i}].gpus`);
        amount(m.cpus, `cluster.machines[${i}].cpus`);
        if (m.memoryGiB !== undefined) amount(m.memoryGiB, `cluster.machines[${i}].memoryGiB`);
      });
      return;
    case 'workload':
      checkWorkload(record.workload);
      return;
    case 'stream':
      if (record.stream.id === '') throw new FieldError('stream.id', '', 'a non-empty stream id');
      count(record.stream.prefixBlockTokens, 'stream.prefixBlockTokens');
      return;
    case 'request': {
      const q = record.request;
      nanos(q.arrivalNs, 'request.arrivalNs');
      count(q.promptTokens, 'request.promptTokens');
      count(q.outputTokens, 'request.outputTokens');
      (q.prefixBlockHashes ?? []).forEach((h, i) => {
        if (!Number.isSafeInteger(h) || h < 0) throw new FieldError(`request.prefixBlockHashes[${i}]`, String(h), 'an integer from 0 to 2^53 - 1');
      });
      return;
    }
  }
}

function recordedMessage(r: RecordedOutcome): weft.traces.RecordedOutcome.$Properties {
  return {
    status: weft.traces.RecordedOutcome.Status[r.status === 'UNSPECIFIED' ? 'STATUS_UNSPECIFIED' : r.status],
    sourceStatus: r.sourceStatus,
    ...(r.queuedNs === undefined ? {} : { queuedNs: r.queuedNs }),
    ...(r.runNs === undefined ? {} : { runNs: r.runNs }),
  };
}

function workloadMessage(w: WorkloadArrival): weft.traces.WorkloadArrival.$Properties {
  const { kind: _kind, ...spec } = w.spec;
  return {
    id: w.id,
    arrivalNs: w.arrivalNs,
    user: w.user,
    queue: w.queue,
    priority: w.priority,
    ...(w.spec.kind === 'training' ? { training: spec } : { inference: spec }),
    ...(w.recorded === undefined ? {} : { recorded: recordedMessage(w.recorded) }),
  };
}

/** The protobuf message of a (checked) record. */
export function toMessage(record: TraceRecord): weft.traces.TraceRecord {
  checkRecord(record);
  switch (record.kind) {
    case 'header':
      return weft.traces.TraceRecord.create({ header: record.header });
    case 'cluster': {
      const c = record.cluster;
      return weft.traces.TraceRecord.create({
        cluster: {
          name: c.name,
          machines: c.machines.map((m) => ({ name: m.name, gpuType: m.gpuType, gpus: m.gpus, cpus: m.cpus, ...(m.memoryGiB === undefined ? {} : { memoryGib: m.memoryGiB }) })),
          ...(c.clusterSpecJson === undefined ? {} : { clusterSpecJson: c.clusterSpecJson }),
        },
      });
    }
    case 'workload':
      return weft.traces.TraceRecord.create({ workload: workloadMessage(record.workload) });
    case 'stream':
      return weft.traces.TraceRecord.create({ stream: record.stream });
    case 'request': {
      const q = record.request;
      return weft.traces.TraceRecord.create({
        request: { stream: q.stream, arrivalNs: q.arrivalNs, promptTokens: q.promptTokens, outputTokens: q.outputTokens, prefixBlockHashes: [...(q.prefixBlockHashes ?? [])] },
      });
    }
  }
}

/** A 64-bit field (decoded as a decimal string) as a number, or an error if it is not exact. */
function safe(text: unknown, field: string): number {
  const value = Number(text);
  if (typeof text !== 'string' || !Number.isSafeInteger(value)) throw new FieldError(field, String(text), 'a 64-bit value within 2^53');
  return value;
}

type Plain = Record<string, unknown>;

function obj(value: unknown): Plain {
  return typeof value === 'object' && value !== null ? (value as Plain) : {};
}

function workloadRecord(w: Plain): WorkloadArrival {
  const training = w.training === undefined ? undefined : obj(w.training);
  const inference = w.inference === undefined ? undefined : obj(w.inference);
  let spec: WorkloadArrival['spec'];
  if (training !== undefined) {
    spec = {
      kind: 'training',
      gpus: training.gpus as number,
      nodes: training.nodes as number,
      cpus: training.cpus as number,
      gpuType: training.gpuType as string,
      modelClass: training.modelClass as string,
      application: training.application as string,
      batchSize: training.batchSize as number,
    };
  } else if (inference !== undefined) {
    spec = {
      kind: 'inference',
      model: inference.model as string,
      gpuType: inference.gpuType as string,
      gpusPerReplica: inference.gpusPerReplica as number,
      replicas: inference.replicas as number,
      ttftP99Ms: inference.ttftP99Ms as number,
      tpotP99Ms: inference.tpotP99Ms as number,
      requestStream: inference.requestStream as string,
    };
  } else {
    throw new FieldError('workload.spec', 'none', 'a training or an inference spec');
  }
  const out: WorkloadArrival = {
    id: w.id as string,
    arrivalNs: safe(w.arrivalNs, 'workload.arrivalNs'),
    user: w.user as string,
    queue: w.queue as string,
    priority: w.priority as number,
    spec,
  };
  if (w.recorded !== undefined) {
    const r = obj(w.recorded);
    const status = r.status === 'STATUS_UNSPECIFIED' ? 'UNSPECIFIED' : (r.status as RecordedStatus);
    out.recorded = { status, sourceStatus: r.sourceStatus as string };
    if (r.queuedNs !== undefined) out.recorded.queuedNs = safe(r.queuedNs, 'workload.recorded.queuedNs');
    if (r.runNs !== undefined) out.recorded.runNs = safe(r.runNs, 'workload.recorded.runNs');
  }
  return out;
}

/**
 * The record a decoded message holds, checked. 64-bit fields are read as decimal strings so a
 * value beyond 2^53 is an error rather than a silently rounded number.
 * @throws FieldError for a message without a record or with out-of-range values.
 */
export function fromMessage(message: weft.traces.TraceRecord): TraceRecord {
  const m = weft.traces.TraceRecord.toObject(message, { longs: String, enums: String, defaults: true, arrays: true, oneofs: true });
  let record: TraceRecord;
  switch (m.record) {
    case 'header': {
      const h = obj(m.header);
      record = { kind: 'header', header: { formatVersion: h.formatVersion as number, name: h.name as string, source: h.source as string, attribution: h.attribution as string } };
      if (h.originEpochS !== undefined) record.header.originEpochS = safe(h.originEpochS, 'header.originEpochS');
      break;
    }
    case 'cluster': {
      const c = obj(m.cluster);
      const machines = (c.machines as unknown[]).map((raw) => {
        const x = obj(raw);
        return { name: x.name as string, gpuType: x.gpuType as string, gpus: x.gpus as number, cpus: x.cpus as number, ...(x.memoryGib === undefined ? {} : { memoryGiB: x.memoryGib as number }) };
      });
      record = { kind: 'cluster', cluster: { name: c.name as string, machines, ...(c.clusterSpecJson === undefined ? {} : { clusterSpecJson: c.clusterSpecJson as string }) } };
      break;
    }
    case 'workload':
      record = { kind: 'workload', workload: workloadRecord(obj(m.workload)) };
      break;
    case 'stream': {
      const s = obj(m.stream);
      record = { kind: 'stream', stream: { id: s.id as string, source: s.source as string, prefixBlockTokens: s.prefixBlockTokens as number } };
      break;
    }
    case 'request': {
      const q = obj(m.request);
      const hashes = (q.prefixBlockHashes as unknown[]).map((h, i) => safe(h, `request.prefixBlockHashes[${i}]`));
      record = {
        kind: 'request',
        request: {
          stream: q.stream as string,
          arrivalNs: safe(q.arrivalNs, 'request.arrivalNs'),
          promptTokens: q.promptTokens as number,
          outputTokens: q.outputTokens as number,
          ...(hashes.length === 0 ? {} : { prefixBlockHashes: hashes }),
        },
      };
      break;
    }
    default:
      throw new FieldError('record', 'none', 'one of header, cluster, workload, stream, request');
  }
  checkRecord(record);
  return record;
}
