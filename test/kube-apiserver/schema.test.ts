import { describe, expect, it } from 'vitest';
import { validateAgainstSchema } from './schema.js';

const schema = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      required: ['n'],
      properties: {
        n: { type: 'integer', minimum: 1, maximum: 3 },
        ratio: { type: 'number', exclusiveMaximum: true, maximum: 1 },
        mode: { type: 'string', enum: ['a', 'b'], maxLength: 1 },
        port: { 'x-kubernetes-int-or-string': true },
        list: { type: 'array', maxItems: 2, items: { type: 'object', properties: { k: { type: 'string' } } } },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        free: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        opt: { type: 'string', nullable: true },
      },
    },
  },
};

describe('openAPIV3Schema enforcement', () => {
  it('accepts a valid object and prunes unknown fields, reporting them', () => {
    const obj = {
      apiVersion: 'x/v1',
      kind: 'X',
      metadata: { name: 'x' },
      spec: { n: 2, ratio: 0.5, mode: 'a', port: 'http', list: [{ k: 'v', junk: 1 }], labels: { a: 'b' }, free: { any: [1] }, opt: null, extra: 1 },
    };
    const r = validateAgainstSchema(obj, schema);
    expect(r.causes).toEqual([]);
    expect(r.unknownFields).toEqual(['spec.list[0].junk', 'spec.extra']);
    expect(obj.spec).not.toHaveProperty('extra');
    expect(obj.spec.list[0]).toEqual({ k: 'v' });
  });

  it('reports every bad field with its path and the bad value', () => {
    const r = validateAgainstSchema(
      { metadata: {}, spec: { n: 9, ratio: 1, mode: 'cc', port: 1.5, list: [{}, {}, {}], labels: { a: 1 } } },
      schema,
    );
    expect(r.causes.map((c) => `${c.field}: ${c.message}`)).toEqual([
      'spec.n: Invalid value: 9: spec.n in body should be less than or equal to 3',
      'spec.ratio: Invalid value: 1: spec.ratio in body should be less than 1',
      'spec.mode: Unsupported value: "cc": supported values: "a", "b"',
      'spec.mode: Invalid value: "cc": spec.mode in body may not be longer than 1',
      'spec.port: Invalid value: 1.5: spec.port in body must be of type int-or-string: "number"',
      'spec.list: Invalid value: [{},{},{}]: spec.list in body should have at most 2 items',
      'spec.labels.a: Invalid value: "integer": spec.labels.a in body must be of type string: "integer"',
    ]);
    expect(validateAgainstSchema({ metadata: {}, spec: {} }, schema).causes).toEqual([
      { reason: 'FieldValueRequired', field: 'spec.n', message: 'Required value' },
    ]);
  });
});
