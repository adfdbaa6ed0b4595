import { z } from 'zod';
import { loadConfigFile } from '../../core/config.js';
import { SWITCH_PRESET_NAMES } from '../../switch-model/presets.js';
import { SwitchSpecSchema } from '../../switch-model/spec.js';

/**
 * The cluster every command works on: servers (GPU type and count, NVLink domain, one NIC per
 * GPU), the network topology, the switch preset, link speed, propagation delay and MTU, and
 * links that are down or degraded. Owned by fabric-sim; placements refer to its GPU ids.
 */

export const ServerGroupSchema = z
  .object({
    /** Servers in this group. */
    count: z.number().int().min(1).max(100_000),
    /** GPU type name, for example `h100` (the catalog lives in gpu-model/). */
    gpuType: z.string().min(1),
    gpusPerServer: z.number().int().min(1).max(72),
    /** The NVLink/NVSwitch domain inside a server, modelled as a high-bandwidth switch. Omit for none. */
    nvlink: z
      .object({
        /** Per-GPU NVLink bandwidth, one direction (H100 SXM: 450 GB/s = 3600 Gb/s). */
        bandwidthGbps: z.number().positive(),
        /** NVSwitch port-to-port latency. */
        latencyNs: z.number().min(0).default(300),
      })
      .strict()
      .optional(),
  })
  .strict();

const LeafSpineSchema = z
  .object({
    kind: z.literal('leaf-spine'),
    /** NICs per leaf switch. */
    hostsPerLeaf: z.number().int().min(1).max(1024),
    /** Downlink:uplink bandwidth ratio of a leaf (1 = non-blocking, 2 = 2:1). */
    oversubscription: z.number().min(1).max(64).default(1),
    /** Spine switches; default: one per leaf uplink. */
    spines: z.number().int().min(1).max(1024).optional(),
  })
  .strict();

const FatTreeSchema = z
  .object({
    kind: z.literal('fat-tree'),
    /** Switch radix k (even): k pods, k^3/4 hosts, three tiers. */
    k: z.number().int().min(2).max(128).refine((k) => k % 2 === 0, { error: 'k must be even' }),
  })
  .strict();

const RailOptimizedSchema = z
  .object({
    kind: z.literal('rail-optimized'),
    /** Spine switches above the rail leaves (one rail leaf per GPU index). */
    spines: z.number().int().min(1).max(1024),
    oversubscription: z.number().min(1).max(64).default(1),
  })
  .strict();

const SingleSwitchSchema = z.object({ kind: z.literal('single-switch') }).strict();

export const TopologySpecSchema = z.discriminatedUnion('kind', [LeafSpineSchema, FatTreeSchema, RailOptimizedSchema, SingleSwitchSchema]);

export const LinkFaultSchema = z
  .object({
    /** The two node names the link (or parallel links) join, for example [leaf0, spine1]. */
    between: z.tuple([z.string().min(1), z.string().min(1)]),
    state: z.enum(['down', 'degraded']),
    /** Rate of a degraded link. */
    rateGbps: z.number().positive().optional(),
  })
  .strict()
  .refine((fault) => fault.state === 'down' || fault.rateGbps !== undefined, {
    error: 'a degraded link needs rateGbps',
    path: ['rateGbps'],
  });

export const ClusterSpecSchema = z
  .object({
    name: z.string().min(1).default('cluster'),
    servers: z.array(ServerGroupSchema).min(1),
    topology: TopologySpecSchema,
    /** Switch preset name (switch-model/presets.ts) or a full switch spec (switch-model/switch.proto). */
    switch: z.union([z.enum(SWITCH_PRESET_NAMES as [string, ...string[]]), SwitchSpecSchema]).default('tomahawk5-64x800g'),
    /** Speed of every NIC and fabric link; default the switch's port speed. */
    linkSpeedGbps: z.number().positive().max(10_000).optional(),
    /** One-way propagation delay of every link (5 ns per metre of fiber). */
    propagationDelayNs: z.number().min(0).max(1e7).default(50),
    /** Payload bytes per packet. */
    mtuBytes: z.number().int().min(256).max(9_000).default(4_096),
    faults: z.array(LinkFaultSchema).default([]),
  })
  .strict();

export type ClusterSpecInput = z.input<typeof ClusterSpecSchema>;
export type ClusterSpec = z.output<typeof ClusterSpecSchema>;
export type TopologySpec = z.output<typeof TopologySpecSchema>;

/** The built-in default cluster: 4 servers of 8 H100 with NVLink, on a 2-leaf non-blocking leaf-spine of 400G. */
export const DEFAULT_CLUSTER: ClusterSpec = ClusterSpecSchema.parse({
  name: 'default',
  servers: [{ count: 4, gpuType: 'h100', gpusPerServer: 8, nvlink: { bandwidthGbps: 3_600 } }],
  topology: { kind: 'leaf-spine', hostsPerLeaf: 16, oversubscription: 1 },
  switch: 'tomahawk5-64x800g',
  linkSpeedGbps: 400,
  propagationDelayNs: 50,
  mtuBytes: 4_096,
});

export function loadClusterSpecFile(path: string): ClusterSpec {
  return loadConfigFile(path, ClusterSpecSchema);
}
