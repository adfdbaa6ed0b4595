/**
 * Measured all-reduce time against message size inside one 8-GPU NVSwitch server, as published
 * data (no code) from Vidur's network profiles. Each point is one row of the profile: the median
 * of the profiler's repetitions of a torch.distributed (NCCL) all-reduce of `bytes` on each of
 * `gpus` GPUs of one server. The profile rows are 8 KiB apart below 1 MiB and 32-128 KiB apart
 * above; the points kept here are the rows at the sizes the cost model needs (a small message,
 * 1, 2, 4 or 8 MiB, and the largest measured, 64 MiB), copied as they are.
 *
 * Observed shape, which the alpha-beta model cannot express: below ~4 MiB the time is a flat
 * 30-70 us floor (launch, synchronisation and protocol latency; bimodal run to run), about 2-5x the
 * 5 us + 0.5 us/step of `nvlinkAlphaBetaCollectives`; above it the time grows at an effective
 * bandwidth below the NVLink figure (64 MiB over 8 H100: 322 us, ~208 GB/s algorithm bandwidth).
 */

/** One measured all-reduce: `bytes` per GPU over `gpus` GPUs took `timeUs` (median). */
export interface AllReducePoint {
  readonly bytes: number;
  readonly timeUs: number;
}

/** The measured curve of one GPU type and group size, sizes strictly increasing. */
export interface AllReduceCurve {
  /** GPU catalog key (gpu-catalog.ts). */
  readonly gpu: string;
  readonly gpus: number;
  readonly points: readonly AllReducePoint[];
  readonly source: string;
}

const VIDUR =
  'microsoft/vidur data/profiling/network/<sku>/all_reduce.csv (commit e26eb8f79fa9a6a7c38eac0f5291302402b20364), ' +
  'column time_stats.all_reduce.median (ms), rows with devices_per_node = num_workers (one server); ' +
  'Vidur (Agrawal et al., MLSys 2024) profiles torch.distributed all_reduce on the named server; ' +
  'https://github.com/microsoft/vidur/tree/main/data/profiling/network';

const H100 = `${VIDUR.replace('<sku>', 'h100_dgx')}; DGX H100 (8 x H100 SXM 80GB, NVSwitch)`;
const A100 = `${VIDUR.replace('<sku>', 'a100_dgx')}; DGX A100 (8 x A100 SXM4 80GB, NVSwitch)`;

const MiB = 1024 * 1024;

export const ALLREDUCE_CURVES: readonly AllReduceCurve[] = [
  {
    gpu: 'h100-sxm',
    gpus: 2,
    // rows 1002, 1122, 1154, 1218, 1987
    points: [
      { bytes: 67_584, timeUs: 41 },
      { bytes: 1 * MiB, timeUs: 43 },
      { bytes: 2 * MiB, timeUs: 39 },
      { bytes: 4 * MiB, timeUs: 43 },
      { bytes: 64 * MiB, timeUs: 245 },
    ],
    source: `${H100}, num_workers 2`,
  },
  {
    gpu: 'h100-sxm',
    gpus: 4,
    // rows 1996, 2116, 2148, 2212, 2981
    points: [
      { bytes: 67_584, timeUs: 40 },
      { bytes: 1 * MiB, timeUs: 41 },
      { bytes: 2 * MiB, timeUs: 34 },
      { bytes: 4 * MiB, timeUs: 47 },
      { bytes: 64 * MiB, timeUs: 318 },
    ],
    source: `${H100}, num_workers 4`,
  },
  {
    gpu: 'h100-sxm',
    gpus: 8,
    // rows 8, 128, 160, 352, 993
    points: [
      { bytes: 67_584, timeUs: 36 },
      { bytes: 1 * MiB, timeUs: 34 },
      { bytes: 2 * MiB, timeUs: 39 },
      { bytes: 8 * MiB, timeUs: 74 },
      { bytes: 64 * MiB, timeUs: 322 },
    ],
    source: `${H100}, num_workers 8`,
  },
  {
    gpu: 'a100-80g-sxm',
    gpus: 2,
    // rows 1122, 1154, 1218, 1987 (rows below 1 MiB not transcribed; the curve is held flat below)
    points: [
      { bytes: 1 * MiB, timeUs: 47 },
      { bytes: 2 * MiB, timeUs: 54 },
      { bytes: 4 * MiB, timeUs: 63 },
      { bytes: 64 * MiB, timeUs: 430 },
    ],
    source: `${A100}, num_workers 2`,
  },
  {
    gpu: 'a100-80g-sxm',
    gpus: 4,
    // rows 2990, 3110, 3142, 3975
    points: [
      { bytes: 67_584, timeUs: 42 },
      { bytes: 1 * MiB, timeUs: 64 },
      { bytes: 2 * MiB, timeUs: 53 },
      { bytes: 64 * MiB, timeUs: 603 },
    ],
    source: `${A100}, num_workers 4`,
  },
  {
    gpu: 'a100-80g-sxm',
    gpus: 8,
    // rows 4978, 5098, 5130, 5194, 5963
    points: [
      { bytes: 67_584, timeUs: 32 },
      { bytes: 1 * MiB, timeUs: 64 },
      { bytes: 2 * MiB, timeUs: 70 },
      { bytes: 4 * MiB, timeUs: 99 },
      { bytes: 64 * MiB, timeUs: 675 },
    ],
    source: `${A100}, num_workers 8`,
  },
];
