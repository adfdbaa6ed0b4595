/**
 * Discovery documents (legacy, unaggregated: kubectl falls back to them when the response is
 * not an APIGroupDiscoveryList), /version, and an OpenAPI v3 index whose PATCH operations
 * declare the `fieldValidation` parameter. That is what kubectl checks before `apply`: when
 * the server supports field validation, kubectl skips client-side schema validation (which
 * would need the full OpenAPI v2 document) and sends `fieldValidation=Strict` instead.
 */
import type { JsonObject } from './json.js';
import { apiVersionOf, type Registry, type ResourceType } from './resources.js';

const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** /version. */
export const VERSION_INFO = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.0-weft-test',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2026-01-01T00:00:00Z',
  goVersion: 'go1.23.0',
  compiler: 'gc',
  platform: 'linux/amd64',
};

/** /api: the core group's versions. */
export function apiVersions(serverAddress: string): JsonObject {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function groupDoc(group: string, versions: string[]): JsonObject {
  const list = versions.map((version) => ({ groupVersion: `${group}/${version}`, version }));
  return { name: group, versions: list, preferredVersion: list[0] };
}

function groups(registry: Registry): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { group, version } of registry.groupVersions()) {
    if (group === '') continue;
    const vs = out.get(group) ?? [];
    if (!vs.includes(version)) vs.push(version);
    out.set(group, vs);
  }
  return out;
}

/** /apis: every named group. */
export function apiGroupList(registry: Registry): JsonObject {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: [...groups(registry)].map(([g, vs]) => groupDoc(g, vs)),
  };
}

/** /apis/<group>, or undefined when the group is not served. */
export function apiGroup(registry: Registry, group: string): JsonObject | undefined {
  const vs = groups(registry).get(group);
  return vs === undefined ? undefined : { kind: 'APIGroup', apiVersion: 'v1', ...groupDoc(group, vs) };
}

function resourceEntries(r: ResourceType): JsonObject[] {
  const out: JsonObject[] = [
    {
      name: r.plural,
      singularName: r.singular,
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: r.bindingsResource === true ? ['create'] : VERBS,
      ...(r.shortNames.length > 0 ? { shortNames: r.shortNames } : {}),
      ...(r.custom === true ? { categories: ['all'] } : {}),
    },
  ];
  if (r.statusSubresource) {
    out.push({ name: `${r.plural}/status`, singularName: '', namespaced: r.namespaced, kind: r.kind, verbs: ['get', 'patch', 'update'] });
  }
  if (r.bindingSubresource) {
    out.push({ name: `${r.plural}/binding`, singularName: '', namespaced: r.namespaced, kind: 'Binding', verbs: ['create'] });
  }
  return out;
}

/** /api/v1 or /apis/<group>/<version>, or undefined when not served. */
export function apiResourceList(registry: Registry, group: string, version: string): JsonObject | undefined {
  const rs = registry.all().filter((r) => r.group === group && r.version === version);
  if (rs.length === 0) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: apiVersionOf({ group, version }),
    resources: rs.flatMap(resourceEntries),
  };
}

function gvPath(group: string, version: string): string {
  return group === '' ? `api/${version}` : `apis/${group}/${version}`;
}

/** /openapi/v3: one entry per served group/version. */
export function openApiV3Index(registry: Registry): JsonObject {
  const paths: JsonObject = {};
  for (const { group, version } of registry.groupVersions()) {
    const p = gvPath(group, version);
    paths[p] = { serverRelativeURL: `/openapi/v3/${p}?hash=weft` };
  }
  return { paths };
}

/**
 * /openapi/v3/<gv path>: one PATCH operation per resource, tagged with its group-version-kind
 * and declaring `fieldValidation`. Schemas are not served (components are empty).
 */
export function openApiV3Group(registry: Registry, group: string, version: string): JsonObject | undefined {
  const rs = registry.all().filter((r) => r.group === group && r.version === version);
  if (rs.length === 0) return undefined;
  const paths: JsonObject = {};
  for (const r of rs) {
    const base = `/${gvPath(group, version)}${r.namespaced ? '/namespaces/{namespace}' : ''}/${r.plural}/{name}`;
    paths[base] = {
      patch: {
        operationId: `patch${r.kind}`,
        'x-kubernetes-group-version-kind': { group, version, kind: r.kind },
        parameters: [
          { name: 'fieldValidation', in: 'query', schema: { type: 'string', uniqueItems: true } },
          { name: 'fieldManager', in: 'query', schema: { type: 'string', uniqueItems: true } },
        ],
        responses: { '200': { description: 'OK' } },
      },
    };
  }
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: VERSION_INFO.gitVersion },
    paths,
    components: { schemas: {} },
  };
}
