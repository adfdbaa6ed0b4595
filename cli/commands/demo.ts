import { z } from 'zod';
import { loadConfigFile } from '../../core/config.js';
import { simulateMmc } from '../../fabric-sim/examples/mmc-queue.js';
import type { Command } from '../command.js';
import { parseIntegerOption, parseNumberOption, parseSeed } from '../options.js';
import { ProgressReporter } from '../progress.js';
import { formatTable } from '../table.js';

/**
 * The main demo. Until the end-to-end capability lands, it showcases the simulation engine:
 * an M/M/c queue simulated event by event and checked against its Erlang-C closed form.
 */
export const demoCommand: Command = {
  name: 'demo',
  summary: 'run the showcase simulation on the built-in default setup',
  usage: '[options]',
  description:
    'Simulates an M/M/c queue (Poisson arrivals, exponential service, c servers) on the Weft\n' +
    'discrete-event engine and compares it with the Erlang-C closed form. The table shows\n' +
    'simulated and exact figures side by side; the error column should be a few percent.',
  examples: [
    { command: 'weft demo', comment: 'run the engine showcase with its defaults' },
    { command: 'weft demo --servers 4 --utilization 0.95 --customers 1000000', comment: 'a heavily loaded queue' },
    { command: 'weft demo --json --seed 7', comment: 'machine-readable output, another seed' },
    { command: 'weft demo --config demo.yaml', comment: 'parameters from a YAML file (servers, utilization, customers)' },
  ],
  options: {
    servers: { type: 'string', placeholder: '<n>', description: 'number of servers', defaultText: '8' },
    utilization: { type: 'string', placeholder: '<0..1>', description: 'offered load per server', defaultText: '0.85' },
    customers: { type: 'string', placeholder: '<n>', description: 'customers to simulate', defaultText: '500000' },
    config: { type: 'string', placeholder: '<file>', description: 'YAML or JSON file with the same parameters; flags override it' },
  },
  run({ options: flags, io, json }) {
    const options = { ...configDefaults(flags.config), ...definedOnly(flags) };
    const servers = options.servers === undefined ? 8 : parseIntegerOption('--servers', options.servers, { min: 1, max: 10_000 });
    const utilization =
      options.utilization === undefined
        ? 0.85
        : parseNumberOption('--utilization', options.utilization, { min: 0, max: 0.99, exclusiveMin: true });
    const customers =
      options.customers === undefined ? 500_000 : parseIntegerOption('--customers', options.customers, { min: 1000, max: 1e9 });
    const seed = parseSeed(options.seed);
    const serviceRatePerSec = 1000;
    const arrivalRatePerSec = utilization * servers * serviceRatePerSec;

    const progress = new ProgressReporter(io.stderr, 'simulating', { unit: 'customers' });
    const startMs = performance.now();
    const result = simulateMmc({
      arrivalRatePerSec,
      serviceRatePerSec,
      servers,
      customers,
      seed,
      onProgress: (done, total) => {
        progress.update(done, total);
      },
    });
    progress.done();
    const wallSec = (performance.now() - startMs) / 1000;

    const rows = [
      ['mean wait (us)', result.meanWaitNs / 1e3, result.theory.meanWaitNs / 1e3],
      ['mean time in system (us)', result.meanSojournNs / 1e3, result.theory.meanSojournNs / 1e3],
      ['probability of waiting', result.waitProbability, result.theory.waitProbability],
      ['server utilization', result.utilization, result.theory.utilization],
    ] as const;
    if (json) {
      io.stdout.write(
        `${JSON.stringify(
          {
            model: 'M/M/c',
            servers,
            arrivalRatePerSec,
            serviceRatePerSec,
            customers,
            seed,
            eventsProcessed: result.eventsProcessed,
            simulatedNs: result.simulatedNs,
            simulated: {
              meanWaitNs: result.meanWaitNs,
              meanSojournNs: result.meanSojournNs,
              waitProbability: result.waitProbability,
              utilization: result.utilization,
            },
            theory: result.theory,
          },
          null,
          2,
        )}\n`,
      );
      return 0;
    }
    io.stdout.write(
      `M/M/${servers} queue: ${customers.toLocaleString('en-US')} customers, load ${utilization} per server, seed ${seed}\n\n`,
    );
    io.stdout.write(
      formatTable(
        ['figure', 'simulated', 'Erlang C', 'error'],
        rows.map(([name, simulated, exact]) => [
          name,
          simulated.toPrecision(5),
          exact.toPrecision(5),
          `${(((simulated - exact) / exact) * 100).toFixed(2)}%`,
        ]),
      ),
    );
    io.stdout.write(
      `\n${result.eventsProcessed.toLocaleString('en-US')} events, ${(result.simulatedNs / 1e9).toFixed(1)} s simulated, ` +
        `${(result.eventsProcessed / wallSec / 1e6).toFixed(1)} M events/s wall clock\n`,
    );
    return 0;
  },
};

/** Demo parameters as a config file may give them (the same names as the flags). */
const DemoConfig = z
  .object({
    servers: z.number().int().min(1).max(10_000).optional(),
    utilization: z.number().gt(0).max(0.99).optional(),
    customers: z.number().int().min(1000).max(1e9).optional(),
    seed: z.number().int().min(0).optional(),
  })
  .strict();

function configDefaults(path: string | boolean | undefined): Record<string, string> {
  if (typeof path !== 'string') return {};
  const config = loadConfigFile(path, DemoConfig);
  return Object.fromEntries(Object.entries(config).map(([key, value]) => [key, String(value)]));
}

function definedOnly(flags: Record<string, string | boolean | undefined>): Record<string, string | boolean> {
  return Object.fromEntries(
    Object.entries(flags).filter((entry): entry is [string, string | boolean] => entry[1] !== undefined),
  );
}
