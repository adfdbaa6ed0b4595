import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClusterSpecSchema } from '../../fabric-sim/cluster/spec.js';
import { loadShippedProfiles } from '../../scheduler/profiles/shipped.js';
import { ModelClassMapper } from '../mapping/model-class-rules.js';
import { replayJobTrace } from '../replay/job-trace-replay.js';
import type { WorkloadArrival } from '../weft/records.js';
import { renderPlanHtml } from './plan-html.js';
import { renderReplayHtml } from './replay-html.js';

/**
 * Opens the HTML reports in headless Chromium (Debian's `chromium`, which .ci/run installs),
 * driven by playwright-core with its executablePath set to that binary (playwright's own browser
 * download is never used), and checks that every chart was laid out (the page marks each with its
 * drawn marks' count and size; the test also measures the SVG marks itself) and that the page
 * logged nothing and threw nothing. Skipped, saying so, only on a machine without the browser and
 * outside CI.
 */
const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p !== undefined && p !== '' && existsSync(p));
if (CHROMIUM === undefined && process.env.CI !== undefined) throw new Error('CI must install chromium (.ci/run does): the HTML report test needs it');
if (CHROMIUM === undefined) process.stderr.write('html-report.browser.test: skipped, no chromium binary (apt-get install -y chromium, or set CHROMIUM_PATH)\n');

const dir = mkdtempSync(join(tmpdir(), 'weft-html-'));
let browser: Browser | undefined;

/** What the page looked like after its scripts ran. */
interface LoadedPage {
  /** The serialized DOM. */
  dom: string;
  /** Console messages and uncaught errors, in order. */
  console: string[];
  /** Per `<svg>` in the page: its drawn marks (paths, rects, circles, lines) with a non-empty box, and its laid-out width in px. */
  svgs: { marksDrawn: number; widthPx: number }[];
}

/**
 * Runs in the page (a string: the project compiles without the DOM library): per `<svg>`, how
 * many of its marks have a non-empty bounding box, and its laid-out width.
 */
const SVG_LAYOUT = `[...document.querySelectorAll('svg')].map((svg) => ({
  marksDrawn: [...svg.querySelectorAll('path, rect, circle, line, polyline')].filter((m) => {
    const box = m.getBBox();
    return box.width > 0 || box.height > 0;
  }).length,
  widthPx: svg.getBoundingClientRect().width,
}))`;

