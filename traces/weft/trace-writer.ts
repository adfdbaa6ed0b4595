import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { badInput } from '../../core/errors.js';
import { weft } from '../generated/trace.js';
import { FieldError } from '../read/read-summary.js';
import { toMessage } from './codec.js';
import { TRACE_FORMAT_VERSION, type TraceHeader, type TraceRecord } from './records.js';

/**
 * Records are handed to the file (or gzip) stream in chunks of about this many bytes: one
 * stream write per small record costs more than the encoding itself (measured: 18.8k jobs/s
 * gzip-written one by one).
 */
const BATCH_BYTES = 64 * 1024;

/**
 * Writes a Weft trace file (traces/trace.proto: length-delimited TraceRecords, header first;
 * gzip when the path ends in `.gz`) one record at a time, so a trace larger than memory can be
 * written. The file appears under its name only when `close()` succeeds: until then it is a
 * `.partial` file beside it, removed by `abort()`, so nothing half-written is ever taken for a
 * trace.
 *
 * Invariants: the header is the first record and appears once; a request names a stream
 * written before it, with that stream's prefix block size.
 */
export class TraceWriter {
  /** Where the finished trace goes. */
  readonly path: string;
  readonly #partial: string;
  readonly #file: WriteStream;
  readonly #out: Writable;
  /** Prefix block tokens of each declared stream. */
  readonly #streams = new Map<string, number>();
  #records = 0;
  #done = false;
  /** The first I/O error of the streams, reported by the next write or close. */
  #failure: Error | undefined;
  /** Encoded records not yet handed to the stream, and their total size. */
  #batch: Uint8Array[] = [];
  #batchBytes = 0;

  private constructor(path: string) {
    this.path = path;
    this.#partial = `${path}.partial`;
    this.#file = createWriteStream(this.#partial);
    if (path.endsWith('.gz')) {
      const gzip = createGzip();
      gzip.pipe(this.#file);
      this.#out = gzip;
    } else {
      this.#out = this.#file;
    }
    const fail = (error: Error): void => {
      this.#failure ??= error;
    };
    this.#file.on('error', fail);
    this.#out.on('error', fail);
  }

  #check(): void {
    if (this.#failure !== undefined) throw badInput(`cannot write (${this.#failure.message})`, { file: this.#partial, cause: this.#failure });
  }

  /** Creates `<path>.partial` and writes the header (format version filled in). */
  static async open(path: string, header: Omit<TraceHeader, 'formatVersion'>): Promise<TraceWriter> {
    if (path === '') throw badInput('empty trace path', { expected: 'a file path' });
    const writer = new TraceWriter(path);
    await new Promise<void>((resolve, reject) => {
      writer.#file.once('open', () => { resolve(); });
      writer.#file.once('error', (cause) => { reject(badInput(`cannot create (${cause.message})`, { file: writer.#partial, cause })); });
    });
    await writer.#put({ kind: 'header', header: { ...header, formatVersion: TRACE_FORMAT_VERSION } });
    return writer;
  }

  /** Records written so far, the header included. */
  get records(): number {
    return this.#records;
  }

  /**
   * Appends one record (any kind but a header).
   * @throws WeftError naming the record and field when a value cannot be written.
   */
  async write(record: TraceRecord): Promise<void> {
    if (this.#done) throw new Error(`TraceWriter for ${this.path} is already closed`);
    if (record.kind === 'header') throw badInput('a trace has one header, written by open()', { file: this.path, field: `record[${this.#records + 1}]` });
    if (record.kind === 'stream') this.#streams.set(record.stream.id, record.stream.prefixBlockTokens);
    if (record.kind === 'request') {
      const tokens = this.#streams.get(record.request.stream);
      const { stream, prefixBlockTokens } = record.request;
      if (tokens === undefined) {
        throw badInput('request of an undeclared stream', { file: this.path, field: `record[${this.#records + 1}].request.stream`, value: stream, expected: `a stream written before (${[...this.#streams.keys()].join(', ') || 'none yet'})` });
      }
      if (prefixBlockTokens !== undefined && prefixBlockTokens !== tokens) {
        throw badInput('request block size differs from its stream', { file: this.path, field: `record[${this.#records + 1}].request.prefixBlockTokens`, value: prefixBlockTokens, expected: String(tokens) });
      }
    }
    await this.#put(record);
  }

  /** Flushes, closes and moves the file to its name. */
  async close(): Promise<void> {
    if (this.#done) return;
    this.#done = true;
    this.#check();
    await this.#flush();
    await new Promise<void>((resolve, reject) => {
      this.#file.once('close', resolve);
      this.#file.once('error', reject);
      this.#out.end();
    });
    this.#check();
    await rename(this.#partial, this.path);
  }

  /** Stops writing and removes the partial file. */
  async abort(): Promise<void> {
    this.#done = true;
    this.#out.destroy();
    this.#file.destroy();
    await rm(this.#partial, { force: true });
  }

  async #put(record: TraceRecord): Promise<void> {
    let bytes: Uint8Array;
    try {
      bytes = weft.traces.TraceRecord.encodeDelimited(toMessage(record)).finish();
    } catch (error) {
      if (!(error instanceof FieldError)) throw error;
      throw badInput('cannot write trace record', { file: this.path, field: `record[${this.#records + 1}].${error.field}`, value: error.value, expected: error.expected });
    }
    this.#check();
    this.#records++;
    this.#batch.push(bytes);
    this.#batchBytes += bytes.length;
    if (this.#batchBytes >= BATCH_BYTES) await this.#flush();
  }

  /** Hands the batch to the stream, waiting for it to drain rather than buffer the whole trace. */
  async #flush(): Promise<void> {
    if (this.#batch.length === 0) return;
    const chunk = Buffer.concat(this.#batch, this.#batchBytes);
    this.#batch = [];
    this.#batchBytes = 0;
    if (!this.#out.write(chunk)) await new Promise<void>((resolve) => this.#out.once('drain', resolve));
  }
}
