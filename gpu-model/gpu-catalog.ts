/**
 * GPU catalog: the accelerator as hardware, one entry per GPU type, every figure traceable to a
 * vendor document named in `sources`. All FLOP/s figures are DENSE (vendor datasheets print the
 * 2:4-sparsity figure first; dense is exactly half of it). Bandwidths are bytes per second PER
 * DIRECTION (vendors print NVLink and PCIe as the bidirectional sum; per direction is half).
 */
import { badInput } from '../core/errors.js';

/** Where each group of figures of a GPU entry comes from. */
export interface GpuSources {
  /** Dense bf16 / fp8 tensor-core throughput. */
  readonly compute: string;
  /** HBM (or GDDR) capacity and bandwidth. */
  readonly memory: string;
  /** NVLink (or equivalent) bandwidth and domain size, and PCIe. */
  readonly interconnect: string;
  /** The default price per GPU-hour. */
  readonly price: string;
}

/** One GPU type. Invariant: every number is finite and non-negative; flops and memory positive. */
export interface GpuSpec {
  /** Catalog key, lower-case, for example `h100-sxm`. */
  readonly name: string;
  /** Human-readable name. */
  readonly displayName: string;
  /** Dense bf16 tensor-core peak, FLOP/s. */
  readonly bf16FlopsPerSec: number;
  /** Dense fp8 tensor-core peak, FLOP/s; undefined where the GPU has no fp8 tensor cores. */
  readonly fp8FlopsPerSec: number | undefined;
  /** Device memory capacity, bytes (decimal GB as the vendor prints them). */
  readonly hbmBytes: number;
  /** Peak device memory bandwidth, bytes/s. */
  readonly hbmBandwidthBytesPerSec: number;
  /** NVLink (or vendor equivalent) bandwidth per GPU per direction, bytes/s; 0 without NVLink. */
  readonly nvlinkBandwidthBytesPerSecPerDirection: number;
  /** GPUs reachable over NVLink at full bandwidth (one HGX board); 1 without NVLink. */
  readonly nvlinkDomainSize: number;
  /** Host PCIe bandwidth per GPU per direction, bytes/s. */
  readonly pcieBandwidthBytesPerSecPerDirection: number;
  /** Price per GPU-hour in US dollars, for cost comparisons; override with {@link withPrice}. */
  readonly pricePerGpuHourUsd: number;
  /** True where the vendor publishes no full datasheet and figures come from secondary reports. */
  readonly approximate: boolean;
  readonly sources: GpuSources;
}

const T = 1e12;
const G = 1e9;

/**
 * Default prices: representative 2025 on-demand cloud list prices per GPU-hour. They are
 * assumptions for relative cost comparisons only, not quotes; pass real prices with
 * {@link withPrice} or the `pricePerGpuHourUsd` override of {@link getGpu}.
 */
const PRICE_SOURCE =
  'assumed representative on-demand cloud price (2025 list prices of GPU clouds such as Lambda, ' +
  'https://lambda.ai/pricing); configurable, not a quote';

const A100_DATASHEET =
  'NVIDIA A100 Tensor Core GPU datasheet (A100 80GB SXM column), ' +
  'https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf';
const H100_DATASHEET =
  'NVIDIA H100 Tensor Core GPU datasheet (H100 SXM column), ' +
  'https://resources.nvidia.com/en-us-tensor-core/nvidia-tensor-core-gpu-datasheet';
const H200_DATASHEET =
  'NVIDIA H200 Tensor Core GPU datasheet / product page (H200 SXM column), ' +
  'https://www.nvidia.com/en-us/data-center/h200/';
const B200_DATASHEET =
  'NVIDIA HGX B200 specifications (8-GPU board figures divided by 8), ' +
  'https://www.nvidia.com/en-us/data-center/hgx/ and NVIDIA Blackwell datasheet';
const L40S_DATASHEET =
  'NVIDIA L40S datasheet, https://resources.nvidia.com/en-us-l40s/l40s-datasheet-28413';

