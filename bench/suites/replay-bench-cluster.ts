import { ClusterSpecSchema } from '../../fabric-sim/cluster/spec.js';

/** The replay benchmarks' cluster: 512 H100s, 64 servers of 8, 32 NICs per leaf, 2:1 uplinks, 400G. */
export const REPLAY_BENCH_CLUSTER = ClusterSpecSchema.parse({
  name: 'bench-512xh100-2to1',
  servers: [{ count: 64, gpuType: 'h100', gpusPerServer: 8, nvlink: { bandwidthGbps: 3600 } }],
  topology: { kind: 'leaf-spine', hostsPerLeaf: 32, oversubscription: 2 },
  linkSpeedGbps: 400,
});
