import type { Engine, RunOutcome } from './engine.js';

/**
 * Runs `engine` towards `limitNs` but fires at most `maxEvents` events: a caller that must stay
 * responsive (a dashboard redraw) advances a simulation in bounded slices. Returns 'stopped'
 * when the budget ran out first; the clock is then at the last event fired, so the next call
 * resumes exactly there. Slicing never changes the simulation: events fire in the same order
 * with the same clock whatever the budgets (the queue orders them; nothing is scheduled between
 * slices unless the caller does so).
 *
 * Uses the engine's progress hook (a check the event loop makes anyway, so a budget costs
 * nothing per event): the engine must not have a progress hook of its own, and has none after.
 */
export function runBounded(engine: Engine, limitNs: number, maxEvents: number): RunOutcome {
  if (!(maxEvents >= 1)) throw new RangeError(`runBounded: maxEvents must be >= 1, got ${String(maxEvents)}`);
  if (maxEvents === Infinity) return engine.runUntil(limitNs);
  let budgetSpent = false;
  engine.onProgress(
    () => {
      // Called after every `maxEvents` events, and once more when the run returns.
      if (!budgetSpent) {
        budgetSpent = true;
        engine.stop();
      }
    },
    { everyEvents: Math.floor(maxEvents) },
  );
  try {
    return engine.runUntil(limitNs);
  } finally {
    engine.onProgress(undefined);
  }
}
