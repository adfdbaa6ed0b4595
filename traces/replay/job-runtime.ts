import { fabricCollectives } from '../../fabric-sim/training/index.js';
import { collectiveTimeNs, DEFAULT_EFFICIENCY, type CollectiveCost, type GpuSpec } from '../../gpu-model/index.js';

/**
 * How long a replayed job's step takes where it was placed: its compute on the GPU plus a
 * data-parallel ring all-reduce of its gradients, priced by fabric-sim's `fabricCollectives`
 * (NVLink inside a server, NICs across servers, the leaf uplinks' oversubscription once the ring
 * leaves a leaf) through gpu-model's `collectiveTimeNs`. No overlap of the all-reduce with the
 * backward pass, as gpu-model's fine-tune step assumes (conservative).
 *
 * A trace records how long a job ran, not how many steps it took. The replay takes the recorded
 * run time to be the job's run on the reference: the reference GPU, packed into the fewest
 * servers, on a non-blocking fabric of the replay cluster's NIC speed. The job's work is then
 * `recordedRunNs / referenceStepNs` steps, and its replay run time `steps x stepNs` at the
 * placement it got, so a job placed packed on the reference GPU of a non-blocking cluster runs
 * exactly its recorded time.
 */

/** What the placement of a job spans in the fabric. */
export interface PlacementSpan {
  readonly gpus: number;
  /** Distinct servers (NVLink domains). */
  readonly servers: number;
  /** Distinct leaf switches (leaf within spine group). */
  readonly leaves: number;
}

/** The fabric of the replay cluster, as the analytic collective model needs it. */
export interface ReplayFabric {
  /** NIC rate per GPU (one NIC per GPU), Gb/s. */
  readonly nicGbps: number;
  /** Leaf downlink : uplink ratio; 1 = non-blocking. */
  readonly oversubscription: number;
  /** Latency per ring step across the fabric, ns (fabricCollectives' default when absent). */
  readonly fabricStepNs?: number;
}

/** The model class figures a step needs. */
export interface StepShape {
  /** Gradient bytes all-reduced per step (params x bytes per gradient); 0 when the job does not train. */
  readonly gradientBytes: number;
  /** Training FLOPs of one GPU per step. */
  readonly flopsPerGpu: number;
}

/**
 * The collective model for a placement: `fabricCollectives` decides by group size whether a
 * ring stays in a server, in a leaf, or crosses the spine; a placement is a concrete set of
 * servers and leaves, so the thresholds are set from it (a ring inside one server uses NVLink;
 * one that spans servers under one leaf runs at the NIC rate; one that spans leaves is paced by
 * its slowest hop, an uplink shared `oversubscription` ways).
 */
export function placementCollectives(gpu: GpuSpec, fabric: ReplayFabric, span: PlacementSpan): CollectiveCost {
  return fabricCollectives({
    gpu,
    gpusPerServer: span.servers <= 1 ? span.gpus : 1,
    gpusPerLeaf: span.leaves <= 1 ? span.gpus : 1,
    nicGbps: fabric.nicGbps,
    oversubscription: fabric.oversubscription,
    ...(fabric.fabricStepNs === undefined ? {} : { fabricStepNs: fabric.fabricStepNs }),
  });
}

/** Compute time of one step on `gpu`, ns (bf16 peak at gpu-model's default matmul efficiency). */
export function computeNs(shape: StepShape, gpu: GpuSpec): number {
  return (shape.flopsPerGpu / (gpu.bf16FlopsPerSec * DEFAULT_EFFICIENCY.matmulEfficiency)) * 1e9;
}

/** Gradient all-reduce time of one step at a placement, ns (0 for one GPU or no training). */
export function allReduceNs(shape: StepShape, gpu: GpuSpec, fabric: ReplayFabric, span: PlacementSpan): number {
  if (span.gpus <= 1 || shape.gradientBytes === 0) return 0;
  const net = placementCollectives(gpu, fabric, span);
  return collectiveTimeNs({ kind: 'all-reduce', group: 'dp', bytes: shape.gradientBytes, gpus: span.gpus, count: 1, why: 'gradient all-reduce' }, net);
}

/** Step time at a placement: compute + all-reduce, ns. */
export function stepNs(shape: StepShape, gpu: GpuSpec, fabric: ReplayFabric, span: PlacementSpan): number {
  return computeNs(shape, gpu) + allReduceNs(shape, gpu, fabric, span);
}

/** The packed placement of `gpus` GPUs: the fewest servers, one leaf (the reference). */
export function packedSpan(gpus: number, gpusPerServer: number): PlacementSpan {
  return { gpus, servers: Math.max(1, Math.ceil(gpus / gpusPerServer)), leaves: 1 };
}

/**
 * Steps of work a job with a recorded run time did: its run time over its step time on the
 * reference (reference GPU, packed, non-blocking fabric of the same NIC speed).
 */
export function stepsFromRecorded(recordedRunNs: number, shape: StepShape, referenceGpu: GpuSpec, fabric: ReplayFabric, gpusPerServer: number, gpus: number): number {
  const reference = stepNs(shape, referenceGpu, { ...fabric, oversubscription: 1 }, packedSpan(gpus, gpusPerServer));
  return recordedRunNs / reference;
}
