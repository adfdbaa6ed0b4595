import { Engine } from '../engine/engine.js';

/**
 * An M/M/c queue (Poisson arrivals, exponential service, c servers, FIFO) simulated on the
 * engine, with its Erlang-C closed form beside it: the engine showcase of `weft demo`, and a
 * check of the engine and the random streams against theory.
 */
export interface MmcOptions {
  arrivalRatePerSec: number;
  serviceRatePerSec: number;
  servers: number;
  /** Customers to simulate after warm-up. */
  customers: number;
  /** Customers discarded at the start so the queue reaches steady state (default 10% of customers). */
  warmupCustomers?: number;
  seed: number | string;
  onProgress?: (doneCustomers: number, totalCustomers: number) => void;
}

export interface MmcResult {
  /** Mean time in queue before service, simulated. */
  meanWaitNs: number;
  /** Mean time in the system (wait + service), simulated. */
  meanSojournNs: number;
  /** Fraction of server time busy, simulated. */
  utilization: number;
  /** Fraction of customers that had to wait, simulated. */
  waitProbability: number;
  eventsProcessed: number;
  simulatedNs: number;
  theory: MmcTheory;
}

export interface MmcTheory {
  meanWaitNs: number;
  meanSojournNs: number;
  utilization: number;
  waitProbability: number;
}

const NS_PER_SEC = 1e9;

/** Erlang-C steady-state figures for M/M/c. Requires utilization < 1. */
export function mmcTheory(arrivalRatePerSec: number, serviceRatePerSec: number, servers: number): MmcTheory {
  const offered = arrivalRatePerSec / serviceRatePerSec;
  const utilization = offered / servers;
  if (!(utilization < 1)) throw new RangeError(`M/M/c is unstable: utilization ${utilization} must be < 1`);
  // Erlang B by the stable recurrence, then Erlang C from it.
  let erlangB = 1;
  for (let k = 1; k <= servers; k++) erlangB = (offered * erlangB) / (k + offered * erlangB);
  const waitProbability = erlangB / (1 - utilization * (1 - erlangB));
  const meanWaitSec = waitProbability / (servers * serviceRatePerSec - arrivalRatePerSec);
  return {
    meanWaitNs: meanWaitSec * NS_PER_SEC,
    meanSojournNs: (meanWaitSec + 1 / serviceRatePerSec) * NS_PER_SEC,
    utilization,
    waitProbability,
  };
}

export function simulateMmc(options: MmcOptions): MmcResult {
  const { arrivalRatePerSec, serviceRatePerSec, servers, customers } = options;
  const warmup = options.warmupCustomers ?? Math.floor(customers / 10);
  const theory = mmcTheory(arrivalRatePerSec, serviceRatePerSec, servers);
  const total = customers + warmup;
  const meanInterarrivalNs = NS_PER_SEC / arrivalRatePerSec;
  const meanServiceNs = NS_PER_SEC / serviceRatePerSec;

  const engine = new Engine({ seed: options.seed });
  const arrivalStream = engine.random('mmc/arrivals');
  const serviceStream = engine.random('mmc/service');

  // FIFO of waiting customers' arrival times, as a growable ring buffer.
  let waiting = new Float64Array(1024);
  let head = 0;
  let count = 0;
  let busy = 0;
  let arrived = 0;
  let measuredStarted = 0;
  let waitSumNs = 0;
  let waitedCount = 0;
  let sojournSumNs = 0;
  let departedMeasured = 0;
  let busyAreaNs = 0;
  let lastChangeNs = 0;
  let measureStartNs = 0;
  const progressEvery = Math.max(1, Math.floor(total / 20));

  const accumulateBusy = (): void => {
    if (arrived > warmup) busyAreaNs += busy * (engine.nowNs - lastChangeNs);
    lastChangeNs = engine.nowNs;
  };

  // arg of a departure: the arrival time of the customer it serves, or -1 during warm-up.
  const departure = engine.register('mmc/departure', (arrivalNs) => {
    accumulateBusy();
    if (arrivalNs >= 0) {
      sojournSumNs += engine.nowNs - arrivalNs;
      departedMeasured++;
    }
    if (count > 0) {
      const nextArrivalNs = waiting[head]!;
      head = (head + 1) % waiting.length;
      count--;
      startService(nextArrivalNs);
    } else {
      busy--;
    }
  });

  const startService = (arrivalNs: number): void => {
    const measured = arrivalNs >= measureStartNs && arrived > warmup && arrivalNs >= 0;
    if (measured) {
      const waitNs = engine.nowNs - arrivalNs;
      waitSumNs += waitNs;
      if (waitNs > 0) waitedCount++;
      measuredStarted++;
    }
    engine.schedule(serviceStream.exponential(meanServiceNs), departure, measured ? arrivalNs : -1);
  };

  const arrival = engine.register('mmc/arrival', () => {
    accumulateBusy();
    arrived++;
    if (arrived === warmup + 1) measureStartNs = engine.nowNs;
    if (busy < servers) {
      busy++;
      startService(engine.nowNs);
    } else {
      if (count === waiting.length) {
        const grown = new Float64Array(waiting.length * 2);
        for (let i = 0; i < count; i++) grown[i] = waiting[(head + i) % waiting.length]!;
        waiting = grown;
        head = 0;
      }
      waiting[(head + count) % waiting.length] = engine.nowNs;
      count++;
    }
    if (arrived < total) engine.schedule(arrivalStream.exponential(meanInterarrivalNs), arrival);
    if (options.onProgress !== undefined && arrived % progressEvery === 0) options.onProgress(arrived, total);
  });

  engine.schedule(arrivalStream.exponential(meanInterarrivalNs), arrival);
  engine.runUntilIdle();
  accumulateBusy();
  const measuredSpanNs = engine.nowNs - measureStartNs;
  return {
    meanWaitNs: waitSumNs / measuredStarted,
    meanSojournNs: sojournSumNs / departedMeasured,
    utilization: busyAreaNs / (servers * measuredSpanNs),
    waitProbability: waitedCount / measuredStarted,
    eventsProcessed: engine.eventsProcessed,
    simulatedNs: engine.nowNs,
    theory,
  };
}