const CATALOG: readonly GpuSpec[] = [
  {
    name: 'a100-80g-sxm',
    displayName: 'NVIDIA A100 80GB SXM',
    // Datasheet: BF16 Tensor Core 312 TFLOPS (624 with sparsity). No fp8.
    bf16FlopsPerSec: 312 * T,
    fp8FlopsPerSec: undefined,
    // Datasheet: 80GB HBM2e, 2,039 GB/s.
    hbmBytes: 80 * G,
    hbmBandwidthBytesPerSec: 2039 * G,
    // Datasheet: NVLink 600 GB/s (bidirectional), PCIe Gen4 64 GB/s (bidirectional); HGX A100 8-GPU.
    nvlinkBandwidthBytesPerSecPerDirection: 300 * G,
    nvlinkDomainSize: 8,
    pcieBandwidthBytesPerSecPerDirection: 32 * G,
    pricePerGpuHourUsd: 1.8,
    approximate: false,
    sources: { compute: A100_DATASHEET, memory: A100_DATASHEET, interconnect: A100_DATASHEET, price: PRICE_SOURCE },
  },
  {
    name: 'h100-sxm',
    displayName: 'NVIDIA H100 SXM 80GB',
    // Datasheet: BF16 1,979 TFLOPS and FP8 3,958 TFLOPS, both "with sparsity"; dense is half.
    bf16FlopsPerSec: 989.5 * T,
    fp8FlopsPerSec: 1979 * T,
    // Datasheet: 80GB HBM3, 3.35 TB/s.
    hbmBytes: 80 * G,
    hbmBandwidthBytesPerSec: 3350 * G,
    // Datasheet: NVLink 900 GB/s (bidirectional), PCIe Gen5 128 GB/s (bidirectional); HGX H100 8-GPU.
    nvlinkBandwidthBytesPerSecPerDirection: 450 * G,
    nvlinkDomainSize: 8,
    pcieBandwidthBytesPerSecPerDirection: 64 * G,
    pricePerGpuHourUsd: 2.5,
    approximate: false,
    sources: { compute: H100_DATASHEET, memory: H100_DATASHEET, interconnect: H100_DATASHEET, price: PRICE_SOURCE },
  },
  {
    name: 'h200-sxm',
    displayName: 'NVIDIA H200 SXM 141GB',
    // Same GH100 compute as H100 SXM: BF16 1,979 / FP8 3,958 TFLOPS with sparsity.
    bf16FlopsPerSec: 989.5 * T,
    fp8FlopsPerSec: 1979 * T,
    // Datasheet: 141GB HBM3e, 4.8 TB/s.
    hbmBytes: 141 * G,
    hbmBandwidthBytesPerSec: 4800 * G,
    // Datasheet: NVLink 900 GB/s, PCIe Gen5 128 GB/s (both bidirectional); HGX H200 8-GPU.
    nvlinkBandwidthBytesPerSecPerDirection: 450 * G,
    nvlinkDomainSize: 8,
    pcieBandwidthBytesPerSecPerDirection: 64 * G,
    pricePerGpuHourUsd: 3.2,
    approximate: false,
    sources: { compute: H200_DATASHEET, memory: H200_DATASHEET, interconnect: H200_DATASHEET, price: PRICE_SOURCE },
  },
  {
    name: 'b200',
    displayName: 'NVIDIA B200 SXM 180GB',
    // HGX B200: FP8 72 PFLOPS and BF16 36 PFLOPS for 8 GPUs, both with sparsity -> 4.5 / 2.25 PFLOPS dense per GPU.
    bf16FlopsPerSec: 2250 * T,
    fp8FlopsPerSec: 4500 * T,
    // HGX B200: 1.44 TB HBM3e (180 GB per GPU, as MLPerf Inference v6.0 system descriptions list
    // "NVIDIA B200-SXM-180GB") and 64 TB/s (8 TB/s per GPU). A measurement of the bus width
    // (pytorch/ao PR #4002) suggests 7.68 TB/s is the real peak; the datasheet figure is kept.
    hbmBytes: 180 * G,
    hbmBandwidthBytesPerSec: 8000 * G,
    // Fifth-generation NVLink 1.8 TB/s per GPU (bidirectional; 14.4 TB/s for 8 GPUs); PCIe Gen5 x16.
    nvlinkBandwidthBytesPerSecPerDirection: 900 * G,
    nvlinkDomainSize: 8,
    pcieBandwidthBytesPerSecPerDirection: 64 * G,
    pricePerGpuHourUsd: 4.6,
    approximate: false,
    sources: {
      compute: B200_DATASHEET,
      memory: `${B200_DATASHEET}; MLPerf Inference v6.0 system description nebius_b200_n1.json (180 GB HBM3e)`,
      interconnect: `${B200_DATASHEET}; MLPerf Inference v6.0 nebius_b200_n1.json (18x NVLink5, 14.4 TB/s aggregate, PCIe Gen5 x16)`,
      price: PRICE_SOURCE,
    },
  },
  {
    name: 'l40s',
    displayName: 'NVIDIA L40S 48GB (PCIe)',
    // Datasheet: BF16 362.05 TFLOPS (733 with sparsity); FP8 733 TFLOPS (1,466 with sparsity).
    bf16FlopsPerSec: 362.05 * T,
    fp8FlopsPerSec: 733 * T,
    // Datasheet: 48GB GDDR6 with ECC, 864 GB/s.
    hbmBytes: 48 * G,
    hbmBandwidthBytesPerSec: 864 * G,
    // Datasheet: no NVLink; PCIe Gen4 x16, 64 GB/s bidirectional.
    nvlinkBandwidthBytesPerSecPerDirection: 0,
    nvlinkDomainSize: 1,
    pcieBandwidthBytesPerSecPerDirection: 32 * G,
    pricePerGpuHourUsd: 1.0,
    approximate: false,
    sources: { compute: L40S_DATASHEET, memory: L40S_DATASHEET, interconnect: L40S_DATASHEET, price: PRICE_SOURCE },
  },
  {
    name: 'ascend-910b',
    displayName: 'Huawei Ascend 910B (approximate)',
    // APPROXIMATE: Huawei publishes no per-chip datasheet for the 910B. ~320 TFLOPS fp16/bf16 dense
    // (910B3-class), no fp8, 64 GB HBM2e at ~1.6 TB/s, HCCS ~392 GB/s aggregate in an 8-NPU
    // Atlas 800T A2 server, PCIe Gen5 x16. Treat as order-of-magnitude figures.
    bf16FlopsPerSec: 320 * T,
    fp8FlopsPerSec: undefined,
    hbmBytes: 64 * G,
    hbmBandwidthBytesPerSec: 1600 * G,
    nvlinkBandwidthBytesPerSecPerDirection: 196 * G,
    nvlinkDomainSize: 8,
    pcieBandwidthBytesPerSecPerDirection: 64 * G,
    pricePerGpuHourUsd: 1.5,
    approximate: true,
    sources: {
      compute: 'APPROXIMATE: secondary reports of Ascend 910B (910B3) fp16 throughput; no vendor datasheet',
      memory: 'APPROXIMATE: secondary reports (64 GB HBM2e, ~1.6 TB/s); no vendor datasheet',
      interconnect: 'APPROXIMATE: Huawei Atlas 800T A2 server description (8 NPUs, HCCS full mesh); per-direction figure inferred',
      price: PRICE_SOURCE,
    },
  },
];

