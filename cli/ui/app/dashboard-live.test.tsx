import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../../fabric-sim/scenario.js';
import { sparkline } from '../components/sparkline/sparkline.js';
import { mostCongested } from '../components/fabric-view/tiers.js';
import type { DashboardSource } from '../model/source.js';
import { FabricScenarioSource } from '../sources/fabric/fabric-source.js';
import { planServingScenario, ServingScenarioSchema } from '../sources/serving/serving-scenario.js';
import { ServingScenarioSource } from '../sources/serving/serving-source.js';
import { Dashboard } from './dashboard.js';

/**
 * The dashboard over real (small) simulations: the 8-to-1 incast example at packet level and a
 * bursty serving deployment, driven by the dashboard's own clock, inspected frame by frame.
 */
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const instances: { unmount(): void }[] = [];

afterEach(() => {
  for (const i of instances.splice(0)) i.unmount();
});

function mount(source: DashboardSource, speed: number) {
  const instance = render(<Dashboard source={source} fps={50} initialSpeed={speed} />);
  instances.push(instance);
  const press = async (keys: string) => {
    for (const key of keys) {
      instance.stdin.write(key);
      await wait(15);
    }
    await wait(60);
  };
  const frame = () => instance.lastFrame() ?? '';
  const until = async (predicate: (f: string) => boolean, what: string) => {
    for (let i = 0; i < 400 && !predicate(frame()); i++) await wait(25);
    if (!predicate(frame())) throw new Error(`timed out waiting for ${what}:\n${frame()}`);
    return frame();
  };
  return { press, frame, until };
}

