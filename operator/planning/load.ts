import { loadProfile, type LoadProfile } from '../../scheduler/index.js';
import { readAzureLlmTrace } from '../../traces/formats/azure-llm.js';
import { ReadSummary } from '../../traces/read/read-summary.js';
import { samplePath } from '../../traces/samples/locate.js';

/** The request-length sample behind a `load` without a trace: the Azure LLM conversation trace (2023), as `weft deploy --load qps=N` uses. */
const LENGTHS_SAMPLE = 'azure2023/AzureLLMInferenceTrace_conv.csv.gz';

let sample: Promise<{ promptTokens: number; outputTokens: number }[]> | undefined;

/** The sample's request lengths, read once per process (a 0-token output counts as one, as the serving simulation does). */
function lengths(): Promise<{ promptTokens: number; outputTokens: number }[]> {
  sample ??= (async () => {
    const path = samplePath(LENGTHS_SAMPLE);
    const out: { promptTokens: number; outputTokens: number }[] = [];
    for await (const r of readAzureLlmTrace(path, new ReadSummary(path))) out.push({ promptTokens: r.promptTokens, outputTokens: Math.max(1, r.outputTokens) });
    return out;
  })();
  return sample;
}

/**
 * The planner's load profile for a CR's `load`: its rate, and request lengths shaped like the
 * Azure conversation sample. When the CR gives mean prompt or output lengths, the sample is
 * scaled so that its mean is the CR's (each length multiplied by the same factor, rounded, at
 * least 1): the spread of real lengths is kept, which the p99s depend on; a constant length
 * would understate them.
 *
 * @example
 * const load = await crLoadProfile({ qps: 40, promptTokens: 1024, outputTokens: 256 });
 */
export async function crLoadProfile(load: { qps: number; promptTokens?: number; outputTokens?: number }): Promise<LoadProfile> {
  const base = await lengths();
  const mean = (key: 'promptTokens' | 'outputTokens'): number => base.reduce((s, r) => s + r[key], 0) / base.length;
  const scale = (key: 'promptTokens' | 'outputTokens', target: number | undefined): number => (target === undefined ? 1 : target / mean(key));
  const p = scale('promptTokens', load.promptTokens);
  const o = scale('outputTokens', load.outputTokens);
  return loadProfile(
    load.qps,
    base.map((r) => ({ promptTokens: Math.max(1, Math.round(r.promptTokens * p)), outputTokens: Math.max(1, Math.round(r.outputTokens * o)) })),
  );
}
