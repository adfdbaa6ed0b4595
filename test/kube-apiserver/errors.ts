/**
 * API errors: each carries the exact metav1.Status body the real kube-apiserver sends, so
 * clients (kubectl, client-node) print and classify them as they would against a real cluster.
 */
import type { Status, StatusCause } from './types.js';

/** An error answered as an HTTP status with a Status body. */
export class ApiError extends Error {
  /** The Status body written on the wire. */
  readonly status: Status;
  /** Extra response headers (Retry-After for 429). */
  readonly headers: Record<string, string>;

  constructor(status: Status, headers: Record<string, string> = {}) {
    super(status.message);
    this.name = 'ApiError';
    this.status = status;
    this.headers = headers;
  }

  /** The HTTP status code. */
  get code(): number {
    return this.status.code;
  }
}

/** A resource as errors name it: `pods` or `widgets.example.com`. */
export interface ErrorResource {
  group: string;
  plural: string;
}

function qualified(r: ErrorResource): string {
  return r.group === '' ? r.plural : `${r.plural}.${r.group}`;
}

function failure(code: number, reason: string, message: string, details?: Status['details']): ApiError {
  const status: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
  if (details !== undefined) status.details = details;
  return new ApiError(status);
}

/** 404 `pods "x" not found`. */
export function notFound(r: ErrorResource, name: string): ApiError {
  return failure(404, 'NotFound', `${qualified(r)} "${name}" not found`, { name, group: r.group, kind: r.plural });
}

/** 409 `pods "x" already exists`. */
export function alreadyExists(r: ErrorResource, name: string): ApiError {
  return failure(409, 'AlreadyExists', `${qualified(r)} "${name}" already exists`, {
    name,
    group: r.group,
    kind: r.plural,
  });
}

/** 409 Conflict: the update carried a stale resourceVersion (or another precondition failed). */
export function conflict(r: ErrorResource, name: string, why: string): ApiError {
  return failure(409, 'Conflict', `Operation cannot be fulfilled on ${qualified(r)} "${name}": ${why}`, {
    name,
    group: r.group,
    kind: r.plural,
  });
}

/** The Conflict message the real apiserver gives for a stale resourceVersion. */
export const STALE_RV =
  'the object has been modified; please apply your changes to the latest version and try again';

/** 422 Invalid with one cause per bad field. */
export function invalid(kind: string, group: string, name: string, causes: StatusCause[]): ApiError {
  const gk = group === '' ? kind : `${kind}.${group}`;
  const list = causes.map((c) => `${c.field}: ${c.message}`);
  const message = `${gk} "${name}" is invalid: ${list.length === 1 ? list[0]! : `[${list.join(', ')}]`}`;
  return failure(422, 'Invalid', message, { name, group, kind, causes });
}

/** 400 BadRequest. */
export function badRequest(message: string): ApiError {
  return failure(400, 'BadRequest', message);
}

/** 405 MethodNotAllowed. */
export function methodNotAllowed(message: string): ApiError {
  return failure(405, 'MethodNotAllowed', message);
}

/** 415 UnsupportedMediaType. */
export function unsupportedMediaType(contentType: string): ApiError {
  return failure(415, 'UnsupportedMediaType', `the body of the request was in an unknown format: ${contentType}`);
}

/** 410 Expired: a watch asked for history older than the compaction point. */
export function gone(requested: number, oldest: number): ApiError {
  return failure(410, 'Expired', `too old resource version: ${requested} (${oldest})`);
}

/**
 * 403 Forbidden as RBAC denies it: `jobs.batch is forbidden: User "u" cannot create resource
 * "jobs" in API group "batch" in the namespace "ns"`.
 */
export function forbidden(request: { verb: string; group?: string; resource?: string; namespace?: string }, user: string): ApiError {
  const resource = request.resource ?? '';
  const group = request.group ?? '';
  const qualifiedName = group === '' ? resource : `${resource}.${group}`;
  const where = request.namespace === undefined ? 'at the cluster scope' : `in the namespace "${request.namespace}"`;
  return failure(403, 'Forbidden', `${qualifiedName} is forbidden: User "${user}" cannot ${request.verb} resource "${resource}" in API group "${group}" ${where}`, {
    group,
    kind: resource,
  });
}

/** 429 TooManyRequests with a Retry-After header. */
export function tooManyRequests(retryAfterSeconds: number): ApiError {
  const e = failure(429, 'TooManyRequests', 'Too many requests, please try again later.', { retryAfterSeconds });
  return new ApiError(e.status, { 'Retry-After': String(retryAfterSeconds) });
}

/** 500 InternalError for a bug inside the test server itself. */
export function internalError(message: string): ApiError {
  return failure(500, 'InternalError', `Internal error occurred: ${message}`);
}
