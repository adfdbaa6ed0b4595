import { describe, expect, it } from 'vitest';
import { COMMON_OPTIONS } from './command.js';
import { commands } from './registry.js';

describe('command registry conventions', () => {
  it('has unique names and aliases', () => {
    const names = commands.flatMap((c) => [c.name, ...(c.aliases ?? [])]);
    expect(new Set(names).size).toBe(names.length);
  });

  for (const command of commands) {
    describe(command.name, () => {
      it('has a summary, usage and at least one example that invokes it', () => {
        expect(command.summary.length).toBeGreaterThan(10);
        expect(command.examples.length).toBeGreaterThan(0);
        const invocations = [command.name, ...(command.aliases ?? [])].map((name) => `weft ${name}`);
        for (const example of command.examples) {
          expect(invocations.some((i) => example.command === i || example.command.startsWith(`${i} `))).toBe(true);
        }
      });

      it('uses kebab-case flags with descriptions and does not redefine the common ones', () => {
        for (const [name, spec] of Object.entries(command.options)) {
          expect(name).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
          expect(spec.description.length).toBeGreaterThan(3);
          expect(Object.keys(COMMON_OPTIONS)).not.toContain(name);
        }
      });
    });
  }
});