describe('Dashboard over a live fabric simulation', () => {
  it('shows link load, congestion, PFC and the incast progressing; :fabric and :links agree with the source', async () => {
    const source = new FabricScenarioSource(loadScenarioFile(new URL('../../../fabric-sim/examples/incast.yaml', import.meta.url).pathname), { maxEventsPerSlice: 3_000 });
    const { press, frame, until } = mount(source, 0.000_1);
    // Overview: the header names the scenario; the fabric panel fills once PFC kicks in.
    const first = await until((f) => /\d+ PFC ·/.test(f) && !f.includes(' 0 PFC ·') && /switch0->srv8\/nic0 █+░* +([5-9]\d|100)%/.test(f), 'PFC pauses and a loaded bottleneck');
    expect(first).toMatch(/weft t=[\d.]+µs speed 100µs\/s · incast-8to1/);
    expect(first).toContain('t0 incast 8->1 srv8/gpu0');
    await press(' ');
    expect(frame()).toContain('[paused]');
    const snap = source.snapshot();
    await press(':fabric\r');
    const fabric = frame();
    expect(fabric).toContain(`${snap.fabricTotals!.pfcPauses} PFC pauses`);
    expect(fabric).toMatch(/^host-leaf\s+18\s+█*░*\s+\d+%/m); // 9 hosts, both directions
    // Nothing wraps: every line fits the 100 columns of the test terminal.
    for (const line of fabric.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    const hottest = mostCongested(snap.links, 1)[0]!;
    expect(hottest.name).toBe('switch0->srv8/nic0'); // the receiver's link
    const hotLine = fabric.split('\n').find((l) => l.startsWith('switch0->srv8/nic0'))!;
    expect(hotLine).toContain(`${Math.round(hottest.utilization * 100)}%`);
    expect(hotLine).toMatch(new RegExp(`PFC +${hottest.pfcPauses} ECN +${hottest.ecnMarks}$`));
    expect(fabric).toContain(`${snap.fabricTotals!.ecnMarks} ECN marks`);
    // :links sorted by utilisation (T), highest first; enter describes the selected link.
    await press(':links\rT');
    const rows = frame().split('\n').filter((l) => l.includes('->'));
    expect(rows[0]).toMatch(/^switch0->srv8\/nic0\s+host-leaf/);
    await press('\r');
    expect(frame()).toContain('link switch0->srv8/nic0');
    // Resume: the run finishes and says so.
    await press('\u001b\u001b\u001b ++');
    await until((f) => f.includes('simulation finished'), 'the end of the incast');
    expect(source.snapshot().workloads[0]!.progress).toBe(1);
  });
});

describe('Dashboard over a live serving simulation', () => {
  it('draws each deployment\'s rolling p99 as a sparkline against its SLO and logs violations', async () => {
    const scenario = ServingScenarioSchema.parse({
      kind: 'serving',
      name: 'burst',
      windowS: 10,
      deployments: [{ name: 'chat', model: 'llama-3-8b', gpu: 'h100-sxm', rate: 60, cv: 4, prompt: 2048, output: 64, requests: 1500, slo: 'ttft-p99=200ms,tpot-p99=40ms' }],
    });
    const plans = await planServingScenario(scenario, 'burst.yaml', '', 3);
    const source = new ServingScenarioSource(plans, { name: 'burst', seed: 3, windowNs: 10e9 });
    const { press, frame, until } = mount(source, 100);
    const violated = await until((f) => /violation\s+chat TTFT p99 \d+ ms > 200 ms/.test(f), 'a TTFT violation event');
    await press(' ');
    const snap = source.snapshot();
    const lines = frame().split('\n');
    const ttft = snap.sloSeries.find((s) => s.name === 'chat TTFT p99')!;
    expect(ttft.values.length).toBeGreaterThan(5);
    const line = lines.find((l) => l.includes('chat TTFT p99') && l.includes('/ 200ms'))!;
    expect(line).toBeDefined();
    // The plot is the series' newest points (the view's width decides how many).
    const plot = /p99 ([▁▂▃▄▅▆▇█]+) /.exec(line)![1]!;
    // Scaled so that half height is the 200 ms target.
    const top = Math.max(400, ...ttft.values.slice(-plot.length));
    expect(plot).toBe(sparkline(ttft.values, plot.length, true, top));
    expect(line).toContain(`${ttft.values.at(-1)!.toFixed(1)}ms`);
    expect(violated).toMatch(/violation\s+chat TTFT p99 \d+ ms > 200 ms over the last 10s/);
    // The workloads table shows the live p99 against the target.
    await press(':jobs\r');
    const chat = source.snapshot().workloads[0]!;
    const p99 = chat.ttftP99Ms === undefined ? '-' : `${chat.ttftP99Ms.toFixed(0)}/200`;
    expect(frame()).toMatch(new RegExp(`chat\\s+deployment\\s+1\\s+1\\s+${p99}\\s`));
  });
});

describe('Dashboard in a narrow terminal', () => {
  it('cuts lines at 80 columns instead of wrapping them, in every view', async () => {
    const source = new FabricScenarioSource(loadScenarioFile(new URL('../../../fabric-sim/examples/incast.yaml', import.meta.url).pathname));
    const instance = render(<Dashboard source={source} fps={50} initialSpeed={0.000_1} />);
    instances.push(instance);
    Object.defineProperty(instance.stdout, 'columns', { value: 80 });
    instance.stdout.emit('resize');
    for (let i = 0; i < 200 && source.snapshot().fabricTotals!.pfcPauses === 0; i++) await wait(25);
    instance.stdin.write(' ');
    await wait(100);
    for (const view of ['', ':jobs\r', ':links\r', ':fabric\r', ':events\r', ':nodes\r']) {
      if (view !== '') instance.stdin.write(view);
      await wait(150);
      const frame = instance.lastFrame() ?? '';
      for (const line of frame.split('\n')) expect(line.length, `${view}: ${line}`).toBeLessThanOrEqual(80);
      // Every row of a list starts in the first column: nothing wrapped onto a continuation line.
      expect(frame).not.toMatch(/\n {4}\d+% Running/);
    }
  });
});
