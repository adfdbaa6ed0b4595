import { describe, expect, it } from 'vitest';
import { estimate } from '../../gpu-model/index.js';
import { samplePath } from '../../traces/samples/locate.js';
import { cli } from '../testing/cli-harness.js';

describe('weft model estimate', () => {
  const args = ['model', 'estimate', '--model', 'llama-2-70b', '--gpu', 'h100-sxm', '--tp', '4', '--prompt', '2048', '--batch', '8'];

  it('prints the same figures as gpu-model estimate, as JSON', async () => {
    const { code, out } = await cli([...args, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(estimate({ model: 'llama-2-70b', gpu: 'h100-sxm', tp: 4, promptTokens: 2048, batch: 8, outputTokens: 128, precision: 'bf16', kvCachePrecision: 'bf16' }))));
  });

  it('prints a table with prefill, decode, KV capacity and fit', async () => {
    const { code, out } = await cli(args);
    expect(code).toBe(0);
    for (const label of ['prefill of the batch', 'decode per token', 'KV-cache capacity (tokens)', 'weights per GPU', 'fits']) expect(out).toContain(label);
  });

  it('exits 2 with the reason when the configuration does not fit, still printing the JSON estimate', async () => {
    const { code, out, err } = await cli(['model', 'estimate', '--model', 'llama-3-70b', '--gpu', 'l40s', '--prompt', '128', '--json']);
    expect(code).toBe(2);
    expect((JSON.parse(out) as { fits: boolean }).fits).toBe(false);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/does not fit: .*exceed the usable/);
  });

  it('exits 2 with one line naming the flag for bad input', async () => {
    const unknown = await cli(['model', 'estimate', '--model', 'llama-9', '--gpu', 'h100-sxm', '--prompt', '1']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/--model.*llama-9/);
    const missing = await cli(['model', 'estimate', '--model', 'llama-3-8b', '--gpu', 'h100-sxm']);
    expect(missing.err).toMatch(/--prompt/);
    const tp = await cli(['model', 'estimate', '--model', 'llama-3-8b', '--gpu', 'h100-sxm', '--prompt', '1', '--tp', '3']);
    expect(tp.code).toBe(2);
    expect(tp.err).toMatch(/tp=3 does not divide/);
    expect((await cli(['model', 'frobnicate'])).code).toBe(2);
  });
});

describe('weft model list and weft gpu list', () => {
  it('list the catalogs with their sources', async () => {
    const models = await cli(['model', 'list']);
    expect(models.code).toBe(0);
    expect(models.out).toContain('deepseek-v3');
    expect(models.out).toContain('huggingface.co');
    const gpus = await cli(['gpu', 'list', '--json']);
    expect(gpus.code).toBe(0);
    const rows = JSON.parse(gpus.out) as { name: string; sources: { compute: string } }[];
    expect(rows.map((r) => r.name)).toContain('h100-sxm');
    for (const r of rows) expect(r.sources.compute.length).toBeGreaterThan(10);
    expect((await cli(['gpu', 'lst'])).code).toBe(2);
  });
});

describe('weft model serve', () => {
  it('replays a trace deterministically for a seed, as JSON', async () => {
    const args = ['model', 'serve', '--model', 'qwen2.5-7b', '--gpu', 'h100-sxm', '--trace', samplePath('azure2023/AzureLLMInferenceTrace_code.csv.gz'), '--requests', '200', '--json'];
    const a = await cli(args);
    expect(a.code).toBe(0);
    const b = await cli(args);
    expect(b.out).toBe(a.out);
    const result = JSON.parse(a.out) as { summary: { requests: number; ttft: { p50Ns: number } } };
    expect(result.summary.requests).toBe(200);
    expect(result.summary.ttft.p50Ns).toBeGreaterThan(0);
  });

  it('exits 3 when the SLO is missed and 0 when it is met', async () => {
    const base = ['model', 'serve', '--model', 'llama-3-8b', '--gpu', 'h100-sxm', '--rate', '5', '--requests', '100', '--prompt', '500', '--output', '20'];
    const met = await cli([...base, '--slo', 'ttft-p99=10s']);
    expect(met.code).toBe(0);
    expect(met.out).toContain('TTFT');
    const missed = await cli([...base, '--slo', 'ttft-p99=1us']);
    expect(missed.code).toBe(3);
    expect(missed.err).toContain('SLO missed: ttft-p99');
  });

  it('rejects a bad trace name, routing policy or disaggregation with exit 2', async () => {
    const base = ['model', 'serve', '--model', 'llama-3-8b', '--gpu', 'h100-sxm'];
    expect((await cli([...base, '--trace', 'x.parquet'])).err).toMatch(/--trace/);
    expect((await cli([...base, '--routing', 'random'])).code).toBe(2);
    expect((await cli([...base, '--disaggregate', '2-2'])).err).toMatch(/--disaggregate/);
  });
});
