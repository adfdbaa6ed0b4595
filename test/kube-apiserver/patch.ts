/**
 * Patch application: JSON merge patch (RFC 7386), JSON patch (RFC 6902), and strategic merge
 * patch approximated as merge patch (lists are replaced whole, `$patch` directives unsupported).
 */
import { badRequest, invalid } from './errors.js';
import { clone, deepEqual, isObject } from './json.js';

/** RFC 7386: objects merge recursively, null deletes, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return clone(patch);
  const base: Record<string, unknown> = isObject(target) ? clone(target) : {};
  const deleted = new Set(Object.keys(patch).filter((k) => patch[k] === null));
  const out = Object.fromEntries(Object.entries(base).filter(([k]) => !deleted.has(k)));
  for (const [key, value] of Object.entries(patch)) {
    if (value !== null) out[key] = mergePatch(out[key], value);
  }
  return out;
}

function decodePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw badRequest(`json patch path ${JSON.stringify(pointer)} must start with "/"`);
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** Resolves the container of the pointer's last token; throws when a step is missing. */
function parentOf(doc: unknown, tokens: string[], pointer: string): { parent: unknown; key: string } {
  let cur = doc;
  for (const t of tokens.slice(0, -1)) {
    if (Array.isArray(cur)) cur = cur[Number(t)];
    else if (isObject(cur)) cur = cur[t];
    else cur = undefined;
    if (cur === undefined) throw invalidPatch(`path ${JSON.stringify(pointer)} does not exist`);
  }
  return { parent: cur, key: tokens[tokens.length - 1] ?? '' };
}

function invalidPatch(message: string): Error {
  return invalid('Patch', '', '', [{ reason: 'FieldValueInvalid', message, field: 'patch' }]);
}

function read(doc: unknown, pointer: string): unknown {
  let cur = doc;
  for (const t of decodePointer(pointer)) {
    if (Array.isArray(cur)) cur = cur[Number(t)];
    else if (isObject(cur)) cur = cur[t];
    else return undefined;
  }
  return cur;
}

function remove(doc: unknown, pointer: string): unknown {
  const tokens = decodePointer(pointer);
  const { parent, key } = parentOf(doc, tokens, pointer);
  if (Array.isArray(parent)) {
    const i = Number(key);
    if (!Number.isInteger(i) || i < 0 || i >= parent.length) throw invalidPatch(`no index ${key} at ${pointer}`);
    return parent.splice(i, 1)[0];
  }
  if (isObject(parent) && key in parent) {
    const v = parent[key];
    Reflect.deleteProperty(parent, key);
    return v;
  }
  throw invalidPatch(`unable to remove nonexistent key: ${pointer}`);
}

function add(doc: unknown, pointer: string, value: unknown, replace: boolean): unknown {
  const tokens = decodePointer(pointer);
  if (tokens.length === 0) return clone(value);
  const { parent, key } = parentOf(doc, tokens, pointer);
  if (Array.isArray(parent)) {
    const i = key === '-' ? parent.length : Number(key);
    if (!Number.isInteger(i) || i < 0 || i > parent.length - (replace ? 1 : 0)) {
      throw invalidPatch(`index ${key} out of range at ${pointer}`);
    }
    parent.splice(i, replace ? 1 : 0, clone(value));
  } else if (isObject(parent)) {
    if (replace && !(key in parent)) throw invalidPatch(`unable to replace nonexistent key: ${pointer}`);
    parent[key] = clone(value);
  } else {
    throw invalidPatch(`path ${JSON.stringify(pointer)} does not exist`);
  }
  return doc;
}

/** RFC 6902 JSON patch; a failed `test` or a missing path is a 422. */
export function jsonPatch(target: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops)) throw badRequest('json patch must be an array of operations');
  let doc = clone(target);
  for (const op of ops) {
    if (!isObject(op) || typeof op.op !== 'string' || typeof op.path !== 'string') {
      throw badRequest(`invalid json patch operation ${JSON.stringify(op)}`);
    }
    const from = typeof op.from === 'string' ? op.from : '';
    switch (op.op) {
      case 'add':
        doc = add(doc, op.path, op.value, false);
        break;
      case 'replace':
        doc = add(doc, op.path, op.value, true);
        break;
      case 'remove':
        remove(doc, op.path);
        break;
      case 'move':
        doc = add(doc, op.path, remove(doc, from), false);
        break;
      case 'copy':
        doc = add(doc, op.path, read(doc, from), false);
        break;
      case 'test':
        if (!deepEqual(read(doc, op.path), op.value)) {
          throw invalidPatch(`testing value ${op.path} failed`);
        }
        break;
      default:
        throw badRequest(`unknown json patch op ${JSON.stringify(op.op)}`);
    }
  }
  return doc;
}

/** Patch content types the server accepts. */
export const PATCH_TYPES = [
  'application/merge-patch+json',
  'application/json-patch+json',
  'application/strategic-merge-patch+json',
  'application/apply-patch+yaml',
] as const;

/** One of PATCH_TYPES. */
export type PatchType = (typeof PATCH_TYPES)[number];

/** Applies a parsed patch body of the given type. */
export function applyPatch(type: PatchType, target: unknown, patch: unknown): unknown {
  return type === 'application/json-patch+json' ? jsonPatch(target, patch) : mergePatch(target, patch);
}
