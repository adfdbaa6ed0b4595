/**
 * coordination.k8s.io/v1 Lease checks, as kube-apiserver applies them:
 * - `spec.acquireTime` and `spec.renewTime` are MicroTimes, decoded with Go's layout
 *   `2006-01-02T15:04:05.000000Z07:00`, which needs exactly six fractional digits: a
 *   millisecond time (what a plain JS Date serialises to) fails decoding with a 400;
 * - `spec.leaseDurationSeconds` must be greater than 0 and `spec.leaseTransitions` at least 0
 *   (422 Invalid).
 * client-node's V1MicroTime writes six digits; this keeps an operator that sends a plain Date
 * from passing here and failing on a real cluster.
 */
import { badRequest, invalid } from './errors.js';
import { isObject } from './json.js';
import type { KubeObject, StatusCause } from './types.js';

const MICRO_TIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}(Z|[+-]\d{2}:\d{2})$/;

/** Throws the error kube-apiserver answers for a Lease it cannot decode or that is invalid. */
export function checkLease(obj: KubeObject): void {
  const spec = isObject(obj.spec) ? obj.spec : {};
  for (const field of ['acquireTime', 'renewTime'] as const) {
    const value = spec[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string' || !MICRO_TIME_RE.test(value)) {
      throw badRequest(
        `Lease in version "v1" cannot be handled as a Lease: parsing time ${JSON.stringify(value)} as "2006-01-02T15:04:05.000000Z07:00": spec.${field} needs six fractional digits`,
      );
    }
  }
  const causes: StatusCause[] = [];
  const duration = spec.leaseDurationSeconds;
  if (duration !== undefined && duration !== null && !(typeof duration === 'number' && Number.isInteger(duration) && duration > 0)) {
    causes.push({ reason: 'FieldValueInvalid', field: 'spec.leaseDurationSeconds', message: `Invalid value: ${JSON.stringify(duration)}: must be greater than 0` });
  }
  const transitions = spec.leaseTransitions;
  if (transitions !== undefined && transitions !== null && !(typeof transitions === 'number' && Number.isInteger(transitions) && transitions >= 0)) {
    causes.push({ reason: 'FieldValueInvalid', field: 'spec.leaseTransitions', message: `Invalid value: ${JSON.stringify(transitions)}: must be greater than or equal to 0` });
  }
  if (causes.length > 0) throw invalid('Lease', 'coordination.k8s.io', obj.metadata.name ?? '', causes);
}
