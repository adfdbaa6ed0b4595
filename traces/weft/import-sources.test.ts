import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAzureLlmTrace } from '../formats/azure-llm.js';
import { readMooncakeTrace } from '../formats/mooncake.js';
import { ReadSummary } from '../read/read-summary.js';
import { importMachineInventory, importRequestTrace } from './import-sources.js';
import type { TraceRecord } from './records.js';
import { readWeftTrace } from './trace-reader.js';

const samples = join(import.meta.dirname, '..', 'samples');
const dir = mkdtempSync(join(tmpdir(), 'weft-import-'));

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

describe('real samples into trace.proto and back', () => {
  it('a Mooncake request stream keeps every request, with its prefix blocks', async () => {
    const input = join(samples, 'mooncake', 'conversation_trace.first2000.jsonl.gz');
    const out = join(dir, 'mooncake.weft.gz');
    const summary = await importRequestTrace('mooncake', input, out, { id: 'kimi' });
    expect(summary.accepted).toBe(2000);
    const records = await collect(readWeftTrace(out, new ReadSummary(out)));
    expect(records[1]).toEqual({ kind: 'stream', stream: { id: 'kimi', source: 'mooncake', prefixBlockTokens: 512 } });
    const direct = await collect(readMooncakeTrace(input, new ReadSummary(input)));
    const viaTrace = records.slice(2).map((r) => {
      if (r.kind !== 'request') throw new Error(`expected a request, got ${r.kind}`);
      const { stream, ...request } = r.request;
      expect(stream).toBe('kimi');
      return request;
    });
    expect(viaTrace).toEqual(direct);
  });

  it('an Azure LLM request stream keeps exact nanosecond arrivals', async () => {
    const input = join(samples, 'azure2023', 'AzureLLMInferenceTrace_code.csv.gz');
    const out = join(dir, 'azure.weft');
    await importRequestTrace('azure-llm', input, out);
    const viaTrace = (await collect(readWeftTrace(out, new ReadSummary(out)))).flatMap((r) => (r.kind === 'request' ? [r.request] : []));
    const direct = await collect(readAzureLlmTrace(input, new ReadSummary(input)));
    expect(viaTrace.map(({ stream: _s, ...q }) => q)).toEqual(direct);
  });

  it('a machine inventory becomes one cluster description', async () => {
    const input = join(samples, 'alibaba-v2026-spot', 'alibaba_v2026_spot_gpu_node_info_df.csv.gz');
    const out = join(dir, 'spot.weft');
    const summary = await importMachineInventory('alibaba-v2026-spot', input, out);
    const records: TraceRecord[] = await collect(readWeftTrace(out, new ReadSummary(out)));
    expect(records).toHaveLength(2);
    const cluster = records[1]!;
    if (cluster.kind !== 'cluster') throw new Error('expected a cluster');
    expect(cluster.cluster.machines).toHaveLength(summary.accepted);
    expect(summary.accepted).toBe(4278);
  });
});
