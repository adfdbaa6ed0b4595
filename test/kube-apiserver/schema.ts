/**
 * Enforcement of a CRD's openAPIV3Schema on create and update: type, required, properties,
 * additionalProperties, enum, minimum/maximum (and exclusive), minLength/maxLength, pattern,
 * items, minItems/maxItems, nullable, x-kubernetes-int-or-string and
 * x-kubernetes-preserve-unknown-fields. Unknown fields are pruned (as a structural schema
 * does) and reported, so the caller can reject them under fieldValidation=Strict.
 */
import { isObject, type JsonObject } from './json.js';
import type { StatusCause } from './types.js';

/** The outcome of validating one object. */
export interface SchemaResult {
  /** Field errors; non-empty means the write is rejected with 422. */
  causes: StatusCause[];
  /** Dotted paths of fields the schema does not know (already pruned from the value). */
  unknownFields: string[];
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeMatches(expected: string, value: unknown): boolean {
  const actual = typeOf(value);
  return actual === expected || (expected === 'number' && actual === 'integer');
}

function show(value: unknown): string {
  return JSON.stringify(value);
}

function num(schema: JsonObject, key: string): number | undefined {
  const v = schema[key];
  return typeof v === 'number' ? v : undefined;
}

/**
 * Validates `value` at `path` against `schema`, pruning unknown object fields in place.
 * Metadata, apiVersion and kind at the root are the server's business and never pruned.
 */
function check(value: unknown, schema: JsonObject, path: string, out: SchemaResult): void {
  const bad = (message: string): void => {
    out.causes.push({ reason: 'FieldValueInvalid', field: path, message: `Invalid value: ${show(value)}: ${message}` });
  };
  if (value === null) {
    if (schema.nullable !== true) bad(`${path} in body must be of type ${typeof schema.type === 'string' ? schema.type : 'object'}: "null"`);
    return;
  }
  if (schema['x-kubernetes-int-or-string'] === true) {
    if (typeof value !== 'string' && typeOf(value) !== 'integer') {
      bad(`${path} in body must be of type int-or-string: "${typeOf(value)}"`);
    }
    return;
  }
  const type = typeof schema.type === 'string' ? schema.type : undefined;
  if (type !== undefined && !typeMatches(type, value)) {
    out.causes.push({
      reason: 'FieldValueTypeInvalid',
      field: path,
      message: `Invalid value: "${typeOf(value)}": ${path} in body must be of type ${type}: "${typeOf(value)}"`,
    });
    return;
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => e === value)) {
    out.causes.push({
      reason: 'FieldValueNotSupported',
      field: path,
      message: `Unsupported value: ${show(value)}: supported values: ${schema.enum.map(show).join(', ')}`,
    });
  }
  if (typeof value === 'number') {
    const min = num(schema, 'minimum');
    const max = num(schema, 'maximum');
    const exMin = schema.exclusiveMinimum === true;
    const exMax = schema.exclusiveMaximum === true;
    if (min !== undefined && (exMin ? value <= min : value < min)) {
      bad(`${path} in body should be greater than ${exMin ? '' : 'or equal to '}${min}`);
    }
    if (max !== undefined && (exMax ? value >= max : value > max)) {
      bad(`${path} in body should be less than ${exMax ? '' : 'or equal to '}${max}`);
    }
  }
  if (typeof value === 'string') {
    const minL = num(schema, 'minLength');
    const maxL = num(schema, 'maxLength');
    if (minL !== undefined && value.length < minL) bad(`${path} in body should be at least ${minL} chars long`);
    if (maxL !== undefined && value.length > maxL) bad(`${path} in body may not be longer than ${maxL}`);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) {
      bad(`${path} in body should match '${schema.pattern}'`);
    }
  }
  if (Array.isArray(value)) {
    const minI = num(schema, 'minItems');
    const maxI = num(schema, 'maxItems');
    if (minI !== undefined && value.length < minI) bad(`${path} in body should have at least ${minI} items`);
    if (maxI !== undefined && value.length > maxI) bad(`${path} in body should have at most ${maxI} items`);
    if (isObject(schema.items)) {
      const items = schema.items;
      value.forEach((v, i) => {
        check(v, items, `${path}[${i}]`, out);
      });
    }
  }
  if (isObject(value)) checkObject(value, schema, path, out);
}

function checkObject(value: JsonObject, schema: JsonObject, path: string, out: SchemaResult): void {
  const props = isObject(schema.properties) ? schema.properties : undefined;
  const child = (key: string): string => (path === '' ? key : `${path}.${key}`);
  if (Array.isArray(schema.required)) {
    for (const key of schema.required) {
      if (typeof key === 'string' && value[key] === undefined) {
        out.causes.push({ reason: 'FieldValueRequired', field: child(key), message: 'Required value' });
      }
    }
  }
  const preserve = schema['x-kubernetes-preserve-unknown-fields'] === true;
  const additional = schema.additionalProperties;
  for (const [key, v] of Object.entries(value)) {
    if (path === '' && (key === 'apiVersion' || key === 'kind' || key === 'metadata')) continue;
    const sub = props?.[key];
    if (isObject(sub)) check(v, sub, child(key), out);
    else if (isObject(additional)) check(v, additional, child(key), out);
    else if (!preserve && additional !== true) {
      out.unknownFields.push(child(key));
      // Pruning, as the real apiserver does for structural schemas.
      Reflect.deleteProperty(value, key);
    }
  }
}

/**
 * Validates (and prunes) a custom resource against its version's openAPIV3Schema.
 * `obj` is modified in place: unknown fields are removed.
 */
export function validateAgainstSchema(obj: JsonObject, schema: JsonObject): SchemaResult {
  const out: SchemaResult = { causes: [], unknownFields: [] };
  checkObject(obj, schema, '', out);
  if (typeof schema.type === 'string' && schema.type !== 'object') {
    out.causes.push({ reason: 'FieldValueInvalid', field: '<root>', message: 'schema root must be of type object' });
  }
  return out;
}
