import { describe, expect, it } from 'vitest';
import { WeftError } from '../../core/errors.js';
import { DIURNAL_PEAK_SHAPE, DIURNAL_TROUGH_SHAPE, diurnalMeanRate, diurnalRate, diurnalRequests, diurnalShape } from './diurnal-load.js';

const SAMPLES = [{ promptTokens: 100, outputTokens: 20 }, { promptTokens: 2000, outputTokens: 0 }];

describe('the diurnal load', () => {
  it('has mean 1 over the day and the stated extremes', () => {
    let sum = 0;
    const n = 24 * 600;
    for (let i = 0; i < n; i++) sum += diurnalShape((24 * i) / n);
    expect(sum / n).toBeCloseTo(1, 9);
    expect(DIURNAL_PEAK_SHAPE).toBeCloseTo(1.4878, 4);
    expect(DIURNAL_TROUGH_SHAPE).toBeCloseTo(0.4299, 4);
    const load = { peakRequestsPerSec: 30, dayNs: 600e9 };
    expect(diurnalRate(load, (16.5 / 24) * 600e9)).toBeCloseTo(30, 2);
    expect(diurnalMeanRate(load)).toBeCloseTo(30 / 1.4878, 3);
  });

  it('draws a non-homogeneous Poisson day whose counts follow the rate (within 4 sigma per two-hour bin)', () => {
    const load = { peakRequestsPerSec: 50, dayNs: 600e9 };
    const requests = diurnalRequests(load, SAMPLES, 7, 'test');
    const bins = new Array<number>(12).fill(0);
    for (const r of requests) bins[Math.floor((r.arrivalNs / load.dayNs) * 12)]!++;
    for (let b = 0; b < 12; b++) {
      // Expected count: the rate integrated over the bin.
      let expected = 0;
      const steps = 1000;
      for (let i = 0; i < steps; i++) expected += (diurnalRate(load, ((b + (i + 0.5) / steps) / 12) * load.dayNs) * load.dayNs) / 12 / steps / 1e9;
      expect(Math.abs(bins[b]! - expected)).toBeLessThan(4 * Math.sqrt(expected));
    }
    expect(requests.every((r, i) => i === 0 || r.arrivalNs >= requests[i - 1]!.arrivalNs)).toBe(true);
    expect(requests.every((r) => r.outputTokens >= 1)).toBe(true); // a 0-token output is served as one token
    expect(diurnalRequests(load, SAMPLES, 7, 'test')).toEqual(requests);
    expect(diurnalRequests(load, SAMPLES, 8, 'test')).not.toEqual(requests);
  });

  it('rejects a bad rate, day or empty samples with the field named', () => {
    const fieldOf = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (error) {
        return error instanceof WeftError ? error.details.field : 'not a WeftError';
      }
      return undefined;
    };
    expect(fieldOf(() => diurnalRequests({ peakRequestsPerSec: 0, dayNs: 1e9 }, SAMPLES, 1, 'x'))).toBe('peakRequestsPerSec');
    expect(fieldOf(() => diurnalRequests({ peakRequestsPerSec: 1, dayNs: Number.NaN }, SAMPLES, 1, 'x'))).toBe('dayNs');
    expect(fieldOf(() => diurnalRequests({ peakRequestsPerSec: 1, dayNs: 1e9 }, [], 1, 'x'))).toBe('samples');
  });
});
