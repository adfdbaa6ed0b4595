/**
 * Object storage with one global resourceVersion counter, an event history bounded by a
 * configurable window (older watches get 410 Gone), watches, and the write semantics the
 * operator relies on: optimistic concurrency, generation, finalizers, owner-reference GC.
 *
 * Invariants:
 * - every committed change takes the next resourceVersion, so history is strictly ordered;
 * - history holds exactly the changes with resourceVersion > compactedRv, so a watch from
 *   rv >= compactedRv can be replayed without gaps and one from rv < compactedRv cannot;
 * - everything handed out is a deep copy.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { admit, checkName, defaultOnCreate, type FieldValidation } from './admission.js';
import { alreadyExists, badRequest, conflict, gone, invalid, notFound, STALE_RV } from './errors.js';
import { clone, deepEqual, isObject } from './json.js';
import { pruneManagedFields, trackUpdate } from './managed-fields.js';
import { apiVersionOf, storageKey, type ResourceType } from './resources.js';
import type { Selector } from './selectors.js';
import type { KubeObject } from './types.js';

/** A committed change. `old` is the previous state of a MODIFIED object. */
export interface Change {
  rv: number;
  key: string;
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: KubeObject;
  old?: KubeObject;
}

/** Options shared by create, update and patch. */
export interface WriteOptions {
  fieldValidation?: FieldValidation;
  /** `All`: validate and return the result without storing it. */
  dryRun?: boolean;
  /** The field manager of a non-apply write: the fields it changes become its `Update` set. */
  fieldManager?: string;
  /** The body's managedFields were computed by server-side apply: take them as they are. */
  applied?: boolean;
}

/** DeleteOptions the server honours. */
export interface DeleteOptions {
  /** Background (default) deletes dependents after the owner, Foreground before it; Orphan unlinks them. */
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
  preconditions?: { uid?: string; resourceVersion?: string };
}

/** What a watch delivers: the event type and a copy of the object. */
export type WatchSink = (type: 'ADDED' | 'MODIFIED' | 'DELETED', object: KubeObject) => void;

/** State that survives a restart from snapshot. */
export interface Snapshot {
  resourceVersion: number;
  objects: { key: string; object: KubeObject }[];
}

/** The finalizer that holds an owner deleted in the foreground until its dependents are gone. */
const FOREGROUND = 'foregroundDeletion';

/** Object identity inside one resource: `namespace/name` ('' namespace when cluster-scoped). */
function objectKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

/** Everything that is not metadata or status: a change here bumps metadata.generation. */
function specPart(obj: KubeObject): Record<string, unknown> {
  const { metadata: _m, status: _s, apiVersion: _a, kind: _k, ...rest } = obj;
  return rest;
}

function nowTimestamp(): string {
  return new Date().toISOString().replace(/\.\d+Z$/, 'Z');
}

/** In-memory storage for the test apiserver. */
export class Store {
  #rv = 0;
  #compactedRv = 0;
  #historyWindow: number;
  #history: Change[] = [];
  #objects = new Map<string, Map<string, KubeObject>>();
  #listeners = new Set<(change: Change) => void>();

  /** @param historyWindow how many changes are kept for watch replay (older ones are compacted). */
  constructor(historyWindow = 1000) {
    this.#historyWindow = historyWindow;
  }

  /** The last resourceVersion issued. */
  get resourceVersion(): number {
    return this.#rv;
  }

  /** Watches from a resourceVersion below this one get 410 Gone. */
  get compactedResourceVersion(): number {
    return this.#compactedRv;
  }

  /** Changes how many changes are kept; shrinking compacts immediately. */
  setHistoryWindow(window: number): void {
    this.#historyWindow = window;
    this.#trim();
  }

  /** Forgets all history: any watch from an older resourceVersion will get 410 Gone. */
  compact(): void {
    this.#history = [];
    this.#compactedRv = this.#rv;
  }

