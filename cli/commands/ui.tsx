import { render } from 'ink';
import { badInput } from '../../core/errors.js';
import { TargetWorkload } from '../../scheduler/fgd/target-workload.js';
import { FragmentationGradient } from '../../scheduler/plugins/fgd.js';
import { GpuType } from '../../scheduler/plugins/gpu-type.js';
import { NodeUnschedulable } from '../../scheduler/plugins/node-unschedulable.js';
import { ResourceFit } from '../../scheduler/plugins/resource-fit.js';
import { loadOpenbDemo } from '../../traces/replay/openb-demo.js';
import { PodTimeline } from '../../traces/replay/pod-timeline.js';
import type { Command } from '../command.js';
import { parseIntegerOption, parseNumberOption, parseSeed } from '../options.js';
import { Dashboard } from '../ui/app/dashboard.js';
import { PodTimelineSource } from '../ui/sources/pod-timeline-source.js';

/**
 * `weft ui` (alias `top`): the live dashboard. `--demo` replays a scaled-down Alibaba openb
 * cluster trace through the scheduler (FGD profile). Scenarios with serving, fine-tuning and
 * the fabric (`--scenario`) and operator mode arrive with their capabilities.
 */
export const uiCommand: Command = {
  name: 'ui',
  aliases: ['top'],
  summary: 'live terminal dashboard over a running simulation',
  usage: '--demo [options]',
  description:
    'A k9s-style dashboard: GPU grid, workloads, fabric, SLO sparklines and an event log.\n' +
    '--demo animates the FGD paper\'s inflation experiment: 1/16 of the Alibaba openb GPU\n' +
    'cluster receives pods drawn from the real openb pod list, one per simulated second, until\n' +
    'they request 120% of its GPUs; the scheduler places them with fragmentation-gradient-descent\n' +
    'scoring, and the grid, allocation and pending pods show where the cluster runs out.\n' +
    'Keys: : command (:nodes :jobs :links :events), / filter, j/k move, enter describe, esc back,\n' +
    'space pause, +/- speed, ? help, q quit.',
  examples: [
    { command: 'weft ui --demo', comment: 'watch the built-in trace replay' },
    { command: 'weft top --demo --speed 100', comment: 'the same, 100 pods a second' },
  ],
  options: {
    demo: { type: 'boolean', description: 'run the built-in demo scenario (openb trace replay)' },
    speed: { type: 'string', placeholder: '<x>', description: 'simulated seconds per wall second', defaultText: '20' },
    fps: { type: 'string', placeholder: '<n>', description: 'redraws per second', defaultText: '10' },
    scale: { type: 'string', placeholder: '<n>', description: 'demo: keep every n-th node and pod of the trace', defaultText: '16' },
  },
  async run({ options, io, json }) {
    if (json) throw badInput('weft ui is interactive and has no JSON output', { field: '--json', expected: 'no --json (use the other commands for data)' });
    if (options.demo !== true) throw badInput('no scenario given', { field: '--demo', expected: '--demo (scenario files arrive with the end-to-end capability)' });
    if (io.stdout.isTTY !== true) throw badInput('weft ui needs a terminal', { field: 'stdout', expected: 'a TTY (run it in a terminal, not through a pipe)' });
    const speed = options.speed === undefined ? 20 : parseNumberOption('--speed', options.speed, { min: 0, exclusiveMin: true, max: 1e7 });
    const fps = options.fps === undefined ? 10 : parseIntegerOption('--fps', options.fps, { min: 1, max: 60 });
    const scale = options.scale === undefined ? 16 : parseIntegerOption('--scale', options.scale, { min: 1, max: 1000 });
    const seed = parseSeed(options.seed);

    const demo = await loadOpenbDemo({ scale, seed });
    const workload = TargetWorkload.fromPods(demo.pods.map((p) => p.spec));
    const source = new PodTimelineSource(
      (onEvent) =>
        new PodTimeline({
          nodes: demo.nodes,
          pods: demo.pods,
          seed,
          plugins: () => [
            { plugin: new NodeUnschedulable(), weight: 1 },
            { plugin: new GpuType(), weight: 1 },
            { plugin: new ResourceFit(), weight: 1 },
            { plugin: new FragmentationGradient(workload), weight: 1 },
          ],
          onEvent,
        }),
    );
    // The dashboard owns the terminal: it draws on the process's TTY (checked above through io).
    const app = render(<Dashboard source={source} fps={fps} initialSpeed={speed} />, { exitOnCtrlC: true });
    await app.waitUntilExit();
    return 0;
  },
};
