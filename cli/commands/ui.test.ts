import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rejectsWithOneLine } from '../testing/cli-harness.js';

const dir = mkdtempSync(join(tmpdir(), 'weft-ui-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const example = (path: string) => new URL(`../../${path}`, import.meta.url).pathname;


describe('weft ui --scenario', () => {
  it('rejects a missing file, a missing scenario, both --demo and --scenario, and --json', async () => {
    expect(await rejectsWithOneLine(['ui', '--scenario', join(dir, 'nope.yaml')])).toBe(`error: ${join(dir, 'nope.yaml')}: --scenario: file not found`);
    expect(await rejectsWithOneLine(['ui'])).toMatch(/^error: --scenario: no scenario given \(expected --scenario <file> or --demo\)$/);
    expect(await rejectsWithOneLine(['ui', '--demo', '--scenario', 'x.yaml'])).toContain('exclude each other');
    expect(await rejectsWithOneLine(['ui', '--scenario', 'x.yaml', '--json'])).toContain('no JSON output');
  });

  it('names the file, line and field of a bad fabric scenario field', async () => {
    const path = file('fabric.yaml', 'traffic:\n  - kind: incast\n    senders: [0, 1]\n    receiver: 2\n    bytes: lots\n');
    expect(await rejectsWithOneLine(['ui', '--scenario', path])).toBe(`error: ${path}:5:12: traffic[0].bytes: wrong type: got "lots" (expected number)`);
    const unknownGpu = file('gpu.yaml', 'traffic:\n  - kind: flows\n    flows: [{ src: 0, dst: srv9/gpu0, bytes: 10 }]\n');
    expect(await rejectsWithOneLine(['ui', '--scenario', unknownGpu])).toMatch(/traffic\[0\]\.flows\[0\]\.dst: unknown GPU: got "srv9\/gpu0"/);
  });

  it('names the file, line and field of a bad serving scenario field', async () => {
    const base = 'kind: serving\ndeployments:\n  - name: chat\n    model: llama-3-8b\n    gpu: h100-sxm\n';
    const typo = file('typo.yaml', base.replace('llama-3-8b', 'lama-3-8b'));
    expect(await rejectsWithOneLine(['ui', '--scenario', typo])).toMatch(new RegExp(`^error: ${typo}:4:12: deployments\\[0\\]\\.model: unknown model "lama-3-8b": got "lama-3-8b" \\(expected one of: .*llama-3-8b`));
    const slo = file('slo.yaml', `${base}    slo: ttft=300ms\n`);
    expect(await rejectsWithOneLine(['ui', '--scenario', slo])).toMatch(new RegExp(`^error: ${slo}:6:10: deployments\\[0\\]\\.slo: unknown SLO target: got "ttft"`));
    const field = file('field.yaml', `${base}    replicas: 0\n`);
    expect(await rejectsWithOneLine(['ui', '--scenario', field])).toBe(`error: ${field}:6:15: deployments[0].replicas: out of range: got 0 (expected >= 1)`);
    const both = file('both.yaml', `${base}    trace: t.csv\n    rate: 5\n`);
    expect(await rejectsWithOneLine(['ui', '--scenario', both])).toMatch(/deployments\[0\]\.rate: a trace sets its own arrivals and lengths: drop rate/);
  });

  it('checks a valid scenario fully before asking for a terminal', async () => {
    for (const path of [example('fabric-sim/examples/incast.yaml'), example('cli/ui/examples/serving-two-models.yaml')]) {
      expect(await rejectsWithOneLine(['ui', '--scenario', path])).toBe('error: stdout: weft ui needs a terminal (expected a TTY (run it in a terminal, not through a pipe))');
    }
  });
});
