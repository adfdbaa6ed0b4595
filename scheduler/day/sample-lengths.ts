import { readAzureLlmTrace } from '../../traces/formats/azure-llm.js';
import { ReadSummary } from '../../traces/read/read-summary.js';
import { samplePath } from '../../traces/samples/locate.js';
import type { LengthSamples } from './default-day.js';

/**
 * The prompt and output lengths of a shipped Azure LLM inference trace (Splitwise, ISCA'24;
 * CC BY 4.0), as the day's deployments resample them. A zero-token output counts as one token:
 * every request produces at least its first token.
 * @param relative path under `traces/samples/`, e.g. `azure2023/AzureLLMInferenceTrace_conv.csv.gz`
 * @param source how reports name the trace (the request count is appended)
 */
export async function loadSampleLengths(relative: string, source = relative): Promise<LengthSamples> {
  const path = samplePath(relative);
  const samples: { promptTokens: number; outputTokens: number }[] = [];
  for await (const r of readAzureLlmTrace(path, new ReadSummary(path))) samples.push({ promptTokens: r.promptTokens, outputTokens: Math.max(1, r.outputTokens) });
  return { samples, source: `${source} (${samples.length.toLocaleString('en-US')} requests)` };
}
