import { z } from 'zod';
import { loadConfigFile } from '../../core/config.js';
import { WeftError } from '../../core/errors.js';
import { DEFAULT_RULES, ModelClassMapper, type ModelClassRule } from './model-class-rules.js';
import { builtinModelClasses, type ModelClass } from './model-classes.js';

const ClassSchema = z
  .object({
    standsFor: z.string().default(''),
    params: z.number().positive(),
    gradientBytesPerParam: z.number().positive().default(2),
    catalogModel: z.string().optional(),
    trains: z.boolean().default(true),
    source: z.string().default('user mapping file'),
  })
  .strict();

const RuleSchema = z
  .object({
    sources: z.array(z.string()).optional(),
    application: z.string().optional(),
    minGpus: z.number().int().nonnegative().optional(),
    maxGpus: z.number().int().nonnegative().optional(),
    minRunS: z.number().nonnegative().optional(),
    maxRunS: z.number().nonnegative().optional(),
    modelClass: z.string(),
    serve: z.boolean().optional(),
    gpusPerReplica: z.number().int().positive().optional(),
    why: z.string().optional(),
  })
  .strict();

/**
 * A mapping file (YAML or JSON): `classes` adds classes or replaces built-in ones by name;
 * `rules`, when given, replaces the built-in rules entirely (first match wins, the last rule
 * without conditions).
 */
export const MappingFileSchema = z
  .object({
    classes: z.record(z.string(), ClassSchema).default({}),
    rules: z.array(RuleSchema).optional(),
  })
  .strict();

/**
 * Loads a model-class mapping file over the built-in classes and rules.
 * @throws WeftError naming the file, the field (`rules[2].modelClass`), the bad value and what was expected.
 */
export function loadModelClassMapper(path: string): ModelClassMapper {
  const file = loadConfigFile(path, MappingFileSchema);
  const classes = new Map<string, ModelClass>(builtinModelClasses().map((c) => [c.name, c]));
  for (const [name, c] of Object.entries(file.classes)) {
    const { catalogModel, ...rest } = c;
    classes.set(name, { name, ...rest, ...(catalogModel === undefined ? {} : { catalogModel }) });
  }
  const rules: ModelClassRule[] = file.rules ?? [...DEFAULT_RULES];
  try {
    return new ModelClassMapper({ classes: [...classes.values()], rules });
  } catch (error) {
    if (!(error instanceof WeftError)) throw error;
    throw new WeftError(error.code, error.message, { ...error.details, file: path });
  }
}
