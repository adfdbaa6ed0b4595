/**
 * Field ownership (`metadata.managedFields`) as server-side apply records it: each entry names
 * a manager, the operation (`Apply` or `Update`), the subresource, and the set of fields it
 * owns, encoded as FieldsV1 (`{"f:spec":{"f:replicas":{}}}`).
 *
 * Simplification (stated in the README): a field is a leaf of the object tree; lists and empty
 * objects are atomic leaves (as for CRD lists without `x-kubernetes-list-type`), so list items
 * are never owned one by one.
 *
 * Invariant kept by `pruneManagedFields`: every owned path exists in the object, and no entry
 * has an empty set (entries owning nothing are dropped, as the real apiserver does).
 */
import { badRequest } from './errors.js';
import { clone, deepEqual, getPath, isObject, type JsonObject } from './json.js';
import type { KubeObject } from './types.js';

/** A path of object keys from the root, e.g. `['spec', 'replicas']`. */
export type FieldPath = readonly string[];

/** One `metadata.managedFields` entry. */
export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  fieldsType: 'FieldsV1';
  fieldsV1: JsonObject;
  subresource?: string;
}

/** Metadata fields the server owns; they are never part of a manager's set. */
const SERVER_METADATA = new Set([
  'name',
  'namespace',
  'generateName',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'managedFields',
  'selfLink',
]);

/** `.spec.replicas`, as conflicts name a field. */
export function pathText(path: FieldPath): string {
  return `.${path.join('.')}`;
}

/** A set key for a path (keys may contain dots, so JSON is used). */
export function pathKey(path: FieldPath): string {
  return JSON.stringify(path);
}

/** True when one path is a prefix of (or equal to) the other: owning one touches the other. */
export function overlaps(a: FieldPath, b: FieldPath): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

function leaves(value: unknown, prefix: string[], out: string[][]): void {
  if (isObject(value) && Object.keys(value).length > 0) {
    for (const [k, v] of Object.entries(value)) if (v !== undefined) leaves(v, [...prefix, k], out);
  } else {
    out.push(prefix);
  }
}

/** Every leaf path of an object that a manager can own (apiVersion, kind and server metadata excluded). */
export function fieldPaths(obj: JsonObject): FieldPath[] {
  const out: string[][] = [];
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'apiVersion' || k === 'kind' || v === undefined) continue;
    if (k === 'metadata' && isObject(v)) {
      for (const [mk, mv] of Object.entries(v)) if (!SERVER_METADATA.has(mk) && mv !== undefined) leaves(mv, ['metadata', mk], out);
    } else {
      leaves(v, [k], out);
    }
  }
  return out;
}

/** FieldsV1 encoding of a set of paths. */
export function encodeFieldsV1(paths: readonly FieldPath[]): JsonObject {
  const root: JsonObject = {};
  for (const path of paths) {
    let node = root;
    for (const key of path) {
      const child = node[`f:${key}`];
      node = isObject(child) ? child : (node[`f:${key}`] = {});
    }
  }
  return root;
}

/** The paths a FieldsV1 document owns (its leaves); throws 400 on anything else. */
export function decodeFieldsV1(fields: unknown): FieldPath[] {
  const out: string[][] = [];
  const walk = (node: unknown, prefix: string[]): void => {
    if (!isObject(node)) throw badRequest(`managedFields: fieldsV1 must be an object, got ${JSON.stringify(node)}`);
    const children = Object.keys(node).filter((k) => k.startsWith('f:'));
    if (children.length === 0 && prefix.length > 0) out.push(prefix);
    for (const k of children) walk(node[k], [...prefix, k.slice(2)]);
  };
  walk(fields, []);
  return out;
}

/** The managedFields entries of an object (validated shape). */
export function entriesOf(obj: KubeObject): ManagedFieldsEntry[] {
  const raw = obj.metadata.managedFields;
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw badRequest(`metadata.managedFields must be a list, got ${JSON.stringify(raw)}`);
  return raw.map((e: unknown) => {
    if (!isObject(e) || typeof e.manager !== 'string' || (e.operation !== 'Apply' && e.operation !== 'Update')) {
      throw badRequest(`metadata.managedFields: each entry needs a manager and an Apply or Update operation, got ${JSON.stringify(e)}`);
    }
    return clone(e) as unknown as ManagedFieldsEntry;
  });
}

