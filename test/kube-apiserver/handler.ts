/**
 * Resource request handling: maps a parsed resource URL and verb onto the store, and writes
 * objects, lists, Tables and Status bodies the way kube-apiserver does.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseYaml } from 'yaml';
import type { FieldValidation } from './admission.js';
import { ApiError, badRequest, methodNotAllowed, notFound, unsupportedMediaType } from './errors.js';
import { isObject, type JsonObject } from './json.js';
import { serverSideApply } from './apply.js';
import { applyPatch, PATCH_TYPES, type PatchType } from './patch.js';
import type { ResourcePath } from './requests.js';
import { apiVersionOf, type Registry, type ResourceType } from './resources.js';
import { parseFieldSelector, parseLabelSelector, type Selector } from './selectors.js';
import type { DeleteOptions, Store } from './store.js';
import { toTable, wantsTable } from './table.js';
import type { KubeObject } from './types.js';
import { serveWatch, type WatchRegistry } from './watch.js';

/** What a resource request needs from the server. */
export interface HandlerContext {
  store: Store;
  registry: Registry;
  watches: WatchRegistry;
}

/** Writes a JSON body. */
export function sendJson(res: ServerResponse, code: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.writableEnded || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Writes an ApiError as its Status body. */
export function sendError(res: ServerResponse, err: ApiError): void {
  sendJson(res, err.code, err.status, err.headers);
}

/** Reads and parses the request body (JSON, or YAML for apply patches). */
export async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
  try {
    return type.endsWith('yaml') ? (parseYaml(text) as unknown) : (JSON.parse(text) as unknown);
  } catch (e) {
    throw badRequest(`unable to parse request body as ${type === '' ? 'JSON' : type}: ${(e as Error).message}`);
  }
}

function withVersion(rt: ResourceType, obj: KubeObject): KubeObject {
  obj.apiVersion = apiVersionOf(rt);
  obj.kind = rt.kind;
  return obj;
}

function fieldValidation(q: URLSearchParams): FieldValidation | undefined {
  const v = q.get('fieldValidation');
  if (v === null || v === '') return undefined;
  if (v !== 'Strict' && v !== 'Warn' && v !== 'Ignore') {
    throw badRequest(`fieldValidation must be one of Strict, Warn, Ignore, got ${JSON.stringify(v)}`);
  }
  return v;
}

/**
 * The field manager of a non-apply write: the `fieldManager` parameter, else the User-Agent up
 * to its first `/` (what kube-apiserver defaults to), else `unknown`.
 */
function fieldManagerOf(req: IncomingMessage, q: URLSearchParams): string {
  const given = q.get('fieldManager');
  if (given !== null && given !== '') return given;
  const agent = (req.headers['user-agent'] ?? '').split('/')[0]!.trim();
  return agent === '' ? 'unknown' : agent;
}

function selectorOf(q: URLSearchParams): Selector {
  const labels = parseLabelSelector(q.get('labelSelector'));
  const fields = parseFieldSelector(q.get('fieldSelector'));
  return (o) => labels(o) && fields(o);
}

function deleteOptions(q: URLSearchParams, body: unknown): DeleteOptions {
  const opts: DeleteOptions = {};
  const policy = q.get('propagationPolicy') ?? (isObject(body) ? body.propagationPolicy : undefined);
  if (policy !== undefined && policy !== null) {
    if (policy !== 'Background' && policy !== 'Foreground' && policy !== 'Orphan') {
      throw badRequest(`propagationPolicy must be Background, Foreground or Orphan, got ${JSON.stringify(policy)}`);
    }
    opts.propagationPolicy = policy;
  }
  if (isObject(body) && isObject(body.preconditions)) {
    const p = body.preconditions;
    opts.preconditions = {
      ...(typeof p.uid === 'string' ? { uid: p.uid } : {}),
      ...(typeof p.resourceVersion === 'string' ? { resourceVersion: p.resourceVersion } : {}),
    };
  }
  return opts;
}

function patchTypeOf(req: IncomingMessage): PatchType {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
  const found = PATCH_TYPES.find((t) => t === type);
  if (found === undefined) throw unsupportedMediaType(type);
  return found;
}

