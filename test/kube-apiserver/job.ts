/**
 * batch/v1 Job defaults and checks, the subset of kube-apiserver's job validation that a Job
 * Weft writes can get wrong (messages as kube-apiserver words them):
 * - `spec.template.spec.containers` non-empty, each with a name and an image;
 * - `spec.template.spec.restartPolicy` `Never` or `OnFailure` (a Job's pods never restart `Always`);
 * - `spec.completionMode` `NonIndexed` or `Indexed`; `Indexed` needs `spec.completions`, at most
 *   100000, and `spec.parallelism` at most 100000;
 * - `spec.completions`, `spec.parallelism`, `spec.backoffLimit` non-negative integers.
 * Defaults on create: `completionMode: NonIndexed`, `parallelism: 1`, `backoffLimit: 6`,
 * `suspend: false`. Not checked: the selector and its match with the template's labels (the
 * server does not generate `controller-uid`), immutability of the template after creation.
 * No controller runs Jobs: tests play the Job controller through the status subresource.
 */
import { invalid } from './errors.js';
import { isObject } from './json.js';
import type { KubeObject, StatusCause } from './types.js';

/** kube-apiserver's limit on completions and parallelism of an Indexed Job. */
const MAX_INDEXED_COMPLETIONS = 100_000;

/** Fills the fields kube-apiserver defaults on a new Job. */
export function defaultJob(obj: KubeObject): void {
  if (!isObject(obj.spec)) return;
  const spec = obj.spec;
  spec.completionMode ??= 'NonIndexed';
  spec.parallelism ??= 1;
  spec.backoffLimit ??= 6;
  spec.suspend ??= false;
}

/** Throws 422 Invalid with every cause found. */
export function checkJob(obj: KubeObject): void {
  const causes: StatusCause[] = [];
  const bad = (reason: string, field: string, message: string): void => {
    causes.push({ reason, field, message });
  };
  const spec = obj.spec;
  if (!isObject(spec)) {
    bad('FieldValueRequired', 'spec', 'Required value');
  } else {
    for (const field of ['completions', 'parallelism', 'backoffLimit'] as const) {
      const value = spec[field];
      if (value === undefined || value === null) continue;
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
        bad('FieldValueInvalid', `spec.${field}`, `Invalid value: ${JSON.stringify(value)}: must be greater than or equal to 0`);
      }
    }
    const mode = spec.completionMode;
    if (mode !== undefined && mode !== 'NonIndexed' && mode !== 'Indexed') {
      bad('FieldValueNotSupported', 'spec.completionMode', `Unsupported value: ${JSON.stringify(mode)}: supported values: "NonIndexed", "Indexed"`);
    }
    if (mode === 'Indexed') {
      if (spec.completions === undefined || spec.completions === null) bad('FieldValueRequired', 'spec.completions', 'Required value: when completion mode is Indexed');
      else if (typeof spec.completions === 'number' && spec.completions > MAX_INDEXED_COMPLETIONS) {
        bad('FieldValueInvalid', 'spec.completions', `Invalid value: ${spec.completions}: must be less than or equal to ${MAX_INDEXED_COMPLETIONS} when completion mode is Indexed`);
      }
      if (typeof spec.parallelism === 'number' && spec.parallelism > MAX_INDEXED_COMPLETIONS) {
        bad('FieldValueInvalid', 'spec.parallelism', `Invalid value: ${spec.parallelism}: must be less than or equal to ${MAX_INDEXED_COMPLETIONS} when completion mode is Indexed`);
      }
    }
    const template = spec.template;
    const podSpec = isObject(template) && isObject(template.spec) ? template.spec : undefined;
    if (podSpec === undefined) {
      bad('FieldValueRequired', 'spec.template.spec', 'Required value');
    } else {
      const policy = podSpec.restartPolicy;
      if (policy !== 'Never' && policy !== 'OnFailure') {
        bad('FieldValueNotSupported', 'spec.template.spec.restartPolicy', `Unsupported value: ${JSON.stringify(policy ?? 'Always')}: supported values: "OnFailure", "Never"`);
      }
      const containers = Array.isArray(podSpec.containers) ? podSpec.containers : [];
      if (containers.length === 0) bad('FieldValueRequired', 'spec.template.spec.containers', 'Required value');
      containers.forEach((c, i) => {
        const container = isObject(c) ? c : {};
        if (typeof container.name !== 'string' || container.name === '') bad('FieldValueRequired', `spec.template.spec.containers[${i}].name`, 'Required value');
        if (typeof container.image !== 'string' || container.image === '') bad('FieldValueRequired', `spec.template.spec.containers[${i}].image`, 'Required value');
      });
    }
  }
  if (causes.length > 0) throw invalid('Job', 'batch', obj.metadata.name ?? '', causes);
}
