import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WeftError } from '../../core/errors.js';
import { formatError } from '../../core/format-error.js';
import { ReadSummary } from '../read/read-summary.js';
import { nanosBetween, parseAzureTimestamp, readAzureLlmTrace } from './azure-llm.js';
import { readMooncakeTrace } from './mooncake.js';
import { readPolluxWorkload } from './pollux.js';

const samples = join(import.meta.dirname, '..', 'samples');

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'weft-traces-')), name);
  writeFileSync(path, text);
  return path;
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

describe('Azure LLM inference trace', () => {
  it('reads the whole real sample (gzip, CRLF) with exact relative arrival times', async () => {
    const summary = new ReadSummary('code.csv.gz');
    const requests = await collect(readAzureLlmTrace(join(samples, 'azure2023', 'AzureLLMInferenceTrace_code.csv.gz'), summary));
    expect(summary.rows).toBe(8819);
    expect(summary.accepted).toBe(8819);
    expect(requests[0]).toEqual({ arrivalNs: 0, promptTokens: 4808, outputTokens: 10 });
    // second row: 18:17:04.0319600 - 18:17:03.9799600 = 52 ms
    expect(requests[1]!.arrivalNs).toBe(52_000_000);
    for (let i = 1; i < requests.length; i++) expect(requests[i]!.arrivalNs).toBeGreaterThanOrEqual(requests[i - 1]!.arrivalNs);
    const meanPrompt = requests.reduce((s, r) => s + r.promptTokens, 0) / requests.length;
    expect(meanPrompt).toBeGreaterThan(1000); // the coding workload has long contexts (Splitwise, Table 2)
  });

  it('parses timestamps to the nanosecond without float rounding', () => {
    expect(parseAzureTimestamp('1970-01-01 00:00:01.0000001')).toEqual({ epochSeconds: 1, nanos: 100 });
    const a = parseAzureTimestamp('2023-11-16 18:17:03.9799600');
    expect(nanosBetween(a, parseAzureTimestamp('2023-11-16 18:17:04'))).toBe(20_040_000);
    expect(nanosBetween(a, parseAzureTimestamp('2023-11-16 18:17:03.9799601'))).toBe(100);
    expect(() => parseAzureTimestamp('16/11/2023 18:17')).toThrow(/2023-11-16 18:17:03.9799600/);
  });

  it('reports malformed rows with file and line, or skips and counts them', async () => {
    const path = tempFile('t.csv', 'TIMESTAMP,ContextTokens,GeneratedTokens\r\n2023-11-16 18:17:03.9,10,2\r\n2023-11-16 18:17:04.0,ten,2\r\n2023-11-16 18:17:05.0,10,2\r\n');
    expect(await errorOf(() => collect(readAzureLlmTrace(path, new ReadSummary(path))))).toBe(
      `error: ${path}:3: ContextTokens: malformed row: got "ten" (expected an integer >= 1)`,
    );
    const summary = new ReadSummary(path, 'skip');
    const requests = await collect(readAzureLlmTrace(path, summary));
    expect(requests.map((r) => r.arrivalNs)).toEqual([0, 1.1e9]);
    expect(summary.describe()).toBe(`read 3 rows of ${path}: 2 accepted, 1 skipped (first: line 3, ContextTokens = "ten", expected an integer >= 1)`);
  });

  it('rejects a file without the expected header', async () => {
    const path = tempFile('bad.csv', 'time,prompt\n1,2\n');
    expect(await errorOf(() => collect(readAzureLlmTrace(path, new ReadSummary(path))))).toMatch(
      new RegExp(`^error: ${path}:1: header: bad CSV header: got "time,prompt" \\(expected columns TIMESTAMP, ContextTokens, GeneratedTokens \\(missing`),
    );
    expect(await errorOf(() => collect(readAzureLlmTrace('/nonexistent.csv', new ReadSummary('x'))))).toContain('/nonexistent.csv: file not found');
  });
});

describe('Mooncake trace', () => {
  it('reads the real sample with prefix block hashes', async () => {
    const summary = new ReadSummary('mooncake');
    const requests = await collect(readMooncakeTrace(join(samples, 'mooncake', 'conversation_trace.first2000.jsonl.gz'), summary));
    expect(requests).toHaveLength(2000);
    expect(requests[0]).toMatchObject({ arrivalNs: 0, promptTokens: 6758, outputTokens: 500, prefixBlockTokens: 512 });
    // 14 blocks of 512 tokens cover a 6758-token prompt.
    expect(requests[0]!.prefixBlockHashes).toHaveLength(Math.ceil(6758 / 512));
    // Shared first block across conversations: the system prompt (hash 0).
    expect(requests.filter((r) => r.prefixBlockHashes?.[0] === 0).length).toBeGreaterThan(100);
  });

  it('names the line and field of a malformed object', async () => {
    const path = tempFile('m.jsonl', '{"timestamp": 0, "input_length": 10, "output_length": 1, "hash_ids": [1]}\n{"timestamp": 5, "input_length": -3, "output_length": 1}\nnot json\n');
    expect(await errorOf(() => collect(readMooncakeTrace(path, new ReadSummary(path))))).toBe(
      `error: ${path}:2: input_length: malformed row: got "-3" (expected an integer >= 0)`,
    );
    const summary = new ReadSummary(path, 'skip');
    expect(await collect(readMooncakeTrace(path, summary))).toHaveLength(1);
    expect(summary.skipped).toBe(2);
    expect(summary.issues[1]).toMatchObject({ line: 3, field: '(line)', expected: 'one JSON object' });
  });
});

describe('Pollux workload', () => {
  it('reads the real workload #6', async () => {
    const summary = new ReadSummary('pollux');
    const jobs = await collect(readPolluxWorkload(join(samples, 'pollux', 'workload-6.csv'), summary));
    expect(jobs).toHaveLength(160);
    expect(jobs[0]).toEqual({ name: 'cifar10-0', submitNs: 53e9, application: 'cifar10', replicas: 6, batchSize: 2048 });
    expect(new Set(jobs.map((j) => j.application)).size).toBeGreaterThan(3);
  });
});
