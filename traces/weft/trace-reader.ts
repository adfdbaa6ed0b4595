import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { badInput, WeftError } from '../../core/errors.js';
import { weft } from '../generated/trace.js';
import { FieldError, type ReadSummary } from '../read/read-summary.js';
import { fromMessage } from './codec.js';
import { TRACE_FORMAT_VERSION, type TraceHeader, type TraceRecord } from './records.js';

/** A record larger than this is taken as corruption of the length prefix, not as data. */
const MAX_RECORD_BYTES = 64 * 1024 * 1024;

/** The varint at `pos` of `buf`: its value and size, or undefined when the bytes end first. */
function readVarint(buf: Buffer, pos: number): { value: number; size: number } | undefined {
  let value = 0;
  for (let i = 0; i < 10; i++) {
    if (pos + i >= buf.length) return undefined;
    const byte = buf[pos + i]!;
    value += (byte & 0x7f) * 2 ** (7 * i);
    if (byte < 0x80) return { value, size: i + 1 };
  }
  return { value: Infinity, size: 10 };
}

/** Framed records of a trace file, with their 1-based number and byte offset. */
async function* frames(path: string): AsyncGenerator<{ bytes: Buffer; n: number; offset: number }> {
  try {
    await access(path);
  } catch (cause) {
    throw badInput('file not found or not readable', { file: path, cause });
  }
  const raw = createReadStream(path);
  const input: Readable = path.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  let pending: Buffer = Buffer.alloc(0);
  let offset = 0;
  let n = 0;
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      let pos = 0;
      for (;;) {
        const head = readVarint(pending, pos);
        if (head === undefined) break;
        if (head.value > MAX_RECORD_BYTES) {
          throw badInput(n === 0 ? 'not a Weft trace: corrupt first record length' : 'corrupt record length', { file: path, line: n + 1, field: `record[${n + 1}]`, value: head.value, expected: `a length up to ${MAX_RECORD_BYTES} bytes (byte offset ${offset + pos})` });
        }
        const end = pos + head.size + head.value;
        if (end > pending.length) break;
        n++;
        yield { bytes: pending.subarray(pos + head.size, end), n, offset: offset + pos };
        pos = end;
      }
      offset += pos;
      pending = pending.subarray(pos);
    }
  } catch (cause) {
    if (cause instanceof WeftError) throw cause;
    throw badInput(`cannot read (${cause instanceof Error ? cause.message : 'unknown error'})`, { file: path, line: n + 1, cause });
  } finally {
    raw.destroy();
  }
  if (pending.length > 0) {
    throw badInput(n === 0 ? 'not a Weft trace: the first record is cut short' : 'the last record is cut short', { file: path, line: n + 1, field: `record[${n + 1}]`, value: `${pending.length} bytes`, expected: `a complete record at byte offset ${offset}` });
  }
}

/**
 * Streams the records of a Weft trace file (traces/trace.proto; gzip when the name ends in
 * `.gz`) one at a time. The header comes first and is always returned; a file that does not
 * start with one, or was written by a newer format version, is an error. A record that does not
 * decode, holds out-of-range values, or names an undeclared request stream is reported to
 * `summary` with its record number as the line (and skipped or thrown per the policy); the
 * framing lets reading go on after it. A file cut short is an error.
 */
export async function* readWeftTrace(path: string, summary: ReadSummary): AsyncGenerator<TraceRecord> {
  let header: TraceHeader | undefined;
  const streams = new Map<string, number>();
  for await (const { bytes, n, offset } of frames(path)) {
    let record: TraceRecord;
    try {
      let message: weft.traces.TraceRecord;
      try {
        message = weft.traces.TraceRecord.decode(bytes);
      } catch (cause) {
        throw new FieldError(`record[${n}]`, `${bytes.length} bytes at offset ${offset}`, `a TraceRecord message (${cause instanceof Error ? cause.message : 'decode failed'})`);
      }
      record = fromMessage(message);
    } catch (error) {
      if (!(error instanceof FieldError)) throw error;
      if (header === undefined) throw badInput('not a Weft trace', { file: path, line: n, field: error.field, value: error.value, expected: error.expected });
      summary.rows++;
      summary.reject({ line: n, field: error.field.startsWith('record[') ? error.field : `record[${n}].${error.field}`, value: error.value, expected: error.expected });
      continue;
    }
    if (header === undefined) {
      if (record.kind !== 'header') throw badInput('not a Weft trace', { file: path, line: n, field: 'record[1]', value: record.kind, expected: 'a header first' });
      if (record.header.formatVersion > TRACE_FORMAT_VERSION || record.header.formatVersion < 1) {
        throw badInput('unsupported trace format version', { file: path, line: n, field: 'header.formatVersion', value: record.header.formatVersion, expected: `1 to ${TRACE_FORMAT_VERSION}` });
      }
      header = record.header;
      yield record;
      continue;
    }
    summary.rows++;
    if (record.kind === 'header') {
      summary.reject({ line: n, field: `record[${n}]`, value: 'header', expected: 'one header, at the start' });
      continue;
    }
    if (record.kind === 'stream') streams.set(record.stream.id, record.stream.prefixBlockTokens);
    if (record.kind === 'request') {
      const tokens = streams.get(record.request.stream);
      if (tokens === undefined) {
        summary.reject({ line: n, field: `record[${n}].request.stream`, value: record.request.stream, expected: 'a stream declared before its requests' });
        continue;
      }
      if (tokens > 0 && record.request.prefixBlockHashes !== undefined) record.request.prefixBlockTokens = tokens;
    }
    summary.accepted++;
    yield record;
  }
  if (header === undefined) throw badInput('empty trace', { file: path, expected: 'a header record' });
}
