import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { badInput } from './errors.js';

/**
 * Reads a YAML or JSON file and validates it against a zod schema. A syntax error or the first
 * schema violation becomes one `BAD_INPUT` WeftError naming the file, line and column, the
 * field path, the bad value and what was expected.
 *
 * @example
 * const Cluster = z.object({ name: z.string(), servers: z.number().int().positive() });
 * const cluster = loadConfigFile('cluster.yaml', Cluster);
 */
export function loadConfigFile<S extends z.ZodType>(path: string, schema: S): z.output<S> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw badInput(code === 'ENOENT' ? 'file not found' : `cannot read file (${code ?? 'unknown error'})`, {
      file: path,
      cause,
    });
  }
  const format = extname(path).toLowerCase() === '.json' ? 'JSON' : 'YAML';
  return parseConfigText(text, schema, { file: path, format });
}

/** Same as `loadConfigFile` for text already in memory; `file` names it in errors. */
export function parseConfigText<S extends z.ZodType>(
  text: string,
  schema: S,
  options: { file: string; format?: 'YAML' | 'JSON' },
): z.output<S> {
  const file = options.file;
  const lineCounter = new LineCounter();
  // JSON is parsed by the YAML parser too (JSON is YAML 1.2), which keeps node positions.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntaxError = doc.errors[0];
  if (syntaxError !== undefined) {
    const pos = lineCounter.linePos(syntaxError.pos[0]);
    throw badInput(`${options.format ?? 'YAML'} syntax error: ${firstLine(syntaxError.message)}`, {
      file,
      line: pos.line,
      column: pos.col,
    });
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
  const pos = positionOf(doc, path, lineCounter);
  throw badInput(describeIssue(issue), {
    file,
    ...(pos === undefined ? {} : { line: pos.line, column: pos.col }),
    field: path.length === 0 ? '(document)' : formatFieldPath(path),
    value: valueAt(data, path),
    ...expectationOf(issue),
  });
}

/** `servers[2].gpuType` from `['servers', 2, 'gpuType']`. */
export function formatFieldPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? key : `.${key}`;
  }
  return out;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return 'wrong type';
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'too_small':
    case 'too_big':
      return 'out of range';
    case 'invalid_value':
      return 'not an allowed value';
    default:
      return issue.message;
  }
}

function expectationOf(issue: z.core.$ZodIssue): { expected?: string } {
  switch (issue.code) {
    case 'invalid_type':
      return { expected: issue.expected };
    case 'invalid_value':
      return { expected: `one of: ${issue.values.map((v) => String(v)).join(', ')}` };
    case 'too_small':
      return { expected: `${issue.inclusive === false ? '>' : '>='} ${String(issue.minimum)}` };
    case 'too_big':
      return { expected: `${issue.inclusive === false ? '<' : '<='} ${String(issue.maximum)}` };
    case 'unrecognized_keys':
      return { expected: 'only the fields the schema defines' };
    default:
      return { expected: issue.message };
  }
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** Line/column of the deepest node on `path` that exists in the document. */
function positionOf(
  doc: Document,
  path: readonly (string | number)[],
  lineCounter: LineCounter,
): { line: number; col: number } | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node: unknown = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]);
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
