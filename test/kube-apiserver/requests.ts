/** The request log entry and the URL parsing that produces it. */

/** One request as recorded for assertions (resource requests and non-resource paths alike). */
export interface RequestRecord {
  method: string;
  /** get, list, watch, create, update, patch, delete, deletecollection; `get` for discovery paths. */
  verb: string;
  /** The path without the query string. */
  path: string;
  group?: string;
  version?: string;
  /** Plural resource name, e.g. `pods`; undefined for non-resource paths. */
  resource?: string;
  subresource?: string;
  namespace?: string;
  name?: string;
  /** The Accept header, e.g. kubectl's request for aggregated discovery (answered unaggregated). */
  accept?: string;
  /** The HTTP status answered; set when the response finishes (watches: 200 at start). */
  code?: number;
}

/** A resource URL split into its parts. */
export interface ResourcePath {
  group: string;
  version: string;
  plural: string;
  namespace?: string;
  name?: string;
  subresource?: string;
}

/** Parses `/api/v1/...` and `/apis/<g>/<v>/...` resource paths; undefined for anything else. */
export function parseResourcePath(pathname: string): ResourcePath | undefined {
  const segs = pathname.split('/').filter((s) => s !== '').map(decodeURIComponent);
  let group: string;
  let version: string | undefined;
  let rest: string[];
  if (segs[0] === 'api') {
    group = '';
    version = segs[1];
    rest = segs.slice(2);
  } else if (segs[0] === 'apis') {
    group = segs[1] ?? '';
    version = segs[2];
    rest = segs.slice(3);
  } else {
    return undefined;
  }
  if (version === undefined || rest.length === 0) return undefined;
  // `namespaces/<ns>` alone is the Namespace object itself; three or more segments are a
  // namespaced resource path.
  const nsScoped = rest[0] === 'namespaces' && rest.length >= 3;
  const parts = nsScoped ? rest.slice(2) : rest;
  if (parts.length > 3) return undefined;
  const out: ResourcePath = { group, version, plural: parts[0]! };
  if (nsScoped) out.namespace = rest[1]!;
  if (parts[1] !== undefined) out.name = parts[1];
  if (parts[2] !== undefined) out.subresource = parts[2];
  return out;
}

/** The Kubernetes verb of a resource request. */
export function verbOf(method: string, path: ResourcePath, query: URLSearchParams): string {
  const watch = query.get('watch');
  switch (method) {
    case 'GET':
      if (path.name !== undefined) return 'get';
      return watch === 'true' || watch === '1' ? 'watch' : 'list';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return path.name === undefined ? 'deletecollection' : 'delete';
    default:
      return method.toLowerCase();
  }
}