/** Whether two entries are the same owner: manager, operation and subresource. */
export function sameOwner(a: Pick<ManagedFieldsEntry, 'manager' | 'operation' | 'subresource'>, b: typeof a): boolean {
  return a.manager === b.manager && a.operation === b.operation && (a.subresource ?? '') === (b.subresource ?? '');
}

/** Wall-clock time in the RFC 3339 seconds form managedFields carry. */
export function nowTime(): string {
  return new Date().toISOString().replace(/\.\d+Z$/, 'Z');
}

/** Owner identity of a write. */
export interface Owner {
  manager: string;
  operation: 'Apply' | 'Update';
  subresource?: string;
}

/**
 * Sets `owner`'s entry in `entries` to own `paths` (replacing its set), keeping the entry's time
 * when the set is unchanged so that a no-op write stays a no-op.
 */
export function setOwned(entries: ManagedFieldsEntry[], owner: Owner, apiVersion: string, paths: readonly FieldPath[]): void {
  const fieldsV1 = encodeFieldsV1(paths);
  const i = entries.findIndex((e) => sameOwner(e, owner));
  const old = i < 0 ? undefined : entries[i];
  if (old !== undefined && deepEqual(old.fieldsV1, fieldsV1) && old.apiVersion === apiVersion) return;
  const entry: ManagedFieldsEntry = {
    manager: owner.manager,
    operation: owner.operation,
    apiVersion,
    time: nowTime(),
    fieldsType: 'FieldsV1',
    fieldsV1,
    ...(owner.subresource === undefined ? {} : { subresource: owner.subresource }),
  };
  if (old === undefined) entries.push(entry);
  else entries[i] = entry;
}

/** Removes from every entry but `keep` the paths overlapping any of `taken`. */
export function disown(entries: ManagedFieldsEntry[], taken: readonly FieldPath[], keep: Owner): void {
  for (const e of entries) {
    if (sameOwner(e, keep)) continue;
    const owned = decodeFieldsV1(e.fieldsV1);
    const left = owned.filter((p) => !taken.some((t) => overlaps(p, t)));
    if (left.length !== owned.length) e.fieldsV1 = encodeFieldsV1(left);
  }
}

/**
 * Records a non-apply write (create, update, patch) by `owner`: the fields whose value changed
 * move to the writer's `Update` entry and leave everyone else's.
 */
export function trackUpdate(cur: KubeObject | undefined, next: KubeObject, owner: Owner, apiVersion: string): void {
  const entries = cur === undefined ? [] : entriesOf(cur);
  const changed = fieldPaths(next).filter((p) => cur === undefined || !deepEqual(getPath(cur, p), getPath(next, p)));
  if (changed.length > 0) {
    disown(entries, changed, owner);
    const mine = entries.find((e) => sameOwner(e, owner));
    const had = mine === undefined ? [] : decodeFieldsV1(mine.fieldsV1);
    const keys = new Set(had.map(pathKey));
    setOwned(entries, owner, apiVersion, [...had, ...changed.filter((p) => !keys.has(pathKey(p)))]);
  }
  next.metadata.managedFields = entries;
}

/** Drops owned paths that no longer exist in `obj`, and entries left owning nothing. */
export function pruneManagedFields(obj: KubeObject): void {
  const entries = entriesOf(obj);
  if (entries.length === 0) {
    delete obj.metadata.managedFields;
    return;
  }
  const kept = entries.filter((e) => {
    const owned = decodeFieldsV1(e.fieldsV1);
    const present = owned.filter((p) => getPath(obj, p) !== undefined);
    if (present.length !== owned.length) e.fieldsV1 = encodeFieldsV1(present);
    return present.length > 0;
  });
  if (kept.length === 0) delete obj.metadata.managedFields;
  else obj.metadata.managedFields = kept;
}
