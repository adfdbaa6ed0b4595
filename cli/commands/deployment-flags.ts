import { badInput } from '../../core/errors.js';
import { parseWeightPrecision, type WeightPrecision } from '../../gpu-model/index.js';
import type { CommandContext } from '../command.js';
import { parseIntegerOption } from '../options.js';

/** A required string flag. */
export function requiredFlag(options: CommandContext['options'], flag: string, expected: string): string {
  const value = options[flag];
  if (typeof value !== 'string' || value.trim() === '') throw badInput(`missing --${flag}`, { field: `--${flag}`, expected });
  return value;
}

/** The flags shared by estimate and serve: model, GPU, parallelism, precision. */
export function deploymentFlags(options: CommandContext['options']): { model: string; gpu: string; tp: number; pp: number; ep: number; precision: WeightPrecision } {
  return {
    model: requiredFlag(options, 'model', 'a model name (weft model list)'),
    gpu: requiredFlag(options, 'gpu', 'a GPU type (weft gpu list)'),
    tp: options.tp === undefined ? 1 : parseIntegerOption('--tp', options.tp, { min: 1, max: 1024 }),
    pp: options.pp === undefined ? 1 : parseIntegerOption('--pp', options.pp, { min: 1, max: 1024 }),
    ep: options.ep === undefined ? 1 : parseIntegerOption('--ep', options.ep, { min: 1, max: 1024 }),
    precision: typeof options.precision === 'string' ? parseWeightPrecision(options.precision, '--precision') : 'bf16',
  };
}