const BY_NAME = new Map(CATALOG.map((gpu) => [gpu.name, gpu]));

/** Catalog keys, in catalog order. */
export function gpuNames(): string[] {
  return CATALOG.map((gpu) => gpu.name);
}

/**
 * The catalog key of a cluster's GPU type name: the key itself, or the one key it prefixes
 * (`h100` -> `h100-sxm`); undefined when it names none or several.
 */
export function catalogGpuFor(clusterType: string): string | undefined {
  const type = clusterType.trim().toLowerCase();
  const names = gpuNames();
  if (names.includes(type)) return type;
  const matches = names.filter((name) => name.startsWith(`${type}-`));
  return matches.length === 1 ? matches[0] : undefined;
}

/** Every catalog entry, in catalog order. */
export function allGpus(): readonly GpuSpec[] {
  return CATALOG;
}

/** Options of {@link getGpu}. */
export interface GetGpuOptions {
  /** Replaces the default price per GPU-hour. */
  readonly pricePerGpuHourUsd?: number;
  /** Field name to report in errors, for example `--gpu`. */
  readonly field?: string;
}

/**
 * The catalog entry for `name` (case-insensitive).
 * @throws WeftError BAD_INPUT naming the valid GPU types when `name` is unknown.
 */
export function getGpu(name: string, options: GetGpuOptions = {}): GpuSpec {
  const gpu = BY_NAME.get(name.trim().toLowerCase());
  if (gpu === undefined) {
    throw badInput(`unknown GPU type "${name}"`, {
      field: options.field ?? 'gpu',
      value: name,
      expected: `one of: ${gpuNames().join(', ')}`,
    });
  }
  return options.pricePerGpuHourUsd === undefined ? gpu : withPrice(gpu, options.pricePerGpuHourUsd);
}

/**
 * A copy of `gpu` with another price per GPU-hour.
 * @throws WeftError BAD_INPUT when the price is negative or not finite.
 */
export function withPrice(gpu: GpuSpec, pricePerGpuHourUsd: number): GpuSpec {
  if (!Number.isFinite(pricePerGpuHourUsd) || pricePerGpuHourUsd < 0) {
    throw badInput('invalid price per GPU-hour', {
      field: 'pricePerGpuHourUsd',
      value: pricePerGpuHourUsd,
      expected: 'a finite non-negative number of US dollars',
    });
  }
  return { ...gpu, pricePerGpuHourUsd, sources: { ...gpu.sources, price: 'configured by the user' } };
}

/** Peak dense tensor-core FLOP/s for a compute precision; fp8 falls back to bf16 where absent. */
export function peakFlopsPerSec(gpu: GpuSpec, compute: 'bf16' | 'fp8'): number {
  return compute === 'fp8' && gpu.fp8FlopsPerSec !== undefined ? gpu.fp8FlopsPerSec : gpu.bf16FlopsPerSec;
}
