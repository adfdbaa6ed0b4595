import { parentPort, workerData } from 'node:worker_threads';
import { evaluateInWorker, type WorkerData, type WorkerRequest } from './sweep-job.js';

/**
 * Worker-thread entry of `weft plan`: receives the sweep, the trace and the profiles once
 * (workerData), then evaluates one design point per request and posts its result back.
 */
const data = workerData as WorkerData;
parentPort!.on('message', (request: WorkerRequest) => {
  try {
    parentPort!.postMessage({ index: request.index, result: evaluateInWorker(data, request.index) });
  } catch (error) {
    parentPort!.postMessage({ index: request.index, error: error instanceof Error ? error.message : String(error) });
  }
});
