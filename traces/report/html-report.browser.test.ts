import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClusterSpecSchema } from '../../fabric-sim/cluster/spec.js';
import { loadShippedProfiles } from '../../scheduler/profiles/shipped.js';
import { ModelClassMapper } from '../mapping/model-class-rules.js';
import { replayJobTrace } from '../replay/job-trace-replay.js';
import type { WorkloadArrival } from '../weft/records.js';
import { renderPlanHtml } from './plan-html.js';
import { renderReplayHtml } from './replay-html.js';

/**
 * Opens the HTML reports in headless Chromium (Debian's `chromium`, which .ci/run installs) and
 * checks that every chart was laid out (the page marks each with its drawn marks' size) and that
 * the page logged nothing to the console (no script error). Skipped, saying so, only on a machine
 * without the browser and outside CI.
 */
const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p !== undefined && p !== '' && existsSync(p));
if (CHROMIUM === undefined && process.env.CI !== undefined) throw new Error('CI must install chromium (.ci/run does): the HTML report test needs it');
if (CHROMIUM === undefined) process.stderr.write('html-report.browser.test: skipped, no chromium binary (apt-get install -y chromium, or set CHROMIUM_PATH)\n');

const dir = mkdtempSync(join(tmpdir(), 'weft-html-'));

/** The DOM after the page's scripts ran, and the browser's console lines. */
function load(html: string, name: string): { dom: string; console: string[] } {
  const file = join(dir, name);
  writeFileSync(file, html);
  const args = ['--headless', '--no-sandbox', '--disable-gpu', '--enable-logging=stderr', '--v=0', `--user-data-dir=${join(dir, `profile-${name}`)}`, '--dump-dom', `file://${file}`];
  const run = spawnSync(CHROMIUM!, args, { encoding: 'utf8', timeout: 90_000, stdio: ['ignore', 'pipe', 'pipe'] });
  if (run.status !== 0) throw new Error(`chromium exited with ${String(run.status)}: ${run.stderr}`);
  const dom = run.stdout;
  // Console messages (console.* calls and uncaught errors) are logged as INFO:CONSOLE lines.
  const stderr = run.stderr;
  return { dom, console: stderr.split('\n').filter((l) => l.includes('CONSOLE')) };
}

const arrivals: WorkloadArrival[] = Array.from({ length: 30 }, (_, i) => ({
  id: `j${i}`, arrivalNs: i * 60e9, user: 'u', queue: 'q', priority: 0,
  spec: { kind: 'training', gpus: [1, 8, 16][i % 3]!, nodes: 0, cpus: 0, gpuType: '', modelClass: i % 3 === 2 ? 'bert-large' : 'resnet-50', application: '', batchSize: 0 },
  recorded: { status: 'COMPLETED', sourceStatus: 'COMPLETED', runNs: (300 + 50 * (i % 5)) * 1e9 },
}));

describe.skipIf(CHROMIUM === undefined)('HTML reports in headless Chromium', () => {
  it('renders the replay report: four charts laid out, no console message', () => {
    const cluster = ClusterSpecSchema.parse({ servers: [{ count: 4, gpuType: 'h100', gpusPerServer: 8 }], topology: { kind: 'leaf-spine', hostsPerLeaf: 8, oversubscription: 2 }, linkSpeedGbps: 400 });
    const reports = loadShippedProfiles().profiles.filter((p) => p.name === 'best-fit' || p.name === 'fgd').map((profile) =>
      replayJobTrace({ trace: { name: 't', source: 'helios', arrivals, readSummary: 'read 30 rows', malformedRows: 0 }, cluster, profile, seed: 1, sampleEveryNs: 120e9, mapper: new ModelClassMapper() }).report!,
    );
    const page = load(renderReplayHtml({ trace: 'test <trace>', format: 'helios', readSummary: 'read 30 rows', reports }), 'replay.html');
    expect(page.console).toEqual([]);
    expect(page.dom).toMatch(/data-charts="4"/);
    const rendered = [...page.dom.matchAll(/data-rendered="(\d+):(\d+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(rendered).toHaveLength(4);
    for (const [marks, size] of rendered) {
      expect(marks).toBe(2);
      expect(size).toBeGreaterThan(0);
    }
    expect(page.dom).toContain('test &lt;trace&gt;');
  }, 200_000);

  it('renders the plan report: cost against completion time with its Pareto front', () => {
    const points = [
      { design: 'a', gpus: 64, gpuType: 'h100-sxm', oversubscription: 1, policy: 'best-fit', costPerHourUsd: 200, jctMeanS: 900, jctP99S: 2000, meetsTargets: true, onFront: true },
      { design: 'b', gpus: 64, gpuType: 'h100-sxm', oversubscription: 4, policy: 'best-fit', costPerHourUsd: 150, jctMeanS: 1300, jctP99S: 3000, meetsTargets: false, onFront: true },
      { design: 'c', gpus: 32, gpuType: 'h100-sxm', oversubscription: 4, policy: 'best-fit', costPerHourUsd: 120, jctMeanS: 5000, jctP99S: 9000, meetsTargets: false, onFront: true },
      { design: 'd', gpus: 64, gpuType: 'a100-80g-sxm', oversubscription: 1, policy: 'best-fit', costPerHourUsd: 210, jctMeanS: 1500, jctP99S: 3000, meetsTargets: false, onFront: false },
    ];
    const page = load(renderPlanHtml({ trace: 't', targets: { jctP99S: 2500 }, recommended: 'a', points }), 'plan.html');
    expect(page.console).toEqual([]);
    expect(page.dom).toMatch(/data-charts="1"/);
    expect(page.dom).toMatch(/data-rendered="4:\d+"/);
  }, 200_000);
});
