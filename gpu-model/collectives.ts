/**
 * The abstract collective cost that the compute model is allowed to know about (DESIGN.md:
 * gpu-model knows the network only through this). The network issue plugs its fidelities in by
 * implementing {@link CollectiveCost}; {@link nvlinkAlphaBetaCollectives} is the default, a
 * closed-form alpha-beta model over the catalog's NVLink (or PCIe) figures of one server.
 */
import { badInput } from '../core/errors.js';
import type { GpuSpec } from './gpu-catalog.js';

/**
 * Answers "how long does this collective take over these GPUs". Sizes are bytes; `gpus` is the
 * group size (>= 1; a group of 1 costs 0). Implementations must be pure and deterministic.
 */
export interface CollectiveCost {
  /** All-reduce of a `bytes`-sized buffer held by each of `gpus` GPUs. */
  allReduceTimeNs(bytes: number, gpus: number): number;
  /** All-gather whose OUTPUT is `bytes` on each GPU (each contributes bytes / gpus). */
  allGatherTimeNs(bytes: number, gpus: number): number;
  /** Reduce-scatter whose INPUT is `bytes` on each GPU (each keeps bytes / gpus). */
  reduceScatterTimeNs(bytes: number, gpus: number): number;
  /** All-to-all in which each GPU sends `bytesPerGpu` in total, spread evenly over the others and itself. */
  allToAllTimeNs(bytesPerGpu: number, gpus: number): number;
  /** Point-to-point send of `bytes` from one GPU to another (pipeline stage boundary). */
  sendRecvTimeNs(bytes: number): number;
}

/** Parameters of {@link nvlinkAlphaBetaCollectives}. */
export interface AlphaBetaOptions {
  /**
   * Fixed cost of any collective: kernel launch and the first synchronisation. Default 5 us,
   * the order of nccl-tests' small-message all-reduce latency inside one NVSwitch server.
   */
  readonly launchNs?: number;
  /** Latency added per ring step. Default 0.5 us (an NVLink/NVSwitch hop plus a flag poll). */
  readonly stepNs?: number;
  /**
   * Achieved fraction of the per-direction link bandwidth. Default 0.8: nccl-tests bus bandwidth
   * on NVSwitch servers reaches roughly 80% of the NVLink per-direction figure.
   */
  readonly bandwidthEfficiency?: number;
  /**
   * GPUs per server reachable over PCIe when the GPU has no NVLink (L40S servers). Default 8.
   */
  readonly pcieServerSize?: number;
}

/**
 * Alpha-beta collectives inside ONE server, over NVLink where the GPU has it (groups up to the
 * NVLink domain) and over PCIe otherwise (groups up to `pcieServerSize`). Ring algorithms:
 * all-reduce moves 2(n-1)/n of the buffer per GPU in 2(n-1) steps; all-gather and reduce-scatter
 * (n-1)/n in n-1 steps; all-to-all (n-1)/n of each GPU's data in n-1 steps.
 *
 * It does not model the fabric: a group larger than one server is rejected, so that a caller
 * needing multi-server collectives plugs in a network model instead of getting a silent guess.
 */
export function nvlinkAlphaBetaCollectives(gpu: GpuSpec, options: AlphaBetaOptions = {}): CollectiveCost {
  const launchNs = options.launchNs ?? 5000;
  const stepNs = options.stepNs ?? 500;
  const efficiency = options.bandwidthEfficiency ?? 0.8;
  const nvlink = gpu.nvlinkBandwidthBytesPerSecPerDirection > 0;
  const maxGroup = nvlink ? gpu.nvlinkDomainSize : (options.pcieServerSize ?? 8);
  const bytesPerNs =
    ((nvlink ? gpu.nvlinkBandwidthBytesPerSecPerDirection : gpu.pcieBandwidthBytesPerSecPerDirection) * efficiency) /
    1e9;

  const check = (gpus: number): void => {
    if (!Number.isInteger(gpus) || gpus < 1 || gpus > maxGroup) {
      throw badInput(`collective group of ${gpus} GPUs does not fit the ${nvlink ? 'NVLink domain' : 'PCIe server'} of ${gpu.name}`, {
        field: 'gpus',
        value: gpus,
        expected: `an integer from 1 to ${maxGroup} (larger groups need a fabric collective model)`,
      });
    }
  };
  const ring = (gpus: number, steps: number, fraction: number, bytes: number): number => {
    check(gpus);
    if (gpus === 1) return 0;
    return launchNs + steps * stepNs + (fraction * bytes) / bytesPerNs;
  };
  return {
    allReduceTimeNs: (bytes, gpus) => ring(gpus, 2 * (gpus - 1), (2 * (gpus - 1)) / gpus, bytes),
    allGatherTimeNs: (bytes, gpus) => ring(gpus, gpus - 1, (gpus - 1) / gpus, bytes),
    reduceScatterTimeNs: (bytes, gpus) => ring(gpus, gpus - 1, (gpus - 1) / gpus, bytes),
    allToAllTimeNs: (bytesPerGpu, gpus) => ring(gpus, gpus - 1, (gpus - 1) / gpus, bytesPerGpu),
    sendRecvTimeNs: (bytes) => launchNs + stepNs + bytes / bytesPerNs,
  };
}
