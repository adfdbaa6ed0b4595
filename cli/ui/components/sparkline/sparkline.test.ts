import { describe, expect, it } from 'vitest';
import { sparkline } from './sparkline.js';

describe('sparkline', () => {
  it('scales to the series maximum, or a fixed top', () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7], 8)).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([0, 50, 100], 3, true, 100)).toBe('▁▅█');
    expect(sparkline([0.2, 0.2], 2, true, 100)).toBe('▁▁');
    expect(sparkline([1, 2, 3, 4], 2)).toBe('▇█');
    expect(sparkline([], 5)).toBe('');
  });
});
