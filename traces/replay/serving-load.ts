import { loadProfile, type LoadProfile } from '../../scheduler/planner/index.js';
import { readAzureLlmTrace } from '../formats/azure-llm.js';
import { ReadSummary } from '../read/read-summary.js';
import { samplePath } from '../samples/locate.js';

/** The request lengths serving deployments draw from by default: the Azure LLM conversation trace sample (2023), as `weft deploy --load qps=N`. */
export const DEFAULT_REQUEST_LENGTHS_SAMPLE = 'azure2023/AzureLLMInferenceTrace_conv.csv.gz';

/** Prompt and output lengths of the default sample (its rate is not used: 1 req/s). */
export async function defaultRequestLengths(): Promise<LoadProfile> {
  const path = samplePath(DEFAULT_REQUEST_LENGTHS_SAMPLE);
  const requests: { promptTokens: number; outputTokens: number }[] = [];
  for await (const r of readAzureLlmTrace(path, new ReadSummary(path))) {
    // A 0-token output is served as one token, as the serving simulation does.
    requests.push({ promptTokens: r.promptTokens, outputTokens: Math.max(1, r.outputTokens) });
  }
  return loadProfile(1, requests);
}
