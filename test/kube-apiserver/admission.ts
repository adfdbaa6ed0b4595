/**
 * Admission: defaulting on create and validation on every write. CRDs are checked for the
 * fields the registry needs; custom resources are checked against their openAPIV3Schema.
 */
import { badRequest, invalid } from './errors.js';
import { isObject, type JsonObject } from './json.js';
import { checkJob, defaultJob } from './job.js';
import { checkLease } from './lease.js';
import type { ResourceType } from './resources.js';
import { validateAgainstSchema } from './schema.js';
import type { KubeObject, StatusCause } from './types.js';

/** The `fieldValidation` query parameter: what to do about unknown fields. */
export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

/** DNS-1123 subdomain, the rule for most object names. */
const NAME_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Rejects a name that is not a DNS-1123 subdomain of at most 253 characters. */
export function checkName(rt: ResourceType, name: string): void {
  if (name.length > 253 || !NAME_RE.test(name)) {
    throw invalid(rt.kind, rt.group, name, [
      {
        reason: 'FieldValueInvalid',
        field: 'metadata.name',
        message: `Invalid value: ${JSON.stringify(name)}: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.'`,
      },
    ]);
  }
}

/** Server-side defaults applied to a new object before it is stored. */
export function defaultOnCreate(rt: ResourceType, obj: KubeObject): void {
  if (rt.custom === true && rt.statusSubresource) delete obj.status;
  if (rt.group === '' && rt.plural === 'pods') {
    const status = isObject(obj.status) ? obj.status : {};
    status.phase ??= 'Pending';
    obj.status = status;
  }
  if (rt.group === '' && rt.plural === 'namespaces') obj.status = { phase: 'Active' };
  if (rt.group === 'batch' && rt.plural === 'jobs') defaultJob(obj);
  if (rt.plural === 'customresourcedefinitions' && rt.group === 'apiextensions.k8s.io') {
    const spec = obj.spec as JsonObject;
    const versions = (spec.versions as JsonObject[]).filter((v) => v.storage === true).map((v) => v.name);
    const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const condition = (type: string, reason: string): JsonObject => ({
      type,
      status: 'True',
      lastTransitionTime: now,
      reason,
      message: reason,
    });
    obj.status = {
      conditions: [condition('NamesAccepted', 'NoConflicts'), condition('Established', 'InitialNamesAccepted')],
      acceptedNames: spec.names,
      storedVersions: versions,
    };
  }
}

function checkCrd(obj: KubeObject): StatusCause[] {
  const causes: StatusCause[] = [];
  const bad = (field: string, message: string): void => {
    causes.push({ reason: 'FieldValueInvalid', field, message });
  };
  const spec = obj.spec;
  if (!isObject(spec)) return [{ reason: 'FieldValueRequired', field: 'spec', message: 'Required value' }];
  const names = isObject(spec.names) ? spec.names : {};
  if (typeof spec.group !== 'string' || spec.group === '') bad('spec.group', 'Required value');
  if (typeof names.plural !== 'string' || names.plural === '') bad('spec.names.plural', 'Required value');
  if (typeof names.kind !== 'string' || names.kind === '') bad('spec.names.kind', 'Required value');
  if (spec.scope !== 'Namespaced' && spec.scope !== 'Cluster') {
    bad('spec.scope', `Unsupported value: ${JSON.stringify(spec.scope)}: supported values: "Cluster", "Namespaced"`);
  }
  const expected = `${String(names.plural)}.${String(spec.group)}`;
  if (obj.metadata.name !== expected) {
    bad('metadata.name', `Invalid value: ${JSON.stringify(obj.metadata.name)}: must be spec.names.plural+"."+spec.group`);
  }
  const versions = Array.isArray(spec.versions) ? spec.versions.filter(isObject) : [];
  if (versions.length === 0) bad('spec.versions', 'Required value: must have at least one version');
  else if (versions.filter((v) => v.storage === true).length !== 1) {
    bad('spec.versions', 'Invalid value: must have exactly one version marked as storage version');
  }
  return causes;
}

/**
 * Validates an object about to be written (create or update). For custom resources the value
 * is pruned of unknown fields; under `Strict` an unknown field is a 400 instead.
 */
export function admit(rt: ResourceType, obj: KubeObject, fieldValidation: FieldValidation | undefined): void {
  const name = obj.metadata.name ?? '';
  if (rt.plural === 'customresourcedefinitions' && rt.group === 'apiextensions.k8s.io') {
    const causes = checkCrd(obj);
    if (causes.length > 0) throw invalid(rt.kind, rt.group, name, causes);
    return;
  }
  if (rt.group === 'coordination.k8s.io' && rt.plural === 'leases') checkLease(obj);
  if (rt.group === 'batch' && rt.plural === 'jobs') checkJob(obj);
  if (rt.schema === undefined) return;
  const result = validateAgainstSchema(obj, rt.schema);
  if (result.causes.length > 0) throw invalid(rt.kind, rt.group, name, result.causes);
  if (fieldValidation === 'Strict' && result.unknownFields.length > 0) {
    const fields = result.unknownFields.map((f) => `unknown field ${JSON.stringify(f)}`).join(', ');
    throw badRequest(`strict decoding error: ${fields}`);
  }
}
