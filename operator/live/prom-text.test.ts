import { describe, expect, it } from 'vitest';
import { histogramDelta, histogramOf, histogramQuantile, fractionBelow, sumOf } from './histogram.js';
import { parsePromText } from './prom-text.js';
import { FakeVllm, VLLM_TTFT_BUCKETS } from '../testing/fake-vllm.js';

/** vLLM's exposition as its server writes it (label order le first, floats with .0), shortened. */
const VLLM_TEXT = `# HELP vllm:num_requests_waiting Number of requests waiting to be processed.
# TYPE vllm:num_requests_waiting gauge
vllm:num_requests_waiting{model_name="meta-llama/Meta-Llama-3-8B-Instruct"} 3.0
# HELP vllm:time_to_first_token_seconds Histogram of time to first token in seconds.
# TYPE vllm:time_to_first_token_seconds histogram
vllm:time_to_first_token_seconds_sum{model_name="meta-llama/Meta-Llama-3-8B-Instruct"} 12.5
vllm:time_to_first_token_seconds_bucket{le="0.1",model_name="meta-llama/Meta-Llama-3-8B-Instruct"} 40.0
vllm:time_to_first_token_seconds_bucket{le="0.25",model_name="meta-llama/Meta-Llama-3-8B-Instruct"} 90.0
vllm:time_to_first_token_seconds_bucket{le="0.5",model_name="meta-llama/Meta-Llama-3-8B-Instruct"} 100.0
vllm:time_to_first_token_seconds_bucket{le="+Inf",model_name="meta-llama/Meta-Llama-3-8B-Instruct"} 100.0
vllm:time_to_first_token_seconds_count{model_name="meta-llama/Meta-Llama-3-8B-Instruct"} 100.0
odd_metric{path="C:\\\\dir\\"x\\"\\nend"} -Inf 1700000000000
`;

describe('Prometheus text format', () => {
  it("parses vLLM's exposition: labels, escapes, floats, timestamps, comments", () => {
    const samples = parsePromText(VLLM_TEXT);
    expect(sumOf(samples, 'vllm:num_requests_waiting')).toBe(3);
    expect(samples.find((s) => s.name === 'odd_metric')).toEqual({ name: 'odd_metric', labels: { path: 'C:\\dir"x"\nend' }, value: -Infinity });
    const h = histogramOf(samples, 'vllm:time_to_first_token_seconds')!;
    expect(h).toEqual({ bounds: [0.1, 0.25, 0.5, Infinity], counts: [40, 90, 100, 100], sum: 12.5 });
    // Rank 99 of 100 lies in (0.25, 0.5] holding 10: 0.25 + 0.25 * (99 - 90) / 10.
    expect(histogramQuantile(0.99, h)).toBeCloseTo(0.475, 12);
    // Rank 50 in (0.1, 0.25] holding 50: 0.1 + 0.15 * 10 / 50.
    expect(histogramQuantile(0.5, h)).toBeCloseTo(0.13, 12);
    // 40 at or below 0.1, plus 50 x (0.2 - 0.1) / 0.15 of the next bucket.
    expect(fractionBelow(0.2, h)).toBeCloseTo((40 + (50 * 0.1) / 0.15) / 100, 12);
  });

  it('rejects what is not an exposition, naming the line', () => {
    expect(() => parsePromText('<html>\n')).toThrow(/metrics line 1: expected a metric name/);
    expect(() => parsePromText('ok 1\nbad{x="1} 2\n')).toThrow(/metrics line 2: unterminated label value/);
    expect(() => parsePromText('m{a="1"} twelve\n')).toThrow(/metrics line 1: bad value twelve/);
  });

  it('a rank in the +Inf bucket gives the highest finite bound; an empty histogram has no quantile', () => {
    expect(histogramQuantile(0.99, { bounds: [1, 2, Infinity], counts: [0, 0, 5], sum: 50 })).toBe(2);
    expect(histogramQuantile(0.99, { bounds: [1, Infinity], counts: [0, 0], sum: 0 })).toBeUndefined();
  });

  it('deltas between scrapes count only the new observations; a counter reset takes the later scrape whole', () => {
    const a = { bounds: [1, Infinity], counts: [10, 12], sum: 9 };
    const b = { bounds: [1, Infinity], counts: [15, 20], sum: 20 };
    expect(histogramDelta(b, a)).toEqual({ bounds: [1, Infinity], counts: [5, 8], sum: 11 });
    const restarted = { bounds: [1, Infinity], counts: [1, 1], sum: 0.5 };
    expect(histogramDelta(restarted, b)).toBe(restarted);
  });

  it("prom-client's rendering of real observations: the p99 lies in the bucket of the exact p99, interpolated as PromQL does", async () => {
    const vllm = new FakeVllm();
    // A deterministic spread: 1000 TTFTs from 1 ms to 1 s (k^2 / 1e6 s).
    const ttfts = Array.from({ length: 1000 }, (_, k) => ((k + 1) * (k + 1)) / 1e6);
    for (const t of ttfts) vllm.observe(t, 0.02);
    const h = histogramOf(parsePromText(await vllm.registry.metrics()), 'vllm:time_to_first_token_seconds')!;
    expect(h.counts[h.counts.length - 1]).toBe(1000);
    const exact = ttfts[989]!; // nearest rank 990 of 1000
    const p99 = histogramQuantile(0.99, h)!;
    const bucket = VLLM_TTFT_BUCKETS.findIndex((b) => b >= exact);
    expect(p99).toBeGreaterThan(VLLM_TTFT_BUCKETS[bucket - 1]!);
    expect(p99).toBeLessThanOrEqual(VLLM_TTFT_BUCKETS[bucket]!);
    // Closed form: rank 990 among the counts at the bucket's edges.
    const lower = VLLM_TTFT_BUCKETS[bucket - 1]!;
    const upper = VLLM_TTFT_BUCKETS[bucket]!;
    const below = ttfts.filter((t) => t <= lower).length;
    const inside = ttfts.filter((t) => t > lower && t <= upper).length;
    expect(p99).toBeCloseTo(lower + ((upper - lower) * (990 - below)) / inside, 12);
  });
});