/** Opens `html` from a file (as a user would) and reads back the DOM, the console and the SVGs' layout. */
async function load(html: string, name: string): Promise<LoadedPage> {
  const file = join(dir, name);
  writeFileSync(file, html);
  const page = await browser!.newPage();
  const messages: string[] = [];
  page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`));
  try {
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const svgs = await page.evaluate(SVG_LAYOUT);
    if (!Array.isArray(svgs)) throw new Error(`SVG layout script returned ${JSON.stringify(svgs)}`);
    return { dom: await page.content(), console: messages, svgs: svgs as LoadedPage['svgs'] };
  } finally {
    await page.close();
  }
}

const arrivals: WorkloadArrival[] = Array.from({ length: 30 }, (_, i) => ({
  id: `j${i}`, arrivalNs: i * 60e9, user: 'u', queue: 'q', priority: 0,
  spec: { kind: 'training', gpus: [1, 8, 16][i % 3]!, nodes: 0, cpus: 0, gpuType: '', modelClass: i % 3 === 2 ? 'bert-large' : 'resnet-50', application: '', batchSize: 0 },
  recorded: { status: 'COMPLETED', sourceStatus: 'COMPLETED', runNs: (300 + 50 * (i % 5)) * 1e9 },
}));

describe.skipIf(CHROMIUM === undefined)('HTML reports in headless Chromium', () => {
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM!, args: ['--no-sandbox', '--disable-gpu'] });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('renders the replay report: four charts laid out, no console message', async () => {
    const cluster = ClusterSpecSchema.parse({ servers: [{ count: 4, gpuType: 'h100', gpusPerServer: 8 }], topology: { kind: 'leaf-spine', hostsPerLeaf: 8, oversubscription: 2 }, linkSpeedGbps: 400 });
    const reports = loadShippedProfiles().profiles.filter((p) => p.name === 'best-fit' || p.name === 'fgd').map((profile) =>
      replayJobTrace({ trace: { name: 't', source: 'helios', arrivals, readSummary: 'read 30 rows', malformedRows: 0 }, cluster, profile, seed: 1, sampleEveryNs: 120e9, mapper: new ModelClassMapper() }).report!,
    );
    const page = await load(renderReplayHtml({ trace: 'test <trace>', format: 'helios', readSummary: 'read 30 rows', reports }), 'replay.html');
    expect(page.console).toEqual([]);
    expect(page.dom).toMatch(/data-charts="4"/);
    const rendered = [...page.dom.matchAll(/data-rendered="(\d+):(\d+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(rendered).toHaveLength(4);
    for (const [marks, size] of rendered) {
      expect(marks).toBe(2);
      expect(size).toBeGreaterThan(0);
    }
    // Measured by the test, not the page: four laid-out SVGs, each with its two series and axes drawn.
    expect(page.svgs).toHaveLength(4);
    for (const svg of page.svgs) {
      expect(svg.widthPx).toBeGreaterThan(0);
      expect(svg.marksDrawn).toBeGreaterThanOrEqual(4);
    }
    expect(page.dom).toContain('test &lt;trace&gt;');
  }, 200_000);

  it('renders the plan report: cost against completion time with its Pareto front', async () => {
    const points = [
      { design: 'a', gpus: 64, gpuType: 'h100-sxm', oversubscription: 1, policy: 'best-fit', costPerHourUsd: 200, jctMeanS: 900, jctP99S: 2000, meetsTargets: true, onFront: true },
      { design: 'b', gpus: 64, gpuType: 'h100-sxm', oversubscription: 4, policy: 'best-fit', costPerHourUsd: 150, jctMeanS: 1300, jctP99S: 3000, meetsTargets: false, onFront: true },
      { design: 'c', gpus: 32, gpuType: 'h100-sxm', oversubscription: 4, policy: 'best-fit', costPerHourUsd: 120, jctMeanS: 5000, jctP99S: 9000, meetsTargets: false, onFront: true },
      { design: 'd', gpus: 64, gpuType: 'a100-80g-sxm', oversubscription: 1, policy: 'best-fit', costPerHourUsd: 210, jctMeanS: 1500, jctP99S: 3000, meetsTargets: false, onFront: false },
    ];
    const page = await load(renderPlanHtml({ trace: 't', targets: { jctP99S: 2500 }, recommended: 'a', points }), 'plan.html');
    expect(page.console).toEqual([]);
    expect(page.dom).toMatch(/data-charts="1"/);
    // The four designs' points plus the front and axes, drawn with a non-empty box.
    expect(page.svgs).toHaveLength(1);
    expect(page.svgs[0]!.widthPx).toBeGreaterThan(0);
    expect(page.svgs[0]!.marksDrawn).toBeGreaterThanOrEqual(6);
    expect(page.dom).toMatch(/data-rendered="4:\d+"/);
  }, 200_000);

  it('renders the plan report of a trace with inference workloads: cost against SLO attainment too', async () => {
    const points = [
      { design: 'small', gpus: 16, gpuType: 'a100-80g-sxm', oversubscription: 1, policy: 'best-fit', costPerHourUsd: 40, jctMeanS: 900, jctP99S: 2000, meetsTargets: false, onFront: true, inferenceAttainment: 0.62 },
      { design: 'mid', gpus: 32, gpuType: 'a100-80g-sxm', oversubscription: 1, policy: 'best-fit', costPerHourUsd: 80, jctMeanS: 700, jctP99S: 1500, meetsTargets: false, onFront: true, inferenceAttainment: 0.97 },
      { design: 'big', gpus: 48, gpuType: 'a100-80g-sxm', oversubscription: 1, policy: 'best-fit', costPerHourUsd: 120, jctMeanS: 600, jctP99S: 1200, meetsTargets: true, onFront: true, inferenceAttainment: 0.999 },
    ];
    const page = await load(renderPlanHtml({ trace: 't', targets: {}, recommended: 'big', points }), 'plan-inference.html');
    expect(page.console).toEqual([]);
    expect(page.dom).toMatch(/data-charts="2"/);
    expect(page.dom).toMatch(/<svg id="cost-vs-slo"/);
    expect(page.svgs).toHaveLength(2);
    for (const svg of page.svgs) {
      expect(svg.widthPx).toBeGreaterThan(0);
      expect(svg.marksDrawn).toBeGreaterThanOrEqual(5);
    }
    expect([...page.dom.matchAll(/data-rendered="3:\d+"/g)]).toHaveLength(2);
  }, 200_000);
});
