import { describe, expect, it } from 'vitest';
import { EmpiricalCdf, ZipfDistribution } from './distributions.js';
import { RandomStream } from './random.js';

describe('ZipfDistribution', () => {
  it('samples ranks with the Zipf probabilities', () => {
    const zipf = new ZipfDistribution(100, 1.2);
    const s = RandomStream.derive(3, 'zipf');
    const n = 200_000;
    const counts = new Array<number>(101).fill(0);
    for (let i = 0; i < n; i++) counts[zipf.sample(s)]!++;
    let harmonic = 0;
    for (let k = 1; k <= 100; k++) harmonic += k ** -1.2;
    for (const k of [1, 2, 10]) {
      const expected = k ** -1.2 / harmonic;
      expect(zipf.probability(k)).toBeCloseTo(expected, 10);
      expect(counts[k]! / n).toBeCloseTo(expected, 2);
    }
    expect(counts[0]).toBe(0);
  });

  it('rejects bad parameters', () => {
    expect(() => new ZipfDistribution(0, 1)).toThrow(/got 0/);
    expect(() => new ZipfDistribution(10, -1)).toThrow(/got -1/);
  });
});

describe('EmpiricalCdf', () => {
  const cdf = new EmpiricalCdf([
    [0, 0],
    [10, 0.5],
    [100, 1],
  ]);

  it('interpolates quantiles and matches its mean when sampled', () => {
    expect(cdf.quantile(0)).toBe(0);
    expect(cdf.quantile(0.25)).toBe(5);
    expect(cdf.quantile(0.5)).toBe(10);
    expect(cdf.quantile(0.75)).toBe(55);
    expect(cdf.mean).toBeCloseTo(0.5 * 5 + 0.5 * 55, 10);
    const s = RandomStream.derive(4, 'cdf');
    let sum = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) sum += cdf.sample(s);
    expect(sum / n / cdf.mean).toBeCloseTo(1, 1);
  });

  it('rejects non-monotone points and a last probability other than 1', () => {
    expect(() => new EmpiricalCdf([[5, 0.2], [4, 1]])).toThrow(/point 1: value 4/);
    expect(() => new EmpiricalCdf([[1, 0.5], [2, 0.4]])).toThrow(/point 1: probability 0.4/);
    expect(() => new EmpiricalCdf([[1, 0.5]])).toThrow(/last probability must be 1/);
  });
});
