import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { Dashboard } from './dashboard.js';
import { FixtureSource } from './fixtures.test-helpers.js';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const instances: { unmount(): void }[] = [];

async function mount(source = new FixtureSource()) {
  const instance = render(<Dashboard source={source} fps={50} />);
  instances.push(instance);
  await wait(30);
  const press = async (keys: string) => {
    for (const key of keys) {
      instance.stdin.write(key);
      await wait(15);
    }
    await wait(40);
  };
  const frame = () => instance.lastFrame() ?? '';
  return { instance, press, frame, source };
}

afterEach(() => {
  for (const i of instances.splice(0)) i.unmount();
});

describe('Dashboard', () => {
  it('shows header totals, the GPU grid, workloads, fabric and events on the overview', async () => {
    const { frame } = await mount();
    const f = frame();
    expect(f).toContain('GPUs 13/24 used, 2 lent, 11 free');
    expect(f).toContain('SLO 97.3%');
    expect(f).toMatch(/node-a\s+████LL··/);
    expect(f).toContain('▄'); // the fractional GPU on node-b
    expect(f).toContain('workloads(3)');
    expect(f).toContain('leaf0-spine0');
    expect(f).toContain('qwen-serve TTFT p99 480 ms > 300 ms');
  });

  it('switches views with : commands and goes back with esc', async () => {
    const { press, frame } = await mount();
    await press(':nodes\r');
    expect(frame()).toContain('nodes(3)');
    expect(frame()).toMatch(/node-b\s+h100\s+leaf1\s+2\.5\/8/);
    await press(':links\r');
    expect(frame()).toContain('links(3)');
    await press('\u001b');
    expect(frame()).toContain('nodes(3)');
    await press(':pods\r');
    expect(frame()).toContain('unknown command ":pods"');
  });

  it('filters with /, sorts, moves the selection and describes the selected row', async () => {
    const { press, frame } = await mount();
    await press(':jobs\r');
    await press('/serve\r');
    expect(frame()).toContain('workloads(2/3) /serve');
    expect(frame()).not.toContain('lora-job');
    await press('T'); // sort by TTFT, descending first
    const lines = frame().split('\n');
    expect(lines.findIndex((l) => l.includes('qwen-serve'))).toBeLessThan(lines.findIndex((l) => l.includes('llama-serve')));
    await press('j\r');
    expect(frame()).toContain('deployment llama-serve');
    expect(frame()).toMatch(/TTFT p99 ms\s+212\/300/);
  });

  it('pauses and resumes with space, changes speed with + and -', async () => {
    const { press, frame, source } = await mount();
    await press(' ');
    expect(frame()).toContain('[paused]');
    const frozen = source.advances;
    await wait(100);
    expect(source.advances).toBe(frozen);
    await press(' ++');
    expect(frame()).toContain('speed 100x');
    await press('-');
    expect(frame()).toContain('speed 10x');
    expect(source.advances).toBeGreaterThan(frozen);
  });

  it('shows help on ? and quits on q', async () => {
    const { press, frame, instance } = await mount();
    await press('?');
    expect(frame()).toContain('command mode');
    await press('q');
    // After exit Ink stops reading input: further keys change nothing.
    const last = frame();
    instance.stdin.write(':nodes\r');
    await wait(50);
    expect(frame()).toBe(last);
  });

  it('reports the end of the simulation', async () => {
    const source = new FixtureSource();
    source.endAfter = 2;
    const { frame } = await mount(source);
    await wait(100);
    expect(frame()).toContain('simulation finished');
  });
});
