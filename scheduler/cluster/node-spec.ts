/**
 * The scheduler's own, deliberately small description of a node and its place in the fabric.
 *
 * `fabric-sim/` owns the real `ClusterSpec` and GPU ids; this type carries only what placement
 * decisions read, so that an adapter can build it from a `ClusterSpec` later (one `NodeSpec` per
 * server; the topology ids are the indexes the adapter assigns to NVLink domains, leaves, rail
 * groups and spine groups). Topology ids are small non-negative integers rather than strings so
 * that the hot loops compare numbers.
 */

/** A Kubernetes-style taint. `NoSchedule` and `NoExecute` repel pods that do not tolerate them. */
export interface Taint {
  readonly key: string;
  readonly value: string;
  readonly effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

/** One node as the scheduler sees it. Build it with `nodeSpec`, which validates and fills defaults. */
export interface NodeSpec {
  /** Unique name, for example `openb-node-0042`. */
  readonly name: string;
  /** GPU model, for example `H100` or `G2`; `''` for a CPU-only node. */
  readonly gpuType: string;
  /** Number of GPUs (0 for a CPU-only node). */
  readonly gpuCount: number;
  /** Allocatable CPU in millicores. */
  readonly cpuMilli: number;
  /** Allocatable memory in MiB. */
  readonly memoryMiB: number;
  /** NVLink domain: nodes sharing it reach each other's GPUs over NVLink (an NVL72 rack, say). */
  readonly nvlinkDomain: number;
  /** Leaf (top-of-rack) switch the node hangs off. */
  readonly leaf: number;
  /** Rail group (rail-optimized fabrics): nodes whose GPU i share rail switch i. */
  readonly rail: number;
  /** Spine group (pod / plane) above the leaf; crossing groups uses the oversubscribed core. */
  readonly spineGroup: number;
  readonly labels: Readonly<Record<string, string>>;
  readonly taints: readonly Taint[];
  /** A cordoned node accepts no new pods; running pods stay. */
  readonly cordoned: boolean;
}

/** What `nodeSpec` accepts: the name and resources are required; everything else has a default. */
export type NodeSpecInput = Pick<NodeSpec, 'name' | 'cpuMilli' | 'memoryMiB'> &
  Partial<Omit<NodeSpec, 'name' | 'cpuMilli' | 'memoryMiB'>>;

/** Most GPUs one node may carry; also bounds the per-node scratch arrays of the scoring plugins. */
export const MAX_GPUS_PER_NODE = 64;

/**
 * A validated `NodeSpec`. Topology ids default to the node's own index-free value 0, which
 * means "everything in one domain": pass real ids when topology matters.
 *
 * @example
 * const node = nodeSpec({ name: 'n0', gpuType: 'H100', gpuCount: 8, cpuMilli: 96_000, memoryMiB: 1_048_576,
 *   nvlinkDomain: 0, leaf: 0, rail: 0, spineGroup: 0 });
 * @throws RangeError quoting the bad value.
 */
export function nodeSpec(input: NodeSpecInput): NodeSpec {
  const gpuCount = input.gpuCount ?? 0;
  const gpuType = input.gpuType ?? '';
  if (input.name === '') throw new RangeError('node name must not be empty');
  checkInt(input.name, 'gpuCount', gpuCount, 0, MAX_GPUS_PER_NODE);
  checkInt(input.name, 'cpuMilli', input.cpuMilli, 0, 2 ** 31 - 1);
  checkInt(input.name, 'memoryMiB', input.memoryMiB, 0, 2 ** 31 - 1);
  if (gpuCount > 0 && gpuType === '') {
    throw new RangeError(`node ${input.name}: gpuType must be set when gpuCount is ${gpuCount}`);
  }
  const spec: NodeSpec = {
    name: input.name,
    gpuType: gpuCount === 0 ? '' : gpuType,
    gpuCount,
    cpuMilli: input.cpuMilli,
    memoryMiB: input.memoryMiB,
    nvlinkDomain: input.nvlinkDomain ?? 0,
    leaf: input.leaf ?? 0,
    rail: input.rail ?? 0,
    spineGroup: input.spineGroup ?? 0,
    labels: input.labels ?? {},
    taints: input.taints ?? [],
    cordoned: input.cordoned ?? false,
  };
  for (const key of ['nvlinkDomain', 'leaf', 'rail', 'spineGroup'] as const) {
    checkInt(input.name, key, spec[key], 0, 2 ** 31 - 1);
  }
  return spec;
}

function checkInt(node: string, field: string, value: number, low: number, high: number): void {
  if (!Number.isInteger(value) || value < low || value > high) {
    throw new RangeError(`node ${node}: ${field} must be an integer in [${low}, ${high}], got ${value}`);
  }
}
