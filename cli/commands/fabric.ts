import { badInput } from '../../core/errors.js';
import { loadScenarioFile } from '../../fabric-sim/scenario.js';
import { simulateScenario } from '../../fabric-sim/scenario-models.js';
import type { Command } from '../command.js';
import { parseSeed } from '../options.js';
import { ProgressReporter } from '../progress.js';
import { formatTable } from '../table.js';

const SUBCOMMANDS = ['run'] as const;

/** `weft fabric run <scenario.yaml>`: the packet-level fabric simulator. */
export const fabricCommand: Command = {
  name: 'fabric',
  summary: 'simulate a fabric scenario packet by packet (switch buffers, ECN, PFC, DCQCN)',
  usage: 'run <scenario.yaml> [options]',
  description:
    'Runs a scenario (cluster, switch overrides, transport, traffic) through the packet-level\n' +
    'network: every packet through every switch queue, RoCEv2-style transport with DCQCN or\n' +
    'PFC only. Prints flow completion times, collective bus bandwidth, queues, PFC, ECN, drops\n' +
    'and retransmissions; --json prints the full metrics (per flow and per link).\n' +
    'A scenario with `fidelity: flow` (max-min fair flows) or `fidelity: analytic` (alpha-beta\n' +
    'closed forms) reports completion times only, far faster.',
  examples: [
    { command: 'weft fabric run scenario.yaml', comment: 'simulate and print the summary table' },
    { command: 'weft fabric run scenario.yaml --json --seed 7', comment: 'full metrics as JSON, another seed' },
  ],
  options: {},
  run({ options, positionals, io, json }) {
    const [sub, path, ...extra] = positionals;
    if (sub === undefined || !(SUBCOMMANDS as readonly string[]).includes(sub)) {
      throw badInput('unknown fabric subcommand', { field: 'subcommand', value: sub ?? '', expected: `one of: ${SUBCOMMANDS.join(', ')}` });
    }
    if (path === undefined) throw badInput('missing scenario file', { field: 'scenario', expected: 'weft fabric run <scenario.yaml>' });
    if (extra.length > 0) throw badInput('unexpected argument', { field: 'arguments', value: extra[0], expected: 'one scenario file' });
    const seed = parseSeed(options.seed);
    const scenario = loadScenarioFile(path);
    // Packet-level runs can take minutes: progress on stderr, in simulated time when the
    // scenario has a limit (the run ends there at the latest), otherwise as events processed.
    const progress = new ProgressReporter(io.stderr, 'simulating', { unit: scenario.limitNs === undefined ? 'events' : 'simulated us' });
    const result = simulateScenario(scenario, {
      seed,
      onProgress: (simulatedNs, events) => {
        if (scenario.limitNs === undefined) progress.update(events, undefined, `${(simulatedNs / 1e3).toFixed(1)} us simulated`);
        else progress.update(simulatedNs / 1e3, scenario.limitNs / 1e3, `${events.toLocaleString('en-US')} events`);
      },
    });
    progress.done();
    if (json) {
      io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return 0;
    }
    const s = result.summary;
    const model = result.fidelity === 'packet' ? `cc ${result.transport.cc}` : `${result.fidelity} fidelity`;
    io.stdout.write(
      `${result.scenario}: ${result.cluster.gpus} GPUs, ${result.cluster.switches} switches (${result.cluster.switch}), ` +
        `${result.cluster.linkSpeedGbps} Gb/s links, ${model}, seed ${seed}\n` +
        `${(result.simulatedNs / 1e3).toFixed(1)} us simulated, ${result.events.toLocaleString('en-US')} events\n\n`,
    );
    const rows: [string, string][] = [
      ['flows completed', `${s.completed} / ${s.flows}`],
      ['FCT p50 / p99 (us)', `${(s.fctP50Ns / 1e3).toFixed(2)} / ${(s.fctP99Ns / 1e3).toFixed(2)}`],
      ['slowdown p50 / p99 / max', `${s.slowdownP50} / ${s.slowdownP99} / ${s.slowdownMax}`],
    ];
    if (result.fidelity === 'packet') {
      // Queues, PFC, ECN and losses exist only at packet level.
      const p = result.summary;
      rows.push(
        ['link utilisation mean / max', `${(p.linkUtilisationMean * 100).toFixed(1)}% / ${(p.linkUtilisationMax * 100).toFixed(1)}%`],
        ['queue p50 / p99 / max (KB)', `${(p.queueP50Bytes / 1e3).toFixed(1)} / ${(p.queueP99Bytes / 1e3).toFixed(1)} / ${(p.queueMaxBytes / 1e3).toFixed(1)}`],
        ['PFC pauses (paused us)', `${p.pfcPauseFrames} (${(p.pfcPausedNs / 1e3).toFixed(1)})`],
        ['ECN marks / CNPs', `${p.ecnMarks} / ${p.cnps}`],
        ['drops / retransmitted packets / timeouts', `${p.drops} / ${p.retransmittedPackets} / ${p.timeouts}`],
      );
    }
    for (const c of result.collectives) {
      rows.push([
        `${c.kind} n=${c.ranks} S=${c.bytes} B`,
        c.timeNs === null
          ? 'did not finish'
          : `${(c.timeNs / 1e3).toFixed(2)} us (closed form ${(c.closedFormNs / 1e3).toFixed(2)}), busbw ${c.busBwGbps} Gb/s`,
      ]);
    }
    io.stdout.write(formatTable(['metric', 'value'], rows));
    if (s.completed < s.flows) io.stdout.write('\nnot every flow finished before the time limit\n');
    return 0;
  },
};
