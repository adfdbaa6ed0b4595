import { z } from 'zod';
import { loadConfigFile, parseConfigText } from '../core/config.js';
import { badInput } from '../core/errors.js';

/**
 * The switch spec schema for YAML/JSON: a zod mirror of `switch.proto` (the one source of
 * truth), field for field in the proto's JSON names. `spec.test.ts` checks that every message,
 * field and enum value here matches the proto, so the two cannot drift apart.
 */

export const FORWARDING_MODES = ['CUT_THROUGH', 'STORE_AND_FORWARD'] as const;
export const SCHEDULINGS = ['DWRR', 'STRICT_PRIORITY'] as const;
export const LOAD_BALANCING_MODES = ['ECMP', 'PACKET_SPRAY', 'FLOWLET', 'ADAPTIVE'] as const;
export const PORT_SPEEDS_GBPS = [100, 200, 400, 800] as const;
export const NUM_CLASSES = 8;

const uint32 = z.number().int().min(0).max(0xffffffff);

export const BufferSchema = z
  .object({
    sharedBytes: z.number().int().min(0),
    reservedPerPortClassBytes: uint32,
    pfcHeadroomPerPortClassBytes: uint32,
    dynamicThresholdAlpha: z.number().gt(0).max(1024),
  })
  .strict();

export const EcnSchema = z
  .object({
    enabled: z.boolean(),
    kminBytes: uint32,
    kmaxBytes: uint32,
    pmax: z.number().min(0).max(1),
  })
  .strict()
  .refine((ecn) => !ecn.enabled || ecn.kmaxBytes >= ecn.kminBytes, {
    error: 'kmaxBytes must be at least kminBytes',
    path: ['kmaxBytes'],
  });

export const PfcSchema = z
  .object({
    enabled: z.boolean(),
    xoffBytes: uint32,
    xonOffsetBytes: uint32,
  })
  .strict();

export const TrafficClassSchema = z
  .object({
    id: z.number().int().min(0).max(NUM_CLASSES - 1),
    scheduling: z.enum(SCHEDULINGS),
    dwrrWeight: z.number().int().min(1).max(255),
    lossless: z.boolean(),
    ecn: EcnSchema,
    pfc: PfcSchema,
  })
  .strict();

export const LoadBalancingSchema = z
  .object({
    mode: z.enum(LOAD_BALANCING_MODES),
    hashSeed: uint32,
    flowletGapNs: z.number().min(0),
    adaptiveThresholdBytes: uint32,
  })
  .strict();

export const InbandTelemetrySchema = z
  .object({
    enabled: z.boolean(),
    bytesPerHop: z.number().int().min(0).max(256),
  })
  .strict();

export const SourceSchema = z.object({ field: z.string().min(1), reference: z.string().min(1) }).strict();

export const SwitchSpecSchema = z
  .object({
    name: z.string().min(1),
    description: z.string(),
    radix: z.number().int().min(2).max(1024),
    portSpeedGbps: z.union(PORT_SPEEDS_GBPS.map((speed) => z.literal(speed))),
    buffer: BufferSchema,
    forwarding: z.enum(FORWARDING_MODES),
    portToPortLatencyNs: z.number().min(0).max(1e6),
    classes: z
      .array(TrafficClassSchema)
      .length(NUM_CLASSES)
      .refine((classes) => classes.every((c, i) => c.id === i), { error: 'classes must be listed in order, ids 0..7' }),
    loadBalancing: LoadBalancingSchema,
    int: InbandTelemetrySchema,
    sources: z.array(SourceSchema),
  })
  .strict();

export type SwitchSpec = z.output<typeof SwitchSpecSchema>;
export type TrafficClassSpec = z.output<typeof TrafficClassSchema>;
export type ForwardingMode = (typeof FORWARDING_MODES)[number];
export type LoadBalancingMode = (typeof LOAD_BALANCING_MODES)[number];

/** Reads and validates a switch spec from a YAML or JSON file (errors name file:line:col). */
export function loadSwitchSpecFile(path: string): SwitchSpec {
  return loadConfigFile(path, SwitchSpecSchema);
}

/** Validates a switch spec given as text; `file` names it in errors. */
export function parseSwitchSpecText(text: string, file: string, format: 'YAML' | 'JSON' = 'YAML'): SwitchSpec {
  return parseConfigText(text, SwitchSpecSchema, { file, format });
}

/** Validates an in-memory object (for example a preset with overrides). */
export function validateSwitchSpec(value: unknown, where = 'switch spec'): SwitchSpec {
  const result = SwitchSpecSchema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw badInput(`invalid ${where}: ${issue.message}`, {
    field: issue.path.map(String).join('.'),
    expected: 'a switch spec as defined by switch-model/switch.proto',
  });
}
