import { HOLD_TARGETS, holdDelays } from './engine-holds.js';

/**
 * `node engine-hold-child.js <target> <pending> <holds>`: one hold-model run of the engine
 * benchmark in a process of its own, so no other implementation's arrays, garbage or JIT state
 * share its heap and caches. Warms up with max(1e6, 2 x pending) holds (the JIT settles and the
 * pending set mixes: every initial event has fired at least once on average), then times
 * `holds` holds and prints `{"holds", "cpuS", "wallS"}`; CPU time (user + system) is what
 * another process on a shared machine cannot inflate, wall time is what an idle one would show.
 */
const [name, pendingText, holdsText] = process.argv.slice(2);
const target = HOLD_TARGETS.find((t) => t.name === name);
const pending = Number(pendingText);
const holds = Number(holdsText);
if (target === undefined || !Number.isInteger(pending) || pending < 1 || !Number.isInteger(holds) || holds < 1) {
  process.stderr.write(`usage: engine-hold-child.js <${HOLD_TARGETS.map((t) => t.name).join('|')}> <pending events> <holds>; got ${JSON.stringify(process.argv.slice(2))}\n`);
  process.exitCode = 2;
} else {
  const run = target.prepare(pending, holdDelays(pending));
  run(Math.max(1_000_000, 2 * pending));
  const cpu = process.cpuUsage();
  const wall = performance.now();
  run(holds);
  const wallS = (performance.now() - wall) / 1000;
  const used = process.cpuUsage(cpu);
  process.stdout.write(`${JSON.stringify({ holds, cpuS: (used.user + used.system) / 1e6, wallS })}\n`);
}
