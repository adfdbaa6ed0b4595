/**
 * Efficiency factors that turn peak datasheet figures into achieved ones. Defaults are
 * documented assumptions; `calibration.test.ts` checks them against published measurements
 * (sources in `calibration-data.ts`).
 */

/** Achieved fractions of peak, and fixed overheads. All fractions are in (0, 1]. */
export interface EfficiencyFactors {
  /**
   * Fraction of peak tensor-core FLOP/s that dense matmuls reach at bf16. Default 0.7: large
   * cuBLAS GEMMs reach 70-80% of dense peak on A100/H100; serving kernels with fused epilogues
   * and moderate M sit at the low end.
   */
  readonly matmulEfficiency: number;
  /**
   * Fraction of peak that fp8 (W8A8) matmuls reach. Lower than bf16 by default (0.45): fp8
   * kernels carry quantize/dequantize and scaling work, and published fp8 serving speedups over
   * bf16 are ~1.3-1.6x rather than the 2x of the peaks.
   */
  readonly fp8MatmulEfficiency: number;
  /** Fraction of bf16 peak reached by attention (FlashAttention-2 forward reaches ~50-70% on A100). */
  readonly attentionEfficiency: number;
  /** Fraction of peak HBM bandwidth reached streaming weights and KV cache (~80-90% in STREAM-like reads). */
  readonly memoryEfficiency: number;
  /**
   * How much compute and memory time of one operator overlap: time = max + (1 - overlap) x min.
   * 1 is the ideal roofline (max); 0 adds them. Default 0: fitted to the TensorRT-LLM first-token
   * latencies in `calibration-data.ts`, where a 128-token prefill of Llama-2-70B costs about the SUM
   * of its weight-streaming and matmul times (the max would under-predict it by ~25-50%). For
   * strongly memory- or compute-bound steps (decode at small batch, long prefill) the choice
   * changes the time by only a few percent.
   */
  readonly overlap: number;
  /** Fixed cost of one engine step (scheduling, sampling, kernel launches not hidden by CUDA graphs). */
  readonly stepOverheadNs: number;
  /**
   * Host (CPU) time to issue one layer's kernels in an engine that launches them one by one from
   * the host (eager PyTorch, no CUDA graphs). The host runs ahead of the GPU, so a stage takes
   * max(GPU time, layers x this) rather than their sum; every TP rank issues its own kernels in
   * parallel, so the floor does not shrink with TP. Absent or 0 (the default): the engine replays
   * CUDA graphs or a compiled engine (TensorRT-LLM) and the host is never the bottleneck. It is
   * a property of the engine and host CPU, not of the GPU; calibration.test.ts derives the value
   * of the Splitwise characterization engine from its own batch-1 TP 8 decode.
   */
  readonly hostLaunchNsPerLayer?: number;
}

/** Generic defaults, used for every GPU type without its own calibration. */
export const DEFAULT_EFFICIENCY: EfficiencyFactors = {
  matmulEfficiency: 0.7,
  fp8MatmulEfficiency: 0.45,
  attentionEfficiency: 0.5,
  memoryEfficiency: 0.8,
  overlap: 0,
  stepOverheadNs: 1_000_000,
};

/**
 * The efficiency factors of a GPU type, with optional overrides. Every GPU type uses
 * {@link DEFAULT_EFFICIENCY} today: the published points in `calibration-data.ts` (A100 and H100)
 * are fitted well enough by the shared defaults, and per-type factors would be fitted to nothing
 * for the other four types. The GPU name is the hook for per-type factors once data exists.
 */
export function efficiencyFor(_gpuName: string, overrides: Partial<EfficiencyFactors> = {}): EfficiencyFactors {
  return { ...DEFAULT_EFFICIENCY, ...overrides };
}