  /** Calls `fn` after every committed change; returns the unsubscribe function. */
  subscribe(fn: (change: Change) => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  /** The stored object, or a 404. */
  get(rt: ResourceType, namespace: string | undefined, name: string): KubeObject {
    const obj = this.#objects.get(storageKey(rt))?.get(objectKey(namespace, name));
    if (obj === undefined) throw notFound(rt, name);
    return clone(obj);
  }

  /** Objects of `rt` (in `namespace` when given) matching `selector`, ordered by namespace/name. */
  list(rt: ResourceType, namespace: string | undefined, selector: Selector): KubeObject[] {
    const map = this.#objects.get(storageKey(rt)) ?? new Map<string, KubeObject>();
    return [...map.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, o]) => o)
      .filter((o) => (namespace === undefined || o.metadata.namespace === namespace) && selector(o))
      .map((o) => clone(o));
  }

  /** Every stored object of any resource (for GC and tests). */
  all(): { key: string; object: KubeObject }[] {
    const out: { key: string; object: KubeObject }[] = [];
    for (const [key, map] of this.#objects) for (const object of map.values()) out.push({ key, object: clone(object) });
    return out;
  }

  /** Creates an object; `namespace` comes from the URL and wins over an absent body namespace. */
  create(rt: ResourceType, namespace: string | undefined, body: unknown, opts: WriteOptions = {}): KubeObject {
    if (!isObject(body)) throw badRequest(`request body must be a JSON object, got ${JSON.stringify(body)}`);
    const obj = clone(body) as KubeObject;
    if (!isObject(obj.metadata)) obj.metadata = {};
    const meta = obj.metadata;
    if (rt.namespaced) {
      if (meta.namespace !== undefined && meta.namespace !== '' && meta.namespace !== namespace) {
        throw badRequest(
          `the namespace of the provided object (${meta.namespace}) does not match the namespace sent on the request (${String(namespace)})`,
        );
      }
      meta.namespace = namespace;
    } else {
      delete meta.namespace;
    }
    if ((meta.name === undefined || meta.name === '') && typeof meta.generateName === 'string') {
      meta.name = meta.generateName + randomBytes(4).toString('hex').slice(0, 5);
    }
    const name = meta.name ?? '';
    if (name === '') {
      throw invalid(rt.kind, rt.group, '', [
        { reason: 'FieldValueRequired', field: 'metadata.name', message: 'Required value: name or generateName is required' },
      ]);
    }
    checkName(rt, name);
    if (meta.resourceVersion !== undefined && meta.resourceVersion !== '') {
      throw badRequest(`resourceVersion should not be set on objects to be created (got ${meta.resourceVersion})`);
    }
    const key = storageKey(rt);
    if (this.#objects.get(key)?.has(objectKey(meta.namespace, name)) === true) throw alreadyExists(rt, name);
    obj.apiVersion = apiVersionOf(rt);
    obj.kind = rt.kind;
    defaultOnCreate(rt, obj);
    admit(rt, obj, opts.fieldValidation);
    if (opts.applied !== true && opts.fieldManager !== undefined) {
      trackUpdate(undefined, obj, { manager: opts.fieldManager, operation: 'Update' }, apiVersionOf(rt));
    }
    pruneManagedFields(obj);
    meta.uid = randomUUID();
    meta.creationTimestamp = nowTimestamp();
    meta.generation = 1;
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
    if (opts.dryRun === true) return obj;
    return this.#put(key, obj, 'ADDED');
  }

  /**
   * Replaces an object (PUT). A non-empty metadata.resourceVersion must equal the stored one
   * (else 409). With `subresource: 'status'` only .status changes; on the main resource of a
   * type with a status subresource, .status is kept as stored.
   */
  update(
    rt: ResourceType,
    namespace: string | undefined,
    name: string,
    body: unknown,
    opts: WriteOptions & { subresource?: 'status' } = {},
  ): KubeObject {
    if (!isObject(body) || !isObject(body.metadata)) {
      throw badRequest(`request body must be an object with metadata, got ${JSON.stringify(body)}`);
    }
    const cur = this.get(rt, namespace, name);
    const given = body.metadata as KubeObject['metadata'];
    if (given.name !== undefined && given.name !== name) {
      throw badRequest(`the name of the object (${given.name}) does not match the name on the URL (${name})`);
    }
    if (given.resourceVersion !== undefined && given.resourceVersion !== '' && given.resourceVersion !== cur.metadata.resourceVersion) {
      throw conflict(rt, name, STALE_RV);
    }
    let next: KubeObject;
    if (opts.subresource === 'status') {
      next = clone(cur);
      if (body.status === undefined) delete next.status;
      else next.status = clone(body.status);
      if (opts.applied === true) next.metadata.managedFields = clone(given.managedFields);
    } else {
      next = clone(body) as KubeObject;
      next.metadata = this.#mergeMeta(rt, cur, given);
      if (rt.statusSubresource) {
        if (cur.status === undefined) delete next.status;
        else next.status = cur.status;
      }
    }
    next.apiVersion = apiVersionOf(rt);
    next.kind = rt.kind;
    admit(rt, next, opts.fieldValidation);
    // A client that sends managedFields different from the stored ones sets them (an empty list
    // clears them); otherwise the writer's changes are recorded under its manager.
    const explicit = opts.subresource !== 'status' && given.managedFields !== undefined && !deepEqual(given.managedFields, cur.metadata.managedFields);
    if (opts.applied !== true && !explicit && opts.fieldManager !== undefined) {
      const owner = { manager: opts.fieldManager, operation: 'Update' as const, ...(opts.subresource === undefined ? {} : { subresource: opts.subresource }) };
      trackUpdate(cur, next, owner, apiVersionOf(rt));
    }
    pruneManagedFields(next);
    if (!deepEqual(specPart(cur), specPart(next))) next.metadata.generation = (cur.metadata.generation ?? 0) + 1;
    // A no-op write does not bump resourceVersion or notify watchers, as on a real apiserver.
    if (deepEqual(cur, next) || opts.dryRun === true) return next;
    const stored = this.#put(storageKey(rt), next, 'MODIFIED', cur);
    return this.#finalizeIfDone(storageKey(rt), stored);
  }

  /** Binds a pod to a node (POST pods/<name>/binding); 409 when it is already bound. */
  bind(rt: ResourceType, namespace: string | undefined, name: string, nodeName: string): KubeObject {
    const cur = this.get(rt, namespace, name);
    const spec = isObject(cur.spec) ? cur.spec : {};
    if (typeof spec.nodeName === 'string' && spec.nodeName !== '') {
      throw conflict(rt, name, `pod ${name} is already assigned to node "${spec.nodeName}"`);
    }
    const next = clone(cur);
    next.spec = { ...spec, nodeName };
    const status = isObject(next.status) ? next.status : {};
    const conditions = Array.isArray(status.conditions) ? status.conditions.filter((c) => !isObject(c) || c.type !== 'PodScheduled') : [];
    conditions.push({ type: 'PodScheduled', status: 'True', lastTransitionTime: nowTimestamp() });
    next.status = { ...status, conditions };
    return this.#put(storageKey(rt), next, 'MODIFIED', cur);
  }

  /**
   * Deletes an object. With finalizers it only gets deletionTimestamp (once) and stays until
   * an update empties them; otherwise it is removed and its dependents are collected.
   */
  delete(rt: ResourceType, namespace: string | undefined, name: string, opts: DeleteOptions = {}): KubeObject {
    const cur = this.get(rt, namespace, name);
    const pre = opts.preconditions;
    if (pre?.uid !== undefined && pre.uid !== cur.metadata.uid) {
      throw conflict(rt, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${String(cur.metadata.uid)}`);
    }
    if (pre?.resourceVersion !== undefined && pre.resourceVersion !== cur.metadata.resourceVersion) {
      throw conflict(rt, name, STALE_RV);
    }
    return this.#delete(storageKey(rt), cur, opts.propagationPolicy ?? 'Background');
  }

  /**
   * Streams changes of `rt` (in `namespace` when given) matching `selector` to `sink`.
   * Without `fromRv` it starts with ADDED for every current object; with it, it replays
   * history after `fromRv` (410 Gone when compacted). Selector moves are translated: an
   * object leaving the selection is DELETED, one entering it is ADDED. Returns the cancel.
   */
  watch(
    rt: ResourceType,
    namespace: string | undefined,
    fromRv: number | undefined,
    selector: Selector,
    sink: WatchSink,
  ): () => void {
    const key = storageKey(rt);
    const matches = (o: KubeObject): boolean =>
      (namespace === undefined || o.metadata.namespace === namespace) && selector(o);
    const deliver = (c: Change): void => {
      if (c.key !== key) return;
      const now = matches(c.object);
      if (c.type !== 'MODIFIED') {
        if (now) sink(c.type, clone(c.object));
        return;
      }
      const before = c.old !== undefined && matches(c.old);
      if (now && before) sink('MODIFIED', clone(c.object));
      else if (now) sink('ADDED', clone(c.object));
      else if (before) sink('DELETED', clone(c.object));
    };
    if (fromRv === undefined) {
      for (const o of this.list(rt, namespace, selector)) sink('ADDED', o);
    } else {
      if (fromRv < this.#compactedRv) throw gone(fromRv, this.#compactedRv);
      for (const c of this.#history) if (c.rv > fromRv) deliver(c);
    }
    return this.subscribe(deliver);
  }

  /**
   * Removes every object stored under `key` at once (each with its own DELETED event),
   * finalizers notwithstanding: what happens to a CRD's instances when the CRD is deleted.
   */
  purge(key: string): void {
    const map = this.#objects.get(key);
    if (map === undefined) return;
    for (const obj of [...map.values()]) this.#remove(key, obj, 'Background');
  }

  /** A deep copy of all objects and the resourceVersion counter. */
  snapshot(): Snapshot {
    return { resourceVersion: this.#rv, objects: this.all() };
  }

  /** Replaces all state with `snap`; history restarts empty (compacted at the snapshot's RV). */
  restore(snap: Snapshot): void {
    this.#objects.clear();
    for (const { key, object } of snap.objects) {
      let map = this.#objects.get(key);
      if (map === undefined) this.#objects.set(key, (map = new Map<string, KubeObject>()));
      map.set(objectKey(object.metadata.namespace, object.metadata.name ?? ''), clone(object));
    }
    this.#rv = snap.resourceVersion;
    this.compact();
  }

  #mergeMeta(rt: ResourceType, cur: KubeObject, given: KubeObject['metadata']): KubeObject['metadata'] {
    const meta = clone(given);
    const old = cur.metadata;
    // Omitted managedFields keep the stored ones.
    if (meta.managedFields === undefined && old.managedFields !== undefined) meta.managedFields = clone(old.managedFields);
    for (const k of ['name', 'namespace', 'uid', 'creationTimestamp', 'generation', 'resourceVersion'] as const) {
      if (old[k] === undefined) Reflect.deleteProperty(meta, k);
      else (meta as Record<string, unknown>)[k] = old[k];
    }
    if (old.deletionTimestamp !== undefined) {
      meta.deletionTimestamp = old.deletionTimestamp;
      meta.deletionGracePeriodSeconds = old.deletionGracePeriodSeconds;
      const added = (meta.finalizers ?? []).filter((f) => !(old.finalizers ?? []).includes(f));
      if (added.length > 0) {
        throw invalid(rt.kind, rt.group, old.name ?? '', [
          {
            reason: 'FieldValueForbidden',
            field: 'metadata.finalizers',
            message: `Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers ${JSON.stringify(added)}`,
          },
        ]);
      }
    } else {
      delete meta.deletionTimestamp;
      delete meta.deletionGracePeriodSeconds;
    }
    if (meta.finalizers?.length === 0) delete meta.finalizers;
    return meta;
  }

  /** Stores `obj` under the next resourceVersion and publishes the change. */
  #put(key: string, obj: KubeObject, type: 'ADDED' | 'MODIFIED', old?: KubeObject): KubeObject {
    obj.metadata.resourceVersion = String(++this.#rv);
    let map = this.#objects.get(key);
    if (map === undefined) this.#objects.set(key, (map = new Map<string, KubeObject>()));
    map.set(objectKey(obj.metadata.namespace, obj.metadata.name ?? ''), clone(obj));
    this.#publish({ rv: this.#rv, key, type, object: clone(obj), ...(old === undefined ? {} : { old }) });
    return obj;
  }

  #publish(change: Change): void {
    this.#history.push(change);
    this.#trim();
    for (const fn of [...this.#listeners]) fn(change);
  }

  #trim(): void {
    while (this.#history.length > this.#historyWindow) this.#compactedRv = this.#history.shift()!.rv;
  }

  /** Removes an object whose deletion is pending and whose finalizers are now all gone. */
  #finalizeIfDone(key: string, obj: KubeObject): KubeObject {
    if (obj.metadata.deletionTimestamp === undefined || (obj.metadata.finalizers ?? []).length > 0) return obj;
    return this.#remove(key, obj, 'Background');
  }

  #delete(key: string, cur: KubeObject, policy: NonNullable<DeleteOptions['propagationPolicy']>): KubeObject {
    const uid = cur.metadata.uid ?? '';
    if (policy === 'Foreground' && cur.metadata.deletionTimestamp === undefined && this.#dependentsOf(uid).length > 0) {
      // Foreground: the owner stays (deletionTimestamp, the foregroundDeletion finalizer) until
      // its blocking dependents are gone; the dependents are deleted in the foreground too.
      const next = clone(cur);
      next.metadata.deletionTimestamp = nowTimestamp();
      next.metadata.deletionGracePeriodSeconds = 0;
      next.metadata.finalizers = [...(cur.metadata.finalizers ?? []), FOREGROUND];
      const held = this.#put(key, next, 'MODIFIED', cur);
      for (const d of this.#dependentsOf(uid)) {
        // A dependent that still has an owner not being deleted is unlinked, not deleted.
        const others = (d.object.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
        if (others.some((r) => this.#solidOwner(r.uid))) this.#unlink(d.key, d.object, uid);
        else this.#delete(d.key, d.object, 'Foreground');
      }
      const now = this.#objects.get(key)?.get(objectKey(held.metadata.namespace, held.metadata.name ?? ''));
      return now === undefined ? held : this.#releaseForeground(key, clone(now));
    }
    if ((cur.metadata.finalizers ?? []).length === 0) return this.#remove(key, cur, policy);
    if (cur.metadata.deletionTimestamp !== undefined) return cur;
    const next = clone(cur);
    next.metadata.deletionTimestamp = nowTimestamp();
    next.metadata.deletionGracePeriodSeconds = 0;
    return this.#put(key, next, 'MODIFIED', cur);
  }

  /** True when an object with `uid` exists and is not being deleted. */
  #solidOwner(uid: string): boolean {
    return this.all().some((e) => e.object.metadata.uid === uid && e.object.metadata.deletionTimestamp === undefined);
  }

  /** Removes `obj`'s owner reference to `uid`. */
  #unlink(key: string, obj: KubeObject, uid: string): void {
    const next = clone(obj);
    next.metadata.ownerReferences = (obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
    if (next.metadata.ownerReferences.length === 0) delete next.metadata.ownerReferences;
    this.#put(key, next, 'MODIFIED', obj);
  }

  /** Stored objects with an owner reference to `uid`. */
  #dependentsOf(uid: string): { key: string; object: KubeObject }[] {
    return this.all().filter((e) => (e.object.metadata.ownerReferences ?? []).some((r) => r.uid === uid));
  }

  /**
   * Removes the foregroundDeletion finalizer of an owner (stored under `key`) once no dependent
   * that blocks owner deletion (`blockOwnerDeletion: true`) is left, and the owner with it when
   * no other finalizer remains.
   */
  #releaseForeground(key: string, owner: KubeObject): KubeObject {
    const fins = owner.metadata.finalizers ?? [];
    if (!fins.includes(FOREGROUND)) return owner;
    const uid = owner.metadata.uid ?? '';
    const blocking = this.#dependentsOf(uid).some((d) =>
      (d.object.metadata.ownerReferences ?? []).some((r) => r.uid === uid && r.blockOwnerDeletion === true),
    );
    if (blocking) return owner;
    const next = clone(owner);
    next.metadata.finalizers = fins.filter((f) => f !== FOREGROUND);
    if (next.metadata.finalizers.length === 0) {
      delete next.metadata.finalizers;
      return this.#remove(key, next, 'Foreground');
    }
    return this.#put(key, next, 'MODIFIED', owner);
  }

  #remove(key: string, obj: KubeObject, policy: NonNullable<DeleteOptions['propagationPolicy']>): KubeObject {
    this.#objects.get(key)?.delete(objectKey(obj.metadata.namespace, obj.metadata.name ?? ''));
    const gone = clone(obj);
    gone.metadata.resourceVersion = String(++this.#rv);
    this.#publish({ rv: this.#rv, key, type: 'DELETED', object: clone(gone) });
    this.#collectDependents(obj.metadata.uid ?? '', policy);
    // An owner waiting in the foreground for this dependent may now go.
    for (const ref of obj.metadata.ownerReferences ?? []) {
      const owner = this.all().find((e) => e.object.metadata.uid === ref.uid);
      if (owner !== undefined) this.#releaseForeground(owner.key, owner.object);
    }
    return gone;
  }

  /**
   * Garbage collection after an owner is removed: dependents whose owners are all gone are
   * deleted (honouring their own finalizers); under Orphan the reference is removed instead.
   */
  #collectDependents(uid: string, policy: NonNullable<DeleteOptions['propagationPolicy']>): void {
    const everything = this.all();
    const live = new Set(everything.map((e) => e.object.metadata.uid));
    for (const { key, object } of everything) {
      const refs = object.metadata.ownerReferences ?? [];
      if (!refs.some((r) => r.uid === uid)) continue;
      // Re-read: an earlier cascade step in this loop may already have removed it.
      const cur = this.#objects.get(key)?.get(objectKey(object.metadata.namespace, object.metadata.name ?? ''));
      if (cur === undefined) continue;
      if (policy === 'Orphan') {
        this.#unlink(key, clone(cur), uid);
      } else if (refs.every((r) => !live.has(r.uid))) {
        this.#delete(key, clone(cur), 'Background');
      }
    }
  }
}
