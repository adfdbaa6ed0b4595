import { z } from 'zod';
import { loadConfigFile } from '../../core/config.js';
import { badInput } from '../../core/errors.js';

/**
 * A sweep over cluster designs (`weft plan --sweep`): every combination of GPU count, GPU type,
 * leaf oversubscription and scheduling policy, built on a base (servers of `gpusPerServer`, a
 * leaf-spine of `hostsPerLeaf` NICs per leaf at `linkSpeedGbps`), with the targets a design must
 * meet and the prices its cost comes from. Given as a YAML file or inline
 * (`gpus=64..256:64,gpuType=[h100,a100],oversub=[1,2,4],policy=[best-fit,fgd]`).
 */

/** A list of values, or a range `from..to:step` (inclusive) in a string. */
const intList = z.union([z.array(z.number().int().positive()).min(1), z.string().regex(/^\d+\.\.\d+(:\d+)?$/, { error: 'a list or a range from..to:step' })]);

export const SweepSpecSchema = z
  .object({
    base: z
      .object({
        gpusPerServer: z.number().int().min(1).max(72).default(8),
        /** NICs (one per GPU) under one leaf switch. */
        hostsPerLeaf: z.number().int().min(1).max(1024).default(32),
        linkSpeedGbps: z.number().positive().max(10_000).default(400),
        /** NVLink bandwidth per GPU inside a server, Gb/s (0: none). */
        nvlinkGbps: z.number().min(0).default(3600),
      })
      .strict()
      .default({ gpusPerServer: 8, hostsPerLeaf: 32, linkSpeedGbps: 400, nvlinkGbps: 3600 }),
    sweep: z
      .object({
        gpus: intList,
        gpuType: z.array(z.string().min(1)).min(1).default(['h100']),
        oversubscription: z.array(z.number().min(1).max(64)).min(1).default([1]),
        policy: z.array(z.string().min(1)).min(1).default(['best-fit']),
      })
      .strict(),
    targets: z
      .object({
        jctMeanS: z.number().positive().optional(),
        jctP99S: z.number().positive().optional(),
        queueP99S: z.number().positive().optional(),
        /** Least share of the inference workloads' requests meeting their SLO (default 0.99 when the trace has any). */
        inferenceAttainment: z.number().min(0).max(1).optional(),
      })
      .strict()
      .default({}),
    /** The request load and targets of the trace's inference workloads (traces/replay/serving-slo.ts). */
    inference: z
      .object({
        /** Targets of deployments whose trace row gives none, as `weft deploy --slo`. Default ttft-p99=1s,tpot-p99=100ms. */
        slo: z.string().optional(),
        /** Requests per second per replica; default half a replica's SLO capacity on the reference GPU. */
        qpsPerReplica: z.number().positive().optional(),
        /** Requests simulated per serving configuration. */
        window: z.number().int().min(10).optional(),
      })
      .strict()
      .default({}),
    pricing: z
      .object({
        /** Per GPU-hour, by GPU type; default the gpu-model catalog's price. */
        gpuHourUsd: z.record(z.string(), z.number().min(0)).default({}),
        /**
         * Per leaf-spine uplink per hour (a 400G port at each end plus two optics, about
         * $1,500 of hardware amortised over three years: ~$0.06/h). An assumption; set your own.
         */
        uplinkHourUsd: z.number().min(0).default(0.06),
      })
      .strict()
      .default({ gpuHourUsd: {}, uplinkHourUsd: 0.06 }),
  })
  .strict();

export type SweepSpec = z.output<typeof SweepSpecSchema>;

/** One cluster design of a sweep. */
export interface DesignPoint {
  /** Position in the sweep's order (results are reported in it). */
  readonly index: number;
  /** `128xh100-2to1-best-fit`. */
  readonly name: string;
  readonly gpus: number;
  readonly gpuType: string;
  readonly oversubscription: number;
  readonly policy: string;
}

