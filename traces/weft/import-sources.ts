import { readAzureLlmTrace } from '../formats/azure-llm.js';
import { readAlibabaV2020Machines, readAlibabaV2026SpotNodes, type MachineRecord } from '../formats/machine-inventory.js';
import { MOONCAKE_BLOCK_TOKENS, readMooncakeTrace } from '../formats/mooncake.js';
import { ReadSummary, type MalformedRowPolicy } from '../read/read-summary.js';
import { TraceWriter } from './trace-writer.js';

/** Public request-trace formats that convert to a Weft request stream. */
export const REQUEST_TRACE_FORMATS = ['azure-llm', 'mooncake'] as const;
export type RequestTraceFormat = (typeof REQUEST_TRACE_FORMATS)[number];

/** Public machine inventories that convert to a Weft cluster description. */
export const INVENTORY_FORMATS = ['alibaba-v2020', 'alibaba-v2026-spot'] as const;
export type InventoryFormat = (typeof INVENTORY_FORMATS)[number];

const ATTRIBUTION: Record<RequestTraceFormat | InventoryFormat, string> = {
  'azure-llm': 'Azure LLM inference trace 2023 (Azure/AzurePublicDataset, CC BY 4.0), Patel et al., ISCA 2024',
  mooncake: 'Mooncake traces (kvcache-ai/Mooncake FAST25-release, Apache-2.0), Qin et al., FAST 2025',
  'alibaba-v2020': 'Alibaba PAI cluster-trace-gpu-v2020 (alibaba/clusterdata, CC BY 4.0), Weng et al., NSDI 2022',
  'alibaba-v2026-spot': 'Alibaba cluster-trace-v2026-spot-gpu (alibaba/clusterdata), ASPLOS 2026',
};

/** Options of the imports below. */
export interface ImportOptions {
  policy?: MalformedRowPolicy;
  /** Trace name in the header (default: the input path). */
  name?: string;
  /** Id of the request stream or name of the cluster (default: the format name). */
  id?: string;
}

/**
 * Converts a public request trace (Azure LLM CSV or Mooncake JSONL) into a Weft trace holding
 * one request stream, streaming row by row. Returns the read summary (rows, skips with reasons).
 * On error no output file is created.
 */
export async function importRequestTrace(format: RequestTraceFormat, input: string, output: string, options: ImportOptions = {}): Promise<ReadSummary> {
  const summary = new ReadSummary(input, options.policy ?? 'error');
  const id = options.id ?? format;
  const writer = await TraceWriter.open(output, { name: options.name ?? input, source: format, attribution: ATTRIBUTION[format] });
  try {
    await writer.write({ kind: 'stream', stream: { id, source: format, prefixBlockTokens: format === 'mooncake' ? MOONCAKE_BLOCK_TOKENS : 0 } });
    const requests = format === 'mooncake' ? readMooncakeTrace(input, summary) : readAzureLlmTrace(input, summary);
    for await (const request of requests) await writer.write({ kind: 'request', request: { ...request, stream: id } });
  } catch (error) {
    await writer.abort();
    throw error;
  }
  await writer.close();
  return summary;
}

/**
 * Converts a public machine inventory into a Weft trace holding one cluster description. The
 * machines are held in memory (one record), which inventories of thousands of machines allow.
 */
export async function importMachineInventory(format: InventoryFormat, input: string, output: string, options: ImportOptions = {}): Promise<ReadSummary> {
  const summary = new ReadSummary(input, options.policy ?? 'error');
  const machines: MachineRecord[] = [];
  const rows = format === 'alibaba-v2020' ? readAlibabaV2020Machines(input, summary) : readAlibabaV2026SpotNodes(input, summary);
  for await (const machine of rows) machines.push(machine);
  const writer = await TraceWriter.open(output, { name: options.name ?? input, source: format, attribution: ATTRIBUTION[format] });
  try {
    await writer.write({ kind: 'cluster', cluster: { name: options.id ?? format, machines } });
  } catch (error) {
    await writer.abort();
    throw error;
  }
  await writer.close();
  return summary;
}
