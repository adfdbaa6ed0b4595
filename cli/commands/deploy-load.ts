import { badInput } from '../../core/errors.js';
import type { InferenceRequest } from '../../fabric-sim/workload/inference-request.js';
import { loadProfile, type LoadProfile } from '../../scheduler/planner/index.js';
import { readAzureLlmTrace } from '../../traces/formats/azure-llm.js';
import { readMooncakeTrace } from '../../traces/formats/mooncake.js';
import { ReadSummary } from '../../traces/read/read-summary.js';
import { samplePath } from '../../traces/samples/locate.js';

/** The built-in request-length sample behind `--load qps=N`: the Azure LLM conversation trace (2023). */
export const DEFAULT_LENGTHS_SAMPLE = 'azure2023/AzureLLMInferenceTrace_conv.csv.gz';

async function readTrace(path: string, field: string): Promise<InferenceRequest[]> {
  const summary = new ReadSummary(path);
  let stream: AsyncIterable<InferenceRequest>;
  if (/\.csv(\.gz)?$/i.test(path)) stream = readAzureLlmTrace(path, summary);
  else if (/\.jsonl(\.gz)?$/i.test(path)) stream = readMooncakeTrace(path, summary);
  else throw badInput('unrecognised trace format', { field, value: path, expected: 'an Azure LLM .csv or a Mooncake .jsonl file (optionally .gz), or qps=<rate>' });
  const requests: InferenceRequest[] = [];
  for await (const request of stream) {
    // A trace's 0-token output is served as one token, as the serving simulation does.
    requests.push({ ...request, outputTokens: Math.max(1, request.outputTokens) });
  }
  if (requests.length < 2) throw badInput('trace has too few requests to estimate a rate', { field, value: path, expected: 'at least 2 requests' });
  return requests;
}

/**
 * `--load qps=40` (lengths from the built-in Azure conversation sample) or `--load <trace>` (its
 * own rate and lengths).
 */
export async function parseLoad(text: string, field = '--load'): Promise<{ load: LoadProfile; source: string }> {
  const qps = /^qps=(\d+(?:\.\d+)?)$/.exec(text.trim());
  if (qps !== null) {
    const rate = Number(qps[1]);
    if (!(rate > 0)) throw badInput('request rate must be positive', { field, value: text, expected: 'qps=<requests per second> with a rate > 0' });
    const sample = await readTrace(samplePath(DEFAULT_LENGTHS_SAMPLE), field);
    return { load: loadProfile(rate, sample), source: `${rate} req/s, lengths from the Azure LLM conversation trace sample (${sample.length} requests)` };
  }
  if (text.includes('=')) throw badInput('malformed load', { field, value: text, expected: 'qps=<requests per second> or a trace file' });
  const requests = await readTrace(text, field);
  const spanNs = requests[requests.length - 1]!.arrivalNs - requests[0]!.arrivalNs;
  if (!(spanNs > 0)) throw badInput('trace arrivals span no time', { field, value: text, expected: 'requests arriving over a positive time span' });
  const rate = ((requests.length - 1) / spanNs) * 1e9;
  return { load: loadProfile(rate, requests), source: `${text}: ${requests.length} requests, ${rate.toFixed(2)} req/s` };
}