export function loadSweepSpec(path: string): SweepSpec {
  return loadConfigFile(path, SweepSpecSchema);
}

function expandInts(field: string, value: readonly number[] | string): number[] {
  if (typeof value !== 'string') return [...value];
  const [, from, to, step] = /^(\d+)\.\.(\d+)(?::(\d+))?$/.exec(value)!;
  const a = Number(from);
  const b = Number(to);
  const s = step === undefined ? 1 : Number(step);
  if (!(a >= 1 && b >= a && s >= 1) || (b - a) / s > 1000) throw badInput('invalid range', { field, value, expected: 'from..to:step with 1 <= from <= to and at most 1,000 values' });
  const out: number[] = [];
  for (let x = a; x <= b; x += s) out.push(x);
  return out;
}

/**
 * The design points in a fixed order (GPU count, then GPU type, oversubscription, policy), so
 * results come back in the same order however the work was spread over threads.
 * @throws WeftError for a GPU count that is not a whole number of servers, or a duplicate value.
 */
export function designPoints(spec: SweepSpec): DesignPoint[] {
  const gpus = expandInts('sweep.gpus', spec.sweep.gpus);
  for (const [field, values] of [['sweep.gpus', gpus], ['sweep.gpuType', spec.sweep.gpuType], ['sweep.oversubscription', spec.sweep.oversubscription], ['sweep.policy', spec.sweep.policy]] as const) {
    const seen = new Set<unknown>();
    for (const v of values) {
      if (seen.has(v)) throw badInput('duplicate sweep value', { field, value: String(v), expected: 'distinct values' });
      seen.add(v);
    }
  }
  for (const g of gpus) {
    if (g % spec.base.gpusPerServer !== 0) throw badInput('GPU count not a whole number of servers', { field: 'sweep.gpus', value: g, expected: `a multiple of base.gpusPerServer (${spec.base.gpusPerServer})` });
  }
  const points: DesignPoint[] = [];
  for (const g of gpus) {
    for (const gpuType of spec.sweep.gpuType) {
      for (const oversubscription of spec.sweep.oversubscription) {
        for (const policy of spec.sweep.policy) {
          points.push({ index: points.length, name: `${g}x${gpuType}-${oversubscription}to1-${policy}`, gpus: g, gpuType, oversubscription, policy });
        }
      }
    }
  }
  return points;
}

/**
 * The inline form: `key=value` pairs separated by commas outside brackets; a value is a list in
 * brackets or a single value; `gpus` also takes `from..to:step`. Keys: gpus, gpuType (or gpu),
 * oversub (or oversubscription), policy.
 */
export function parseInlineSweep(text: string): unknown {
  const pairs: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of text) {
    if (c === '[') depth++;
    if (c === ']') depth--;
    if (c === ',' && depth === 0) {
      pairs.push(current);
      current = '';
    } else current += c;
  }
  if (current !== '') pairs.push(current);
  const keys: Record<string, string> = { gpus: 'gpus', gpu: 'gpuType', gputype: 'gpuType', oversub: 'oversubscription', oversubscription: 'oversubscription', policy: 'policy' };
  const sweep: Record<string, unknown> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const key = keys[pair.slice(0, eq).trim().toLowerCase()];
    if (eq < 0 || key === undefined) throw badInput('invalid sweep', { field: '--sweep', value: pair, expected: 'key=value with key one of gpus, gpuType, oversub, policy' });
    const raw = pair.slice(eq + 1).trim();
    const items = raw.startsWith('[') && raw.endsWith(']') ? raw.slice(1, -1).split(',').map((s) => s.trim()).filter((s) => s !== '') : [raw];
    const numeric = key === 'gpus' || key === 'oversubscription';
    if (key === 'gpus' && items.length === 1 && items[0]!.includes('..')) sweep[key] = items[0];
    else sweep[key] = items.map((s) => (numeric ? Number(s) : s));
  }
  return { sweep };
}
