import { badInput } from '../core/errors.js';
import { AnalyticNetwork } from './network/analytic-network.js';
import type { FabricNetwork } from './network/fabric-network.js';
import { FlowNetwork } from './network/flow-network.js';
import {
  type BuiltTraffic,
  buildTraffic,
  collectiveMetrics,
  percentile,
  round,
  type RunOptions,
  runScenario,
  type Scenario,
  type ScenarioResult,
  scenarioTopology,
} from './scenario.js';

/**
 * A scenario at the fidelity it names. `packet` is `runScenario`; `flow` and `analytic` run
 * the same flows (collectives as the same dependency graphs) through `FlowNetwork` or
 * `AnalyticNetwork` and report the metrics those models define: per-flow completion times and
 * slowdowns, collective times and bus bandwidths. Queues, PFC, ECN, drops and retransmissions
 * exist only at packet level and are absent from these results.
 */

/** Metrics of a flow-level or analytic run. */
export type ModelScenarioResult = ReturnType<typeof collectModelMetrics>;

/** Runs a scenario at its `fidelity`. */
export function simulateScenario(scenario: Scenario, options: RunOptions = {}): ScenarioResult | ModelScenarioResult {
  if (scenario.fidelity === 'packet') return runScenario(scenario, options);
  return runScenarioModel(scenario, scenario.fidelity, options);
}

/** Runs a scenario through the flow-level or analytic network. */
export function runScenarioModel(scenario: Scenario, fidelity: 'flow' | 'analytic', options: RunOptions = {}) {
  const seed = options.seed ?? 1;
  const topology = scenarioTopology(scenario);
  const traffic = buildTraffic(scenario, topology, seed);
  const net: FlowNetwork | AnalyticNetwork = fidelity === 'flow' ? new FlowNetwork(topology, { seed }) : new AnalyticNetwork(topology, { seed });
  traffic.flows.forEach((f, i) => {
    if (!(net.idealNs(f.src, f.dst, 0).bandwidthBytesPerNs < Infinity)) {
      throw badInput('no path between these GPUs (links down?)', {
        field: 'traffic',
        value: `flow ${i}: ${topology.gpus[f.src]!.id} -> ${topology.gpus[f.dst]!.id}`,
        expected: 'GPUs connected by links that are up',
      });
    }
  });
  net.addFlows(traffic.flows);
  net.run(scenario.limitNs ?? Infinity);
  return collectModelMetrics(scenario, seed, net, traffic, net.engine.eventsProcessed, net.engine.nowNs);
}

function collectModelMetrics(scenario: Scenario, seed: number, net: FabricNetwork, traffic: BuiltTraffic, events: number, nowNs: number) {
  const topology = scenarioTopology(scenario);
  const gpuId = (node: number) => topology.gpus[node]!.id;
  const flows = traffic.flows.map((f, i) => {
    const ideal = net.idealNs(f.src, f.dst, f.bytes);
    const fct = net.fRecvDoneNs[i]! - net.fStartNs[i]!;
    const done = !Number.isNaN(fct);
    return {
      id: i,
      src: gpuId(f.src),
      dst: gpuId(f.dst),
      bytes: f.bytes,
      startNs: Number.isNaN(net.fStartNs[i]!) ? null : round(net.fStartNs[i]!),
      fctNs: done ? round(fct) : null,
      idealNs: round(ideal.idealNs),
      slowdown: done ? round(fct / ideal.idealNs, 4) : null,
    };
  });
  const completed = flows.filter((f) => f.fctNs !== null);
  const fcts = completed.map((f) => f.fctNs!).sort((a, b) => a - b);
  const slowdowns = completed.map((f) => f.slowdown!).sort((a, b) => a - b);
  const allDone = completed.length === flows.length;
  return {
    scenario: scenario.name,
    fidelity: net.fidelity as 'flow' | 'analytic',
    seed,
    cluster: {
      name: scenario.cluster === 'default' ? 'default' : scenario.cluster.name,
      gpus: topology.gpus.length,
      switches: topology.nodes.filter((n) => n.kind !== 'nic').length,
      links: topology.links.length,
      switch: topology.switchSpec.name,
      linkSpeedGbps: topology.linkSpeedGbps,
    },
    simulatedNs: round(allDone ? net.lastCompletionNs : nowNs),
    events,
    summary: {
      flows: flows.length,
      completed: completed.length,
      fctP50Ns: percentile(fcts, 0.5),
      fctP99Ns: percentile(fcts, 0.99),
      slowdownP50: percentile(slowdowns, 0.5),
      slowdownP99: percentile(slowdowns, 0.99),
      slowdownMax: slowdowns.at(-1) ?? 0,
    },
    collectives: collectiveMetrics(net, traffic),
    flows,
  };
}
