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
import type { DashboardSource } from '../ui/model/source.js';
import { FabricScenarioSource } from '../ui/sources/fabric/fabric-source.js';
import { loadKubeConfigFor } from '../kube-config.js';
import { KubeClusterSource } from '../ui/sources/kube/kube-source.js';
import { PodTimelineSource } from '../ui/sources/pod-timeline-source.js';
import { loadDashboardScenario } from '../ui/sources/scenario-file.js';
import { planServingScenario } from '../ui/sources/serving/serving-scenario.js';
import { ServingScenarioSource } from '../ui/sources/serving/serving-source.js';

/** Default simulated seconds per wall second: packet-level fabric runs last microseconds to milliseconds. */
const DEFAULT_SPEED = { demo: 20, serving: 10, fabric: 0.000_01 } as const;

/**
 * `weft ui` (alias `top`): the live dashboard. `--demo` replays a scaled-down Alibaba openb
 * cluster trace through the scheduler (FGD profile); `--scenario <file>` runs a fabric scenario
 * (the YAML of `weft fabric run`) at packet level or a serving scenario (`kind: serving`).
 * The scenario is read and checked before the terminal is taken, so a bad file is one error
 * line and exit 2 wherever it runs.
 */
export const uiCommand: Command = {
  name: 'ui',
  aliases: ['top'],
  summary: 'live terminal dashboard over a running simulation',
  usage: '--demo | --scenario <file> | --kube [options]',
  description:
    'A k9s-style dashboard: GPU grid, workloads, fabric, SLO sparklines and an event log.\n' +
    '--demo animates the FGD paper\'s inflation experiment: 1/16 of the Alibaba openb GPU\n' +
    'cluster receives pods drawn from the real openb pod list, one per simulated second, until\n' +
    'they request 120% of its GPUs; the scheduler places them with fragmentation-gradient-descent\n' +
    'scoring, and the grid, allocation and pending pods show where the cluster runs out.\n' +
    '--scenario runs a file: a fabric scenario (the YAML `weft fabric run` takes) simulated at\n' +
    'packet level, with link utilisation over a recent window, the most congested links, PFC\n' +
    'pauses and ECN marks (:fabric, :links) and its flows and collectives as workloads; or a\n' +
    'serving scenario (`kind: serving`, deployments with the settings of `weft model serve`)\n' +
    'with p99 TTFT/TPOT over a rolling window against each SLO, as sparklines and events.\n' +
    '--kube shows the live cluster of the current kubeconfig (or --kubeconfig, --context): Nodes\n' +
    'with their nvidia.com/gpu and topology labels, the GPUs pods hold, ModelDeployments and\n' +
    'FineTuneJobs from their status (lent GPUs are fine-tuning workers), and the Events of the\n' +
    'weft.dev objects and GPU pod changes, all kept current by watches; time is the wall clock.\n' +
    'Keys: : command (:nodes :jobs :links :fabric :events), / filter, j/k move, enter describe, esc back,\n' +
    'space pause, +/- speed, ? help, q quit.',
  examples: [
    { command: 'weft ui --demo', comment: 'watch the built-in trace replay' },
    { command: 'weft top --demo --speed 100', comment: 'the same, 100 pods a second' },
    { command: 'weft ui --scenario fabric-sim/examples/incast.yaml', comment: 'an 8-to-1 incast at packet level: PFC, ECN, link load' },
    { command: 'weft ui --scenario cli/ui/examples/serving-two-models.yaml --speed 100', comment: 'two deployments against their SLOs' },
    { command: 'weft ui --kube', comment: 'the live cluster of the current kubeconfig (operator mode)' },
    { command: 'weft top --kube --context lab --namespace serving', comment: "another context; that namespace's workloads and events" },
  ],
  options: {
    demo: { type: 'boolean', description: 'run the built-in demo scenario (openb trace replay)' },
    scenario: { type: 'string', placeholder: '<file>', description: 'a fabric scenario (weft fabric run YAML) or a serving scenario (kind: serving)' },
    speed: { type: 'string', placeholder: '<x>', description: 'simulated seconds per wall second', defaultText: '20 demo, 10 serving, 0.00001 fabric' },
    fps: { type: 'string', placeholder: '<n>', description: 'redraws per second', defaultText: '10' },
    scale: { type: 'string', placeholder: '<n>', description: 'demo: keep every n-th node and pod of the trace', defaultText: '16' },
    kube: { type: 'boolean', description: 'show the live Kubernetes cluster (implied by --kubeconfig, --context, --namespace)' },
    kubeconfig: { type: 'string', placeholder: '<file>', description: 'kube: kubeconfig file (default: $KUBECONFIG or ~/.kube/config)' },
    context: { type: 'string', placeholder: '<name>', description: "kube: kubeconfig context (default: the file's current-context)" },
    namespace: { type: 'string', placeholder: '<ns>', description: 'kube: workloads and events of this namespace only (the GPU grid shows every pod)', defaultText: 'all namespaces' },
  },
  async run({ options, io, json }) {
    if (json) throw badInput('weft ui is interactive and has no JSON output', { field: '--json', expected: 'no --json (use the other commands for data)' });
    const scenarioFile = options.scenario;
    const kube = kubeOptions(options);
    if (kube !== undefined && (options.demo === true || scenarioFile !== undefined)) {
      throw badInput('--kube excludes --demo and --scenario', { field: '--kube', expected: 'one of --demo, --scenario <file> or --kube' });
    }
    if (options.demo === true && scenarioFile !== undefined) throw badInput('--demo and --scenario exclude each other', { field: '--scenario', expected: 'either --demo or --scenario <file>' });
    if (kube === undefined && options.demo !== true && typeof scenarioFile !== 'string') throw badInput('no scenario given', { field: '--scenario', expected: '--scenario <file> or --demo' });
    const fps = options.fps === undefined ? 10 : parseIntegerOption('--fps', options.fps, { min: 1, max: 60 });
    const seed = parseSeed(options.seed);
    const speedOf = (kind: keyof typeof DEFAULT_SPEED) =>
      options.speed === undefined ? DEFAULT_SPEED[kind] : parseNumberOption('--speed', options.speed, { min: 0, exclusiveMin: true, max: 1e7 });
    let source: DashboardSource;
    let speed: number;
    let close = async (): Promise<void> => {};
    if (kube !== undefined) {
      if (options.speed !== undefined) throw badInput('a live cluster has no speed', { field: '--speed', value: options.speed, expected: 'no --speed with --kube' });
      // Connect and take in the first lists before the terminal: an unreachable server is one line, exit 2.
      const { kubeConfig, context, server } = loadKubeConfigFor(kube);
      const live = await KubeClusterSource.connect({ kubeConfig, label: `${context} (${server})`, ...(kube.namespace === undefined ? {} : { namespace: kube.namespace }) });
      source = live;
      speed = 1;
      close = () => live.close();
    } else if (typeof scenarioFile === 'string') {
      // Read, check and build everything before taking the terminal: a bad file is one line, exit 2.
      const loaded = loadDashboardScenario(scenarioFile);
      if (loaded.kind === 'fabric') {
        source = new FabricScenarioSource(loaded.scenario, { seed });
        speed = speedOf('fabric');
      } else {
        const plans = await planServingScenario(loaded.scenario, loaded.file, loaded.text, seed);
        const s = loaded.scenario;
        source = new ServingScenarioSource(plans, { name: s.name, seed, windowNs: s.windowS * 1e9, sampleNs: s.sampleS * 1e9, gpusPerNode: s.gpusPerNode });
        speed = speedOf('serving');
      }
    } else {
      const scale = options.scale === undefined ? 16 : parseIntegerOption('--scale', options.scale, { min: 1, max: 1000 });
      speed = speedOf('demo');
      source = await demoSource(scale, seed);
    }
    try {
      if (io.stdout.isTTY !== true) throw badInput('weft ui needs a terminal', { field: 'stdout', expected: 'a TTY (run it in a terminal, not through a pipe)' });
      // The dashboard owns the terminal: it draws on the process's TTY (checked above through io).
      const app = render(<Dashboard source={source} fps={fps} initialSpeed={speed} />, { exitOnCtrlC: true });
      await app.waitUntilExit();
    } finally {
      await close();
    }
    return 0;
  },
};

/** The kube flags, or undefined when none is given (`--kubeconfig`, `--context` and `--namespace` imply `--kube`). */
function kubeOptions(options: Record<string, string | boolean | undefined>): { file?: string; context?: string; namespace?: string } | undefined {
  const text = (name: string): string | undefined => {
    const value = options[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value.trim() === '') throw badInput('empty value', { field: `--${name}`, value, expected: 'a non-empty string' });
    return value;
  };
  const file = text('kubeconfig');
  const context = text('context');
  const namespace = text('namespace');
  if (options.kube !== true && file === undefined && context === undefined && namespace === undefined) return undefined;
  return { ...(file === undefined ? {} : { file }), ...(context === undefined ? {} : { context }), ...(namespace === undefined ? {} : { namespace }) };
}

/** The openb inflation replay under the FGD profile. */
async function demoSource(scale: number, seed: number): Promise<DashboardSource> {
  const demo = await loadOpenbDemo({ scale, seed });
  const workload = TargetWorkload.fromPods(demo.pods.map((p) => p.spec));
  return new PodTimelineSource(
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
}
