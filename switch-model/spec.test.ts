import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { WeftError } from '../core/errors.js';
import { SWITCH_PRESETS, switchPreset } from './presets.js';
import { decodeSwitchSpec, encodeSwitchSpec } from './codec.js';
import {
  FORWARDING_MODES,
  LOAD_BALANCING_MODES,
  parseSwitchSpecText,
  SCHEDULINGS,
  SwitchSpecSchema,
} from './spec.js';

const protoPath = fileURLToPath(new URL('./switch.proto', import.meta.url));
const root = protobuf.loadSync(protoPath);

function zodFieldsOf(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  if (schema instanceof z.ZodArray) return zodFieldsOf(schema.element as z.ZodType);
  if (schema instanceof z.ZodObject) return schema.shape;
  return undefined;
}

function compare(type: protobuf.Type, schema: z.ZodType, path: string, out: string[]): void {
  const fields = zodFieldsOf(schema);
  if (fields === undefined) {
    out.push(`${path}: zod side is not an object`);
    return;
  }
  const protoNames = type.fieldsArray.map((f) => f.name).sort();
  const zodNames = Object.keys(fields).sort();
  if (JSON.stringify(protoNames) !== JSON.stringify(zodNames)) {
    out.push(`${path}: proto fields ${protoNames.join(',')} vs zod ${zodNames.join(',')}`);
  }
  for (const field of type.fieldsArray) {
    field.resolve();
    const sub = fields[field.name];
    if (sub === undefined) continue;
    if (field.resolvedType instanceof protobuf.Type) compare(field.resolvedType, sub, `${path}.${field.name}`, out);
    if (field.repeated !== sub instanceof z.ZodArray) out.push(`${path}.${field.name}: repeated mismatch`);
  }
}

describe('switch.proto and the zod schema', () => {
  it('agree on every message and field name', () => {
    const problems: string[] = [];
    compare(root.lookupType('weft.switchmodel.SwitchSpec'), SwitchSpecSchema, 'SwitchSpec', problems);
    expect(problems).toEqual([]);
  });

  it('agree on enum values', () => {
    const names = (enumName: string) => Object.keys(root.lookupEnum(`weft.switchmodel.${enumName}`).values);
    expect(names('ForwardingMode')).toEqual([...FORWARDING_MODES]);
    expect(names('Scheduling')).toEqual([...SCHEDULINGS]);
    expect(names('LoadBalancingMode')).toEqual([...LOAD_BALANCING_MODES]);
  });

  it('round-trips every preset through the protobuf wire format (generated code)', () => {
    for (const preset of Object.values(SWITCH_PRESETS)) {
      expect(decodeSwitchSpec(encodeSwitchSpec(preset))).toEqual(preset);
    }
  });
});

describe('presets', () => {
  it('include 51.2T 64x800G, 25.6T 64x400G and weft-ai with adaptive routing', () => {
    const th5 = switchPreset('tomahawk5-64x800g');
    expect(th5.radix * th5.portSpeedGbps).toBe(51_200);
    const th4 = switchPreset('tomahawk4-64x400g');
    expect(th4.radix * th4.portSpeedGbps).toBe(25_600);
    expect(switchPreset('weft-ai').loadBalancing.mode).toBe('ADAPTIVE');
  });

  it('document the source of every buffer and latency figure', () => {
    for (const name of ['tomahawk5-64x800g', 'tomahawk4-64x400g']) {
      const fields = switchPreset(name).sources.map((s) => s.field).join(' ');
      for (const field of ['buffer.sharedBytes', 'buffer.pfcHeadroomPerPortClassBytes', 'portToPortLatencyNs', 'radix']) {
        expect(fields).toContain(field);
      }
    }
  });

  it('reject an unknown preset name with the list of names', () => {
    expect(() => switchPreset('tomahawk9')).toThrow(WeftError);
  });
});

describe('YAML switch specs', () => {
  const yamlOf = (patch: (lines: string) => string) => {
    const spec = switchPreset('tomahawk4-64x400g');
    return patch(JSON.stringify(spec, null, 2));
  };

  it('accepts a valid spec', () => {
    expect(parseSwitchSpecText(yamlOf((t) => t), 'sw.json', 'JSON').radix).toBe(64);
  });

  it('names the line, field, value and expectation of a bad port speed', () => {
    const text = yamlOf((t) => t.replace('"portSpeedGbps": 400', '"portSpeedGbps": 300'));
    try {
      parseSwitchSpecText(text, 'sw.json', 'JSON');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(WeftError);
      const details = (error as WeftError).details;
      expect(details.field).toBe('portSpeedGbps');
      expect(details.value).toBe(300);
      expect(details.line).toBe(5);
    }
  });

  it('rejects an unknown field and a class list that is not 8 long', () => {
    expect(() => parseSwitchSpecText(yamlOf((t) => t.replace('"radix": 64', '"radix": 64, "radixx": 1')), 'sw.json', 'JSON')).toThrow(/unknown field/);
    const spec = switchPreset('tomahawk4-64x400g');
    spec.classes.pop();
    expect(() => parseSwitchSpecText(JSON.stringify(spec), 'sw.json', 'JSON')).toThrow(WeftError);
  });
});
