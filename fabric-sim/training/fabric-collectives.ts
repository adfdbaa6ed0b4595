/**
 * A {@link CollectiveCost} for groups that span servers: inside one server the GPU's NVLink
 * (gpu-model's closed-form model), across servers the fabric as alpha-beta over the NICs of a
 * rail-optimized leaf-spine (one NIC per GPU), with the leaf uplinks' oversubscription dividing
 * the bandwidth a ring gets once it spans more than one leaf.
 *
 * Ring algorithms over n GPUs: all-reduce moves 2(n-1)/n of the buffer per GPU in 2(n-1) steps,
 * all-gather and reduce-scatter (n-1)/n in n-1 steps, all-to-all (n-1)/n of each GPU's data.
 * A ring that spans servers is paced by its slowest hop, a NIC (or a share of an oversubscribed
 * uplink), so its bandwidth term uses the NIC bandwidth and its latency term the fabric's alpha
 * per step. This is the analytic fidelity of DESIGN.md for collectives; the packet model checks
 * the same closed forms in `fabric-sim/packet/validation.test.ts`.
 */
import { nvlinkAlphaBetaCollectives, type CollectiveCost, type GpuSpec } from '../../gpu-model/index.js';

export interface FabricCollectiveOptions {
  readonly gpu: GpuSpec;
  /** GPUs per server (NVLink domain used inside it). Default: the GPU's NVLink domain size. */
  readonly gpusPerServer?: number;
  /** NIC rate per GPU, Gb/s. */
  readonly nicGbps: number;
  /** GPUs under one leaf. */
  readonly gpusPerLeaf: number;
  /** Leaf downlink : uplink ratio (>= 1). */
  readonly oversubscription: number;
  /** Latency per ring step across the fabric (NIC, switch hops, RDMA completion). Default 5 us. */
  readonly fabricStepNs?: number;
  /** Achieved fraction of the NIC rate (RoCE headers, NCCL protocol). Default 0.9. */
  readonly nicEfficiency?: number;
}

function check(value: number, field: string, min: number): void {
  if (!(Number.isFinite(value) && value >= min)) throw new RangeError(`fabricCollectives ${field} must be a number >= ${min}, got ${String(value)}`);
}

/** Collective costs over NVLink inside a server and the fabric across servers. */
export function fabricCollectives(options: FabricCollectiveOptions): CollectiveCost {
  const server = options.gpusPerServer ?? options.gpu.nvlinkDomainSize;
  check(server, 'gpusPerServer', 1);
  check(options.nicGbps, 'nicGbps', Number.MIN_VALUE);
  check(options.gpusPerLeaf, 'gpusPerLeaf', 1);
  check(options.oversubscription, 'oversubscription', 1);
  const stepNs = options.fabricStepNs ?? 5000;
  const nicBytesPerNs = ((options.nicGbps / 8) * (options.nicEfficiency ?? 0.9));
  const inside = nvlinkAlphaBetaCollectives(options.gpu);
  const bytesPerNs = (gpus: number): number => (gpus > options.gpusPerLeaf ? nicBytesPerNs / options.oversubscription : nicBytesPerNs);
  const ring = (gpus: number, steps: number, fraction: number, bytes: number): number => {
    if (!Number.isInteger(gpus) || gpus < 1) throw new RangeError(`collective group must be a positive integer of GPUs, got ${String(gpus)}`);
    return steps * stepNs + (fraction * bytes) / bytesPerNs(gpus);
  };
  return {
    allReduceTimeNs: (bytes, gpus) => (gpus <= server ? inside.allReduceTimeNs(bytes, gpus) : ring(gpus, 2 * (gpus - 1), (2 * (gpus - 1)) / gpus, bytes)),
    allGatherTimeNs: (bytes, gpus) => (gpus <= server ? inside.allGatherTimeNs(bytes, gpus) : ring(gpus, gpus - 1, (gpus - 1) / gpus, bytes)),
    reduceScatterTimeNs: (bytes, gpus) => (gpus <= server ? inside.reduceScatterTimeNs(bytes, gpus) : ring(gpus, gpus - 1, (gpus - 1) / gpus, bytes)),
    allToAllTimeNs: (bytesPerGpu, gpus) => (gpus <= server ? inside.allToAllTimeNs(bytesPerGpu, gpus) : ring(gpus, gpus - 1, (gpus - 1) / gpus, bytesPerGpu)),
    sendRecvTimeNs: (bytes) => stepNs + bytes / nicBytesPerNs,
  };
}
