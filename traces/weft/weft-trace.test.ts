import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WeftError } from '../../core/errors.js';
import { formatError } from '../../core/format-error.js';
import { weft } from '../generated/trace.js';
import { ReadSummary } from '../read/read-summary.js';
import { MAX_TRACE_NS, type TraceHeader, type TraceRecord, type WorkloadArrival } from './records.js';
import { readWeftTrace } from './trace-reader.js';
import { TraceWriter } from './trace-writer.js';

const dir = mkdtempSync(join(tmpdir(), 'weft-trace-'));
let files = 0;
const fresh = (name: string): string => join(dir, `${files++}-${name}`);

const HEADER: Omit<TraceHeader, 'formatVersion'> = { name: 'demo', source: 'synthetic', attribution: 'made up for a test', originEpochS: 1_680_000_000 };

const training = (id: string, arrivalNs: number): WorkloadArrival => ({
  id,
  arrivalNs,
  user: 'u1',
  queue: 'vc1',
  priority: 0,
  spec: { kind: 'training', gpus: 16, nodes: 2, cpus: 128, gpuType: 'A100', modelClass: 'llm-7b', application: 'Pretrain', batchSize: 0 },
  recorded: { status: 'COMPLETED', sourceStatus: 'COMPLETED', queuedNs: 40e9, runNs: 7200e9 },
});

const RECORDS: TraceRecord[] = [
  {
    kind: 'cluster',
    cluster: { name: 'c', machines: [{ name: 'm1', gpuType: 'A100', gpus: 8, cpus: 128, memoryGiB: 1024 }, { name: 'm2', gpuType: 'CPU', gpus: 0, cpus: 96.5 }], clusterSpecJson: '{"servers":[]}' },
  },
  { kind: 'stream', stream: { id: 'chat', source: 'mooncake', prefixBlockTokens: 512 } },
  { kind: 'workload', workload: training('job-1', 0) },
  {
    kind: 'workload',
    workload: {
      id: 'svc-1',
      arrivalNs: 5,
      user: '',
      queue: '',
      priority: -3,
      spec: { kind: 'inference', model: 'llama-3-8b', gpuType: 'H100', gpusPerReplica: 2, replicas: 3, ttftP99Ms: 300, tpotP99Ms: 50, requestStream: 'chat' },
    },
  },
  { kind: 'request', request: { stream: 'chat', arrivalNs: 7, promptTokens: 1024, outputTokens: 10, prefixBlockHashes: [1, 2, 2 ** 53 - 1], prefixBlockTokens: 512 } },
  { kind: 'workload', workload: { ...training('job-2', MAX_TRACE_NS), recorded: { status: 'RUNNING', sourceStatus: 'Pass' } } },
];

async function collect(path: string, summary: ReadSummary): Promise<TraceRecord[]> {
  const out: TraceRecord[] = [];
  for await (const r of readWeftTrace(path, summary)) out.push(r);
  return out;
}

async function writeTrace(path: string, records: readonly TraceRecord[]): Promise<void> {
  const writer = await TraceWriter.open(path, HEADER);
  for (const r of records) await writer.write(r);
  await writer.close();
}

async function errorOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(WeftError);
    return formatError(error);
  }
  throw new Error('expected an error');
}

