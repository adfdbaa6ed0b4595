/**
 * The communication of a fine-tuning step as collectives, and the step time they add to the
 * compute. Collective durations come from the injected {@link CollectiveCost}, so the network
 * model decides what crossing servers costs.
 */
import type { CollectiveCost } from './collectives.js';
import type { EfficiencyFactors } from './efficiency.js';
import { fineTuneFlops } from './finetune-flops.js';
import { type FineTuneJob, microBatchesPerStep } from './finetune-job.js';
import type { GpuSpec } from './gpu-catalog.js';
import { paramCounts } from './model-params.js';
import { ACTIVATION_BYTES, weightBytesPerParam } from './precision.js';

/** One kind of collective a step runs `count` times over a group of `gpus`. */
export interface StepCollective {
  readonly kind: 'all-reduce' | 'all-gather' | 'reduce-scatter' | 'send-recv';
  /** Which parallel dimension it spans. */
  readonly group: 'dp' | 'tp' | 'pp';
  /** Buffer size in the sense of {@link CollectiveCost} (all-gather: output; reduce-scatter: input). */
  readonly bytes: number;
  readonly gpus: number;
  /** Times per optimizer step, per GPU. */
  readonly count: number;
  readonly why: string;
}

/**
 * The collectives one GPU takes part in per optimizer step:
 * - data parallel: ZeRO 0 all-reduces the bf16 gradients of the trainable shard; ZeRO 1 and 2
 *   reduce-scatter them and all-gather the updated weights (same volume); ZeRO 3 all-gathers the
 *   weights before forward and again before backward of every micro-batch and reduce-scatters the
 *   gradients of every micro-batch (1.5x the volume of ZeRO 0, as in the ZeRO paper, per micro-batch);
 * - tensor parallel: two all-reduces of the micro-batch's hidden states per layer forward, two
 *   backward, two more when recomputing (Megatron-LM; with sequence parallelism the same volume
 *   runs as reduce-scatter + all-gather);
 * - pipeline: one activation send forward and one gradient send backward per micro-batch.
 */
export function fineTuneCollectives(job: FineTuneJob): StepCollective[] {
  const out: StepCollective[] = [];
  const m = microBatchesPerStep(job);
  const modelParallel = job.tp * job.pp;
  const trainableBytes = (2 * fineTuneFlops(job).trainableParams) / modelParallel;
  if (job.dp > 1) {
    if (job.zeroStage === 0) {
      out.push({ kind: 'all-reduce', group: 'dp', bytes: trainableBytes, gpus: job.dp, count: 1, why: 'gradient all-reduce' });
    } else if (job.zeroStage < 3) {
      out.push({ kind: 'reduce-scatter', group: 'dp', bytes: trainableBytes, gpus: job.dp, count: 1, why: 'gradient reduce-scatter' });
      out.push({ kind: 'all-gather', group: 'dp', bytes: trainableBytes, gpus: job.dp, count: 1, why: 'updated weight all-gather' });
    } else {
      const weightBytes = job.method === 'full'
        ? trainableBytes
        : trainableBytes + (paramCounts(job.model).total / modelParallel) * weightBytesPerParam(job.baseWeightPrecision);
      out.push({ kind: 'all-gather', group: 'dp', bytes: weightBytes, gpus: job.dp, count: 2 * m, why: 'weight all-gather before forward and backward' });
      out.push({ kind: 'reduce-scatter', group: 'dp', bytes: trainableBytes, gpus: job.dp, count: m, why: 'gradient reduce-scatter' });
    }
  }
  const hiddenBytes = job.microBatchSeqs * job.seqLen * job.model.hidden * ACTIVATION_BYTES;
  const layersPerStage = Math.ceil(job.model.layers / job.pp);
  if (job.tp > 1) {
    const perLayer = job.recompute ? 6 : 4;
    out.push({ kind: 'all-reduce', group: 'tp', bytes: hiddenBytes, gpus: job.tp, count: perLayer * layersPerStage * m, why: 'tensor-parallel activation all-reduces' });
  }
  if (job.pp > 1) {
    out.push({ kind: 'send-recv', group: 'pp', bytes: hiddenBytes / job.tp, gpus: 2, count: 2 * m, why: 'pipeline activation and gradient sends' });
  }
  return out;
}

/** Time of one collective through the injected model. */
export function collectiveTimeNs(c: StepCollective, net: CollectiveCost): number {
  switch (c.kind) {
    case 'all-reduce':
      return net.allReduceTimeNs(c.bytes, c.gpus);
    case 'all-gather':
      return net.allGatherTimeNs(c.bytes, c.gpus);
    case 'reduce-scatter':
      return net.reduceScatterTimeNs(c.bytes, c.gpus);
    case 'send-recv':
      return net.sendRecvTimeNs(c.bytes);
  }
}

/** Time of a fine-tuning step. */
export interface FineTuneStepTime {
  /** Matmul and attention time of one GPU, stretched by the pipeline bubble. */
  readonly computeTimeNs: number;
  /** Sum of every collective's time, not overlapped with compute (an upper bound). */
  readonly commTimeNs: number;
  readonly timeNs: number;
  /** 1F1B bubble: (pp - 1) / (m + pp - 1) of the pipeline time is idle. */
  readonly bubbleFraction: number;
  /** Model FLOPs utilisation implied: step FLOPs / (GPUs x bf16 peak x time). */
  readonly mfu: number;
}

/**
 * Step time of `job` on `gpu`: FLOPs per GPU at the bf16 matmul efficiency, stretched by the
 * 1F1B pipeline bubble, plus every collective (no overlap; real frameworks overlap the data-
 * parallel collectives with backward, so this is conservative).
 */
export function fineTuneStepTime(job: FineTuneJob, gpu: GpuSpec, net: CollectiveCost, efficiency: EfficiencyFactors): FineTuneStepTime {
  const gpus = job.dp * job.tp * job.pp;
  const flops = fineTuneFlops(job);
  const m = microBatchesPerStep(job);
  const busyNs = (flops.flopsPerStep / gpus / (gpu.bf16FlopsPerSec * efficiency.matmulEfficiency)) * 1e9;
  const bubbleFraction = (job.pp - 1) / (m + job.pp - 1);
  const computeTimeNs = busyNs / (1 - bubbleFraction);
  const commTimeNs = fineTuneCollectives(job).reduce((s, c) => s + c.count * collectiveTimeNs(c, net), 0);
  const timeNs = computeTimeNs + commTimeNs;
  const mfu = flops.flopsPerStep / (gpus * gpu.bf16FlopsPerSec * (timeNs / 1e9));
  return { computeTimeNs, commTimeNs, timeNs, bubbleFraction, mfu };
}
