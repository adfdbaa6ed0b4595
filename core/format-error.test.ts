import { describe, expect, it } from 'vitest';
import { badInput, exitCodeOf, WeftError } from './errors.js';
import { formatError } from './format-error.js';

describe('formatError', () => {
  it('prints one line for a user error and the stack only with debug', () => {
    const error = badInput('not a GPU type', { file: 'x.yaml', line: 3, field: 'gpu', value: 'h1000', expected: 'h100 or a100' });
    expect(formatError(error)).toBe('error: x.yaml:3: gpu: not a GPU type: got "h1000" (expected h100 or a100)');
    expect(formatError(error, { debug: true }).split('\n').length).toBeGreaterThan(1);
    expect(exitCodeOf(error)).toBe(2);
  });

  it('labels other errors internal, exit 1, and maps TARGET_MISSED to 3', () => {
    expect(formatError(new TypeError('boom'))).toBe('internal error: boom (rerun with --debug for the stack trace)');
    expect(exitCodeOf(new TypeError('boom'))).toBe(1);
    expect(exitCodeOf(new WeftError('TARGET_MISSED', 'p99 TTFT 410 ms > 300 ms'))).toBe(3);
  });

  it('cuts long values', () => {
    const line = formatError(badInput('too long', { value: 'x'.repeat(500) }));
    expect(line.length).toBeLessThan(160);
  });
});
