/**
 * The resource registry: every (group, version, plural) the server serves. Built-in types are
 * fixed; custom resources are derived from stored CustomResourceDefinitions, so a CR is served
 * as soon as its CRD is created and stops being served when the CRD is deleted.
 */
import { isObject, type JsonObject } from './json.js';
import type { KubeObject } from './types.js';

/** A CRD additionalPrinterColumns entry. */
export interface PrinterColumn {
  name: string;
  type: string;
  jsonPath: string;
  format?: string;
  description?: string;
  priority?: number;
}

/** One served resource at one group/version. */
export interface ResourceType {
  group: string;
  version: string;
  /** Lower-case plural, the URL segment. */
  plural: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames: string[];
  /** Whether `<plural>/status` is served; main-resource writes then keep the stored status. */
  statusSubresource: boolean;
  /** Whether `<plural>/binding` is served (Pods only). */
  bindingSubresource: boolean;
  /** CRD printer columns (after Name); undefined means the default Name + Age. */
  printerColumns?: PrinterColumn[];
  /** CRD openAPIV3Schema of this version, enforced on create and update. */
  schema?: JsonObject;
  /** True for resources defined by a CRD. */
  custom?: boolean;
  /** True for `bindings`: create-only, nothing stored; it binds the pod the body names. */
  bindingsResource?: boolean;
}

/** Storage identity of a resource: all versions of one group/plural share objects. */
export function storageKey(r: { group: string; plural: string }): string {
  return `${r.group}/${r.plural}`;
}

/** `v1` or `example.com/v1`. */
export function apiVersionOf(r: { group: string; version: string }): string {
  return r.group === '' ? r.version : `${r.group}/${r.version}`;
}

function builtin(
  group: string,
  version: string,
  plural: string,
  kind: string,
  namespaced: boolean,
  shortNames: string[] = [],
  extra: Partial<ResourceType> = {},
): ResourceType {
  return {
    group,
    version,
    plural,
    singular: kind.toLowerCase(),
    kind,
    namespaced,
    shortNames,
    statusSubresource: false,
    bindingSubresource: false,
    ...extra,
  };
}

/** The built-in resources, in discovery order. */
export const BUILTIN_RESOURCES: readonly ResourceType[] = [
  builtin('', 'v1', 'namespaces', 'Namespace', false, ['ns'], { statusSubresource: true }),
  builtin('', 'v1', 'nodes', 'Node', false, ['no'], { statusSubresource: true }),
  builtin('', 'v1', 'pods', 'Pod', true, ['po'], { statusSubresource: true, bindingSubresource: true }),
  builtin('', 'v1', 'bindings', 'Binding', true, [], { bindingsResource: true }),
  builtin('', 'v1', 'events', 'Event', true, ['ev']),
  builtin('', 'v1', 'configmaps', 'ConfigMap', true, ['cm']),
  builtin('coordination.k8s.io', 'v1', 'leases', 'Lease', true),
  builtin('batch', 'v1', 'jobs', 'Job', true, [], { statusSubresource: true }),
  builtin('apiextensions.k8s.io', 'v1', 'customresourcedefinitions', 'CustomResourceDefinition', false, ['crd', 'crds'], {
    statusSubresource: true,
  }),
];

/** The CRD resource itself. */
export const CRD_RESOURCE = BUILTIN_RESOURCES.find((r) => r.plural === 'customresourcedefinitions')!;

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * The resources a CRD serves, one per served version. Returns [] for a CRD that is being
 * deleted or whose spec is malformed (CRD validation rejects those on write).
 */
export function resourcesFromCrd(crd: KubeObject): ResourceType[] {
  const spec = crd.spec;
  if (!isObject(spec) || !isObject(spec.names) || !Array.isArray(spec.versions)) return [];
  const group = str(spec.group) ?? '';
  const names = spec.names;
  const plural = str(names.plural) ?? '';
  const kind = str(names.kind) ?? '';
  const out: ResourceType[] = [];
  for (const v of spec.versions) {
    if (!isObject(v) || v.served === false) continue;
    const version = str(v.name);
    if (version === undefined) continue;
    const subresources = isObject(v.subresources) ? v.subresources : {};
    const schema = isObject(v.schema) && isObject(v.schema.openAPIV3Schema) ? v.schema.openAPIV3Schema : undefined;
    const columns = Array.isArray(v.additionalPrinterColumns)
      ? v.additionalPrinterColumns.filter(isObject).map(
          (c): PrinterColumn => ({
            name: str(c.name) ?? '',
            type: str(c.type) ?? 'string',
            jsonPath: str(c.jsonPath) ?? '',
            ...(str(c.format) === undefined ? {} : { format: str(c.format)! }),
            ...(str(c.description) === undefined ? {} : { description: str(c.description)! }),
            ...(typeof c.priority === 'number' ? { priority: c.priority } : {}),
          }),
        )
      : undefined;
    out.push({
      group,
      version,
      plural,
      singular: str(names.singular) ?? kind.toLowerCase(),
      kind,
      namespaced: spec.scope !== 'Cluster',
      shortNames: strings(names.shortNames),
      statusSubresource: isObject(subresources.status),
      bindingSubresource: false,
      custom: true,
      ...(columns === undefined || columns.length === 0 ? {} : { printerColumns: columns }),
      ...(schema === undefined ? {} : { schema }),
    });
  }
  return out;
}

/** Lookup of served resources by group/version/plural. */
export class Registry {
  #byGvr = new Map<string, ResourceType>();

  constructor() {
    this.setCrds([]);
  }

  /** Replaces the custom resources with those of `crds` (the built-ins always stay). */
  setCrds(crds: readonly KubeObject[]): void {
    this.#byGvr.clear();
    for (const r of BUILTIN_RESOURCES) this.#byGvr.set(`${r.group}/${r.version}/${r.plural}`, r);
    for (const crd of crds) {
      for (const r of resourcesFromCrd(crd)) this.#byGvr.set(`${r.group}/${r.version}/${r.plural}`, r);
    }
  }

  /** The resource at group/version/plural, or undefined when not served. */
  find(group: string, version: string, plural: string): ResourceType | undefined {
    return this.#byGvr.get(`${group}/${version}/${plural}`);
  }

  /** Every served resource. */
  all(): ResourceType[] {
    return [...this.#byGvr.values()];
  }

  /** Served group/versions, core first, then groups in first-seen order. */
  groupVersions(): { group: string; version: string }[] {
    const seen = new Map<string, { group: string; version: string }>();
    for (const r of this.#byGvr.values()) seen.set(`${r.group}/${r.version}`, { group: r.group, version: r.version });
    return [...seen.values()];
  }
}
