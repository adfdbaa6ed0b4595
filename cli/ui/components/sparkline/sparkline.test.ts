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

describe('plotTop', () => {
  it('puts a target at half height unless the series rises above twice the target', async () => {
    const { plotTop } = await import('./sparkline-view.js');
    expect(plotTop({ name: 'x', unit: 'ms', target: 300, values: [] }, [100, 200])).toBe(600);
    expect(plotTop({ name: 'x', unit: 'ms', target: 300, values: [] }, [100, 900])).toBe(900);
    expect(plotTop({ name: 'x', unit: '%', scaleMax: 100, target: 300, values: [] }, [1])).toBe(100);
    expect(plotTop({ name: 'x', unit: '', values: [] }, [1])).toBeUndefined();
    expect(sparkline([150, 300, 450, 600], 4, true, 600)).toBe('▃▅▇█');
  });
});
