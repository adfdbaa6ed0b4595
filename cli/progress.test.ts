import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ProgressReporter } from './progress.js';

function sink(isTTY: boolean): { stream: Writable & { isTTY?: boolean }; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  }) as Writable & { isTTY?: boolean };
  stream.isTTY = isTTY;
  return { stream, text: () => chunks.join('') };
}

describe('ProgressReporter', () => {
  it('redraws one bar line with percentage, rate and ETA on a TTY, and ends the line when done', () => {
    const out = sink(true);
    const progress = new ProgressReporter(out.stream, 'replaying', { unit: 'pods' });
    progress.update(250, 1000);
    progress.update(500, 1000, 'day 3');
    progress.done();
    const text = out.text();
    expect(text.startsWith('\r')).toBe(true);
    expect(text).toMatch(/replaying \[#{6}\.{18}\]\s+25% 250\/1\.0k pods, [\d.]+[kMG]?\/s, ETA /);
    expect(text).toMatch(/50% 500\/1\.0k pods, .*, day 3/);
    expect(text.endsWith('\u001b[K\n')).toBe(true);
    expect(text.split('\n')).toHaveLength(2);
  });

  it('writes plain lines at most once per interval when stderr is not a TTY', () => {
    const out = sink(false);
    const progress = new ProgressReporter(out.stream, 'simulating', { unit: 'events', plainIntervalMs: 60_000 });
    progress.update(1, 10);
    progress.update(2, 10);
    progress.update(3, 10);
    progress.done();
    const lines = out.text().split('\n').filter((line) => line !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^simulating:\s+10% 1\/10 events/);
    expect(out.text()).not.toContain('\r');
  });

  it('shows count and rate without a bar or ETA when the total is unknown', () => {
    const out = sink(true);
    const progress = new ProgressReporter(out.stream, 'simulating', { unit: 'events' });
    progress.update(2_500_000, undefined, '12.5 us simulated');
    expect(out.text()).toMatch(/^\rsimulating 2\.5M events, [\d.]+[kMG]?\/s, 12\.5 us simulated/);
    expect(out.text()).not.toContain('ETA');
    expect(out.text()).not.toContain('#');
  });
});
