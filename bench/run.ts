import { cpus } from 'node:os';
import type { Suite, SuiteReport } from './figures.js';
import { deployPlanSuite } from './suites/deploy-plan.js';
import { engineSuite } from './suites/engine.js';
import { fabricLargeSuite, fabricSuite } from './suites/fabric.js';
import { operatorSuite } from './suites/operator.js';
import { replaySuite } from './suites/replay.js';
import { replayInferenceSuite } from './suites/replay-inference.js';
import { schedulerSuite } from './suites/scheduler.js';
import { servingSuite } from './suites/serving.js';

/**
 * `npm run bench -- [suite...] [--json]`: runs the named suites (all by default). Progress and
 * tables go to stderr; with `--json`, stdout gets one JSON document with every figure as
 * {name, value, unit} and the ratios measured in the same run.
 */
const suites: readonly Suite[] = [engineSuite, schedulerSuite, servingSuite, deployPlanSuite, fabricSuite, fabricLargeSuite, replaySuite, replayInferenceSuite, operatorSuite];

async function main(argv: readonly string[]): Promise<number> {
  const json = argv.includes('--json');
  const names = argv.filter((a) => !a.startsWith('--'));
  const unknown = names.filter((n) => !suites.some((s) => s.name === n));
  if (unknown.length > 0) {
    process.stderr.write(`error: unknown benchmark suite: got "${unknown.join('", "')}" (expected one of: ${suites.map((s) => s.name).join(', ')})\n`);
    return 2;
  }
  const selected = names.length === 0 ? suites : suites.filter((s) => names.includes(s.name));
  const environment = { node: process.version, platform: `${process.platform}-${process.arch}`, cpus: `${cpus().length} x ${cpus()[0]?.model ?? 'unknown'}` };
  const reports: SuiteReport[] = [];
  for (const suite of selected) {
    process.stderr.write(`suite ${suite.name}: ${suite.description}\n`);
    const report = await suite.run((line) => process.stderr.write(`${line}\n`));
    reports.push({ ...report, environment });
    if (!json) {
      process.stdout.write(`\n${suite.name} ratios (same run):\n`);
      for (const r of report.ratios) process.stdout.write(`  ${r.name.padEnd(58)} ${r.value.toFixed(2)}${r.unit}\n`);
      for (const q of report.quoted) process.stdout.write(`  quoted: ${q.name} = ${q.value.toExponential(2)} ${q.unit} (${q.source})\n`);
    }
  }
  if (json) process.stdout.write(`${JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)}\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
