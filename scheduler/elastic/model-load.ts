import { paramCounts, type ModelSpec, weightBytesPerParam, type WeightPrecision } from '../../gpu-model/index.js';

export interface ModelLoadOptions {
  /** Read bandwidth from model storage to one replica, bytes/s. Default 2 GB/s (a local NVMe or a fast object-store path). */
  readonly storageBytesPerSec?: number;
  /** Engine start-up after the weights are in memory (CUDA graphs, KV-cache allocation, warm-up). Default 20 s. */
  readonly warmupNs?: number;
}

/**
 * Time from the decision to add a replica to its first served request: reading the weights
 * (all of them, spread over the replica's GPUs, read in parallel up to the storage bandwidth)
 * plus the engine's start-up. This is the lag the elastic controller pays on every scale-up and
 * the reason a burst can be missed.
 */
export function modelLoadTimeNs(model: ModelSpec, precision: WeightPrecision, options: ModelLoadOptions = {}): number {
  const bandwidth = options.storageBytesPerSec ?? 2e9;
  const warmupNs = options.warmupNs ?? 20e9;
  if (!(bandwidth > 0)) throw new RangeError(`modelLoadTimeNs: storageBytesPerSec must be > 0, got ${String(bandwidth)}`);
  if (!(warmupNs >= 0)) throw new RangeError(`modelLoadTimeNs: warmupNs must be >= 0, got ${String(warmupNs)}`);
  const weightBytes = paramCounts(model).total * weightBytesPerParam(precision);
  return (weightBytes / bandwidth) * 1e9 + warmupNs;
}