/** Binds pod `name` to the node a Binding body targets (pods/<name>/binding and bindings). */
function bindPod(
  ctx: HandlerContext,
  res: ServerResponse,
  pods: ResourceType,
  ns: string | undefined,
  name: string,
  body: unknown,
): void {
  const target = isObject(body) && isObject(body.target) ? body.target : undefined;
  if (target === undefined || typeof target.name !== 'string') {
    throw badRequest(`binding needs target.name, got ${JSON.stringify(body)}`);
  }
  ctx.store.bind(pods, ns, name, target.name);
  sendJson(res, 201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
}

/**
 * Handles one resource request. `verb` comes from `verbOf`; the caller has already applied
 * faults and will turn a thrown ApiError into a Status response.
 */
export async function handleResource(
  ctx: HandlerContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: ResourcePath,
  verb: string,
  query: URLSearchParams,
): Promise<void> {
  const rt = ctx.registry.find(path.group, path.version, path.plural);
  if (rt === undefined) throw notFound({ group: path.group, plural: path.plural }, path.name ?? '');
  if (path.namespace !== undefined && !rt.namespaced) throw notFound(rt, path.name ?? '');
  const ns = path.namespace;
  if (rt.namespaced && ns === undefined && path.name !== undefined) {
    throw notFound(rt, path.name);
  }
  const sub = path.subresource;
  if (sub !== undefined && !((sub === 'status' && rt.statusSubresource) || (sub === 'binding' && rt.bindingSubresource))) {
    throw notFound(rt, `${path.name ?? ''}/${sub}`);
  }
  const { store } = ctx;
  const name = path.name ?? '';
  const dryRun = query.get('dryRun') === 'All';
  const validation = fieldValidation(query);
  const write = {
    dryRun,
    fieldManager: fieldManagerOf(req, query),
    ...(validation === undefined ? {} : { fieldValidation: validation }),
  };
  const table = wantsTable(req.headers.accept);
  if (rt.bindingsResource === true) {
    if (verb !== 'create' || path.name !== undefined) throw methodNotAllowed(`only create is allowed on bindings, got ${verb}`);
    const body = await readBody(req);
    const podName = isObject(body) && isObject(body.metadata) ? body.metadata.name : undefined;
    if (typeof podName !== 'string') throw badRequest(`binding needs metadata.name (the pod), got ${JSON.stringify(body)}`);
    bindPod(ctx, res, ctx.registry.find('', 'v1', 'pods')!, ns, podName, body);
    return;
  }
  switch (verb) {
    case 'get': {
      const obj = withVersion(rt, store.get(rt, ns, name));
      sendJson(res, 200, table ? toTable(rt, [obj], obj.metadata.resourceVersion ?? '') : obj);
      return;
    }
    case 'list': {
      if (!rt.namespaced && ns !== undefined) throw notFound(rt, '');
      const rv = String(store.resourceVersion);
      const items = store.list(rt, ns, selectorOf(query)).map((o) => withVersion(rt, o));
      sendJson(
        res,
        200,
        table
          ? toTable(rt, items, rv)
          : { kind: `${rt.kind}List`, apiVersion: apiVersionOf(rt), metadata: { resourceVersion: rv }, items },
      );
      return;
    }
    case 'watch':
      serveWatch(ctx, res, rt, ns, query, selectorOf(query), table);
      return;
    case 'create': {
      const body = await readBody(req);
      if (sub === 'binding') {
        bindPod(ctx, res, rt, ns, name, body);
        return;
      }
      if (path.name !== undefined) throw methodNotAllowed(`POST is not allowed on ${rt.plural} "${name}"`);
      if (rt.namespaced && ns === undefined) throw notFound(rt, '');
      sendJson(res, 201, withVersion(rt, store.create(rt, ns, body, write)));
      return;
    }
    case 'update': {
      const body = await readBody(req);
      const opts = { ...write, ...(sub === 'status' ? { subresource: 'status' as const } : {}) };
      sendJson(res, 200, withVersion(rt, store.update(rt, ns, name, body, opts)));
      return;
    }
    case 'patch': {
      const type = patchTypeOf(req);
      const body = await readBody(req);
      const opts = { ...write, ...(sub === 'status' ? { subresource: 'status' as const } : {}) };
      if (type === 'application/apply-patch+yaml') {
        let cur: KubeObject | undefined;
        try {
          cur = store.get(rt, ns, name);
        } catch (e) {
          if (!(e instanceof ApiError && e.code === 404) || sub !== undefined) throw e;
        }
        const next = serverSideApply(cur, body, {
          manager: query.get('fieldManager'),
          force: query.get('force') === 'true',
          ...(sub === 'status' ? { subresource: 'status' } : {}),
          statusSubresource: rt.statusSubresource,
          apiVersion: apiVersionOf(rt),
          resource: rt,
          name,
        });
        // Server-side apply creates what does not exist yet.
        if (cur === undefined) sendJson(res, 201, withVersion(rt, store.create(rt, ns, next, { ...write, applied: true })));
        else sendJson(res, 200, withVersion(rt, store.update(rt, ns, name, next, { ...opts, applied: true })));
        return;
      }
      const patched = applyPatch(type, store.get(rt, ns, name), body);
      if (!isObject(patched)) throw badRequest(`patch produced a non-object: ${JSON.stringify(patched)}`);
      sendJson(res, 200, withVersion(rt, store.update(rt, ns, name, patched, opts)));
      return;
    }
    case 'delete': {
      const body = await readBody(req);
      sendJson(res, 200, withVersion(rt, store.delete(rt, ns, name, deleteOptions(query, body))));
      return;
    }
    case 'deletecollection': {
      const body = await readBody(req);
      const opts = deleteOptions(query, body);
      const items = store
        .list(rt, ns, selectorOf(query))
        .map((o) => withVersion(rt, store.delete(rt, o.metadata.namespace, o.metadata.name ?? '', opts)));
      const list: JsonObject = {
        kind: `${rt.kind}List`,
        apiVersion: apiVersionOf(rt),
        metadata: { resourceVersion: String(store.resourceVersion) },
        items,
      };
      sendJson(res, 200, list);
      return;
    }
    default:
      throw methodNotAllowed(`verb ${verb} is not supported on ${rt.plural}`);
  }
}