describe('Weft trace files (trace.proto)', () => {
  it('round-trips every record kind, plain and gzip', async () => {
    for (const path of [fresh('t.weft'), fresh('t.weft.gz')]) {
      await writeTrace(path, RECORDS);
      expect(existsSync(`${path}.partial`)).toBe(false);
      const summary = new ReadSummary(path);
      const read = await collect(path, summary);
      expect(read).toEqual([{ kind: 'header', header: { ...HEADER, formatVersion: 1 } }, ...RECORDS]);
      expect(summary.describe()).toBe(`read 6 rows of ${path}: 6 accepted, 0 skipped`);
    }
  });

  it('round-trips arbitrary valid records (fast-check)', async () => {
    const u32 = fc.integer({ min: 0, max: 0xffffffff });
    const ns = fc.oneof(fc.constant(0), fc.constant(MAX_TRACE_NS), fc.integer({ min: 0, max: MAX_TRACE_NS }));
    const amount = fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true });
    const workload = fc.record({
      id: fc.string({ minLength: 1, maxLength: 8 }),
      arrivalNs: ns,
      user: fc.string({ maxLength: 4 }),
      queue: fc.string({ maxLength: 4 }),
      priority: fc.integer({ min: -1000, max: 1000 }),
      spec: fc.record({ kind: fc.constant('training' as const), gpus: u32, nodes: u32, cpus: amount, gpuType: fc.string({ maxLength: 4 }), modelClass: fc.string({ maxLength: 4 }), application: fc.string({ maxLength: 6 }), batchSize: u32 }),
      recorded: fc.record(
        { status: fc.constantFrom('COMPLETED' as const, 'FAILED' as const, 'CANCELLED' as const, 'RUNNING' as const, 'UNSPECIFIED' as const), sourceStatus: fc.string({ maxLength: 6 }), queuedNs: ns, runNs: ns },
        { requiredKeys: ['status', 'sourceStatus'] },
      ),
    }, { requiredKeys: ['id', 'arrivalNs', 'user', 'queue', 'priority', 'spec'] });
    const request = fc.record({ stream: fc.constant('s'), arrivalNs: ns, promptTokens: u32, outputTokens: u32 });
    const record: fc.Arbitrary<TraceRecord> = fc.oneof(workload.map((w) => ({ kind: 'workload' as const, workload: w })), request.map((q) => ({ kind: 'request' as const, request: q })));
    await fc.assert(
      fc.asyncProperty(fc.array(record, { maxLength: 6 }), async (records) => {
        const all: TraceRecord[] = [{ kind: 'stream', stream: { id: 's', source: '', prefixBlockTokens: 0 } }, ...records];
        const path = fresh('fuzz.weft');
        await writeTrace(path, all);
        expect((await collect(path, new ReadSummary(path))).slice(1)).toEqual(all);
      }),
      { numRuns: 40, seed: 7 },
    );
  });

  it('skips and reports a corrupt record by number, then reads on; a cut-short file is an error', async () => {
    const path = fresh('corrupt.weft');
    await writeTrace(path, [{ kind: 'workload', workload: training('a', 1) }, { kind: 'workload', workload: training('b', 2) }, { kind: 'workload', workload: training('c', 3) }]);
    const bytes = readFileSync(path);
    // Find record 3 ("b") and overwrite its first field tag with an invalid wire type (7).
    const at = bytes.indexOf(Buffer.from('\n\x01b'));
    expect(at).toBeGreaterThan(0);
    const broken = Buffer.from(bytes);
    broken[at] = 0x0f;
    const badPath = fresh('broken.weft');
    writeFileSync(badPath, broken);
    const summary = new ReadSummary(badPath, 'skip');
    const ids = (await collect(badPath, summary)).flatMap((r) => (r.kind === 'workload' ? [r.workload.id] : []));
    expect(ids).toEqual(['a', 'c']);
    expect(summary.skipped).toBe(1);
    expect(summary.issues[0]).toMatchObject({ line: 3, field: 'record[3]' });
    expect(await errorOf(() => collect(badPath, new ReadSummary(badPath)))).toMatch(new RegExp(`^error: ${badPath}:3: record\\[3\\]: malformed row: got ".* bytes at offset \\d+" \\(expected a TraceRecord message`));

    const cut = fresh('cut.weft');
    writeFileSync(cut, bytes.subarray(0, bytes.length - 3));
    expect(await errorOf(() => collect(cut, new ReadSummary(cut, 'skip')))).toMatch(new RegExp(`^error: ${cut}:4: record\\[4\\]: the last record is cut short: got "\\d+ bytes"`));

    const text = fresh('text.weft');
    writeFileSync(text, 'job_id,user\n1,u\n');
    expect(await errorOf(() => collect(text, new ReadSummary(text, 'skip')))).toMatch(new RegExp(`^error: ${text}:1: .*not a Weft trace`));
  });

  it('rejects a 64-bit time beyond 2^53 instead of rounding it', async () => {
    const path = fresh('big.weft');
    const header = weft.traces.TraceRecord.encodeDelimited({ header: { formatVersion: 1, name: 'x' } }).finish();
    // 2^53 + 1 as a protobufjs Long-like {low, high} pair: high word 0x200000, low word 1.
    const huge = weft.traces.TraceRecord.encodeDelimited({ request: { stream: 's', arrivalNs: { low: 1, high: 0x200000, unsigned: true } as never } }).finish();
    writeFileSync(path, Buffer.concat([header, huge]));
    expect(await errorOf(() => collect(path, new ReadSummary(path)))).toBe(
      `error: ${path}:2: record[2].request.arrivalNs: malformed row: got "9007199254740993" (expected a 64-bit value within 2^53)`,
    );
  });

  it('writes nothing under the name until close, names a bad value, and abort leaves no file', async () => {
    const path = fresh('bad.weft');
    const writer = await TraceWriter.open(path, HEADER);
    await writer.write({ kind: 'workload', workload: training('ok', 1) });
    expect(existsSync(path)).toBe(false);
    const bad = training('bad', 2);
    if (bad.spec.kind === 'training') bad.spec.gpus = -1;
    expect(await errorOf(() => writer.write({ kind: 'workload', workload: bad }))).toBe(
      `error: ${path}: record[3].workload.training.gpus: cannot write trace record: got "-1" (expected an integer from 0 to 4294967295)`,
    );
    expect(await errorOf(() => writer.write({ kind: 'request', request: { stream: 'nope', arrivalNs: 0, promptTokens: 1, outputTokens: 1 } }))).toContain(
      'record[3].request.stream: request of an undeclared stream: got "nope" (expected a stream written before (none yet))',
    );
    await writer.abort();
    expect(existsSync(path)).toBe(false);
    expect(existsSync(`${path}.partial`)).toBe(false);
  });
});
