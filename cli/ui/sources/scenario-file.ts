import { readFileSync } from 'node:fs';
import { isMap, parseDocument } from 'yaml';
import { parseConfigText } from '../../../core/config.js';
import { badInput } from '../../../core/errors.js';
import { ScenarioSchema, type Scenario } from '../../../fabric-sim/scenario.js';
import { ServingScenarioSchema, type ServingScenario } from './serving/serving-scenario.js';

/** A scenario file for `weft ui --scenario`: a fabric scenario or a serving scenario. */
export type DashboardScenario =
  | { kind: 'fabric'; file: string; scenario: Scenario }
  | { kind: 'serving'; file: string; scenario: ServingScenario; text: string };

/**
 * Reads a scenario file. `kind: serving` at the top selects the serving schema; anything else
 * is a fabric scenario (the YAML `weft fabric run` takes). A missing file, a syntax error or a
 * schema violation is one BAD_INPUT error naming the file, line and field.
 */
export function loadDashboardScenario(path: string): DashboardScenario {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw badInput(code === 'ENOENT' ? 'file not found' : `cannot read file (${code ?? 'unknown error'})`, { file: path, field: '--scenario', cause });
  }
  const format = path.toLowerCase().endsWith('.json') ? 'JSON' : 'YAML';
  const doc = parseDocument(text, { prettyErrors: false });
  const top = doc.errors.length === 0 && isMap(doc.contents) ? doc.get('kind') : undefined;
  if (top === 'serving') return { kind: 'serving', file: path, scenario: parseConfigText(text, ServingScenarioSchema, { file: path, format }), text };
  return { kind: 'fabric', file: path, scenario: parseConfigText(text, ScenarioSchema, { file: path, format }) };
}
