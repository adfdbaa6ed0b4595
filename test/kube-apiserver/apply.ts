/**
 * Server-side apply (PATCH `application/apply-patch+yaml`) with field managers:
 * - the applied configuration's fields become the manager's `Apply` set;
 * - a field another manager owns with a different value is a 409 Conflict naming the field and
 *   the manager (cause `FieldManagerConflict`), unless `force=true`, which takes ownership;
 *   the same value is shared, not a conflict;
 * - a field the manager applied before but omits now is removed, unless someone else owns it.
 * Fields are leaves and lists are atomic (see managed-fields.ts).
 */
import { ApiError, badRequest, invalid } from './errors.js';
import { clone, deepEqual, getPath, isObject, type JsonObject } from './json.js';
import {
  decodeFieldsV1,
  disown,
  entriesOf,
  fieldPaths,
  overlaps,
  pathKey,
  pathText,
  sameOwner,
  setOwned,
  type FieldPath,
  type Owner,
} from './managed-fields.js';
import type { KubeObject, Status } from './types.js';

/** What an apply request names. */
export interface ApplyRequest {
  /** The `fieldManager` query parameter (required for apply). */
  manager: string | null;
  /** The `force` query parameter. */
  force: boolean;
  /** `status` when applied to the status subresource. */
  subresource?: string;
  /** Whether the resource has a status subresource (the main resource then ignores .status). */
  statusSubresource: boolean;
  /** The resource's apiVersion, recorded in the entry. */
  apiVersion: string;
  /** For error messages: `widgets.example.com` and the object name. */
  resource: { group: string; plural: string };
  name: string;
}

function setPath(obj: JsonObject, path: FieldPath, value: unknown): void {
  let node = obj;
  for (const key of path.slice(0, -1)) {
    const child = node[key];
    node = isObject(child) ? child : (node[key] = {});
  }
  node[path[path.length - 1]!] = clone(value);
}

/** Deletes the leaf at `path`, then any parent object it leaves empty (below the top level). */
function deletePath(obj: JsonObject, path: FieldPath): void {
  const chain: JsonObject[] = [obj];
  for (const key of path.slice(0, -1)) {
    const child = chain[chain.length - 1]![key];
    if (!isObject(child)) return;
    chain.push(child);
  }
  for (let i = path.length - 1; i >= 0; i--) {
    const parent = chain[i]!;
    Reflect.deleteProperty(parent, path[i]!);
    if (i === 0 || Object.keys(parent).length > 0) return;
  }
}

function conflictError(req: ApplyRequest, found: { manager: string; path: FieldPath }[]): ApiError {
  const byManager = new Map<string, string[]>();
  for (const c of found) byManager.set(c.manager, [...(byManager.get(c.manager) ?? []), pathText(c.path)]);
  const parts = [...byManager].map(([m, fields]) =>
    fields.length === 1 ? `conflict with "${m}": ${fields[0]!}` : `conflicts with "${m}":\n${fields.map((f) => `- ${f}`).join('\n')}`,
  );
  const n = found.length;
  const resource = req.resource.group === '' ? req.resource.plural : `${req.resource.plural}.${req.resource.group}`;
  const status: Status = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `Apply failed with ${n} conflict${n === 1 ? '' : 's'}: ${parts.join('\n')}`,
    reason: 'Conflict',
    details: {
      name: req.name,
      group: req.resource.group,
      kind: resource,
      causes: found.map((c) => ({ reason: 'FieldManagerConflict', message: `conflict with "${c.manager}"`, field: pathText(c.path) })),
    },
    code: 409,
  };
  return new ApiError(status);
}

/**
 * The object that applying `config` to `cur` (undefined: not there yet) produces, with its
 * managedFields updated. Throws 409 on conflicts (without `force`), 422 without a manager.
 */
export function serverSideApply(cur: KubeObject | undefined, config: unknown, req: ApplyRequest): KubeObject {
  if (req.manager === null || req.manager === '') {
    throw invalid('PatchOptions', 'meta.k8s.io', '', [
      { reason: 'FieldValueRequired', field: 'fieldManager', message: 'Required value: is required for apply patch' },
    ]);
  }
  if (!isObject(config)) throw badRequest(`apply configuration must be an object, got ${JSON.stringify(config)}`);
  const owner: Owner = { manager: req.manager, operation: 'Apply', ...(req.subresource === undefined ? {} : { subresource: req.subresource }) };
  // Through /status only .status is applied; through the main resource of a type with a status
  // subresource .status is ignored (the store keeps the stored status).
  const applied = fieldPaths(config).filter((p) =>
    req.subresource === 'status' ? p[0] === 'status' : !(req.statusSubresource && p[0] === 'status'),
  );
  const base: KubeObject = cur === undefined ? { metadata: {} } : clone(cur);
  const entries = cur === undefined ? [] : entriesOf(cur);

  const conflicts: { manager: string; path: FieldPath }[] = [];
  for (const e of entries) {
    if (sameOwner(e, owner)) continue;
    for (const owned of decodeFieldsV1(e.fieldsV1)) {
      for (const p of applied) {
        if (overlaps(owned, p) && !deepEqual(getPath(base, p), getPath(config, p))) conflicts.push({ manager: e.manager, path: p });
      }
    }
  }
  if (conflicts.length > 0 && !req.force) throw conflictError(req, conflicts);
  if (req.force) disown(entries, conflicts.map((c) => c.path), owner);

  const mine = entries.find((e) => sameOwner(e, owner));
  const appliedKeys = new Set(applied.map(pathKey));
  const othersOwn = (p: FieldPath): boolean =>
    entries.some((e) => !sameOwner(e, owner) && decodeFieldsV1(e.fieldsV1).some((q) => overlaps(p, q)));
  for (const p of mine === undefined ? [] : decodeFieldsV1(mine.fieldsV1)) {
    if (!appliedKeys.has(pathKey(p)) && !othersOwn(p)) deletePath(base, p);
  }
  for (const p of applied) setPath(base, p, getPath(config, p));

  const meta = isObject(config.metadata) ? config.metadata : {};
  if (cur === undefined) {
    base.metadata.name = typeof meta.name === 'string' ? meta.name : req.name;
    if (typeof meta.namespace === 'string') base.metadata.namespace = meta.namespace;
  } else if (typeof meta.resourceVersion === 'string' && meta.resourceVersion !== '') {
    // A resourceVersion in the configuration is a precondition, as on a real apiserver.
    base.metadata.resourceVersion = meta.resourceVersion;
  }
  setOwned(entries, owner, req.apiVersion, applied);
  base.metadata.managedFields = entries;
  return base;
}
