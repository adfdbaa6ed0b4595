/**
 * Flat rows of the two catalogs with their sources, in display units, for `weft gpu list` and
 * `weft model list` (and their `--json`). Display only: cost functions use the specs themselves.
 */
import { allGpus } from './gpu-catalog.js';
import { allModels } from './model-catalog.js';
import { paramCounts } from './model-params.js';

/** One GPU in display units (TFLOP/s, GB, GB/s per direction, USD per GPU-hour). */
export interface GpuRow {
  readonly name: string;
  readonly displayName: string;
  readonly bf16DenseTflops: number;
  readonly fp8DenseTflops: number | null;
  readonly hbmGB: number;
  readonly hbmBandwidthGBps: number;
  readonly nvlinkGBpsPerDirection: number;
  readonly nvlinkDomainSize: number;
  readonly pcieGBpsPerDirection: number;
  readonly pricePerGpuHourUsd: number;
  readonly approximate: boolean;
  readonly sources: { readonly compute: string; readonly memory: string; readonly interconnect: string; readonly price: string };
}

/** One model in display units (parameters in billions). */
export interface ModelRow {
  readonly name: string;
  readonly displayName: string;
  readonly layers: number;
  readonly hidden: number;
  readonly heads: number;
  /** KV heads for GQA; null for MLA (which caches a latent instead). */
  readonly kvHeads: number | null;
  readonly attention: 'gqa' | 'mla';
  /** Dense FFN width, or the expert width for MoE. */
  readonly ffn: number;
  readonly vocab: number;
  readonly experts: number | null;
  readonly topK: number | null;
  readonly sharedExperts: number | null;
  readonly totalParamsB: number;
  readonly activeParamsB: number;
  readonly source: string;
}

const round = (x: number, digits: number): number => Number(x.toFixed(digits));

/** The GPU catalog as rows. */
export function gpuRows(): GpuRow[] {
  return allGpus().map((g) => ({
    name: g.name,
    displayName: g.displayName,
    bf16DenseTflops: round(g.bf16FlopsPerSec / 1e12, 2),
    fp8DenseTflops: g.fp8FlopsPerSec === undefined ? null : round(g.fp8FlopsPerSec / 1e12, 2),
    hbmGB: round(g.hbmBytes / 1e9, 1),
    hbmBandwidthGBps: round(g.hbmBandwidthBytesPerSec / 1e9, 0),
    nvlinkGBpsPerDirection: round(g.nvlinkBandwidthBytesPerSecPerDirection / 1e9, 0),
    nvlinkDomainSize: g.nvlinkDomainSize,
    pcieGBpsPerDirection: round(g.pcieBandwidthBytesPerSecPerDirection / 1e9, 0),
    pricePerGpuHourUsd: g.pricePerGpuHourUsd,
    approximate: g.approximate,
    sources: { ...g.sources },
  }));
}

/** The model catalog as rows, with derived parameter counts. */
export function modelRows(): ModelRow[] {
  return allModels().map((m) => {
    const p = paramCounts(m);
    const moe = m.ffn.kind === 'moe' ? m.ffn : undefined;
    return {
      name: m.name,
      displayName: m.displayName,
      layers: m.layers,
      hidden: m.hidden,
      heads: m.attention.heads,
      kvHeads: m.attention.kind === 'gqa' ? m.attention.kvHeads : null,
      attention: m.attention.kind,
      ffn: m.ffn.kind === 'dense' ? m.ffn.intermediate : m.ffn.expertIntermediate,
      vocab: m.vocab,
      experts: moe?.experts ?? null,
      topK: moe?.topK ?? null,
      sharedExperts: moe?.sharedExperts ?? null,
      totalParamsB: round(p.total / 1e9, 2),
      activeParamsB: round(p.active / 1e9, 2),
      source: m.source,
    };
  });
}
