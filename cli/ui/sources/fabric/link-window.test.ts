import { describe, expect, it } from 'vitest';
import { LinkWindow } from './link-window.js';

describe('LinkWindow', () => {
  it('measures bytes over the newest span at least the window long, against the line rate', () => {
    const w = new LinkWindow(100);
    expect(w.utilisation(0, 1)).toBe(0); // no span yet
    // Port 0 sends 1 byte/ns (line rate 2 bytes/ns: 50%); port 1 idles, then sends at line rate from t = 200.
    for (let t = 0; t <= 400; t += 40) w.sample(t, [t, t < 200 ? 0 : 2 * (t - 200)]);
    // Newest sample at 400; the newest at or before 300 is 280: span 120 ns.
    expect(w.spanNs).toBe(120);
    expect(w.utilisation(0, 2)).toBeCloseTo(0.5, 12);
    expect(w.utilisation(1, 2)).toBeCloseTo(1, 12);
    expect(w.bytes(1)).toBe(240);
  });

  it('spans one slice when slices are longer than the window, and rejects time going back', () => {
    const w = new LinkWindow(10);
    w.sample(0, [0]);
    w.sample(1_000, [250]);
    expect(w.spanNs).toBe(1_000);
    expect(w.utilisation(0, 1)).toBeCloseTo(0.25, 12);
    expect(() => { w.sample(999, [250]); }).toThrow(RangeError);
    expect(() => new LinkWindow(0)).toThrow(RangeError);
  });
});
