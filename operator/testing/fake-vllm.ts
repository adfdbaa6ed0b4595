/**
 * A stand-in for a vLLM replica's `/metrics` (test only): an HTTP server on a loopback address
 * serving vLLM's metric names in the Prometheus text format, rendered by prom-client from
 * observations the test makes. Bucket bounds are vLLM's (v0.6 `vllm/engine/metrics.py`).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Gauge, Histogram, Registry } from 'prom-client';

export const VLLM_TTFT_BUCKETS = [0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0];
export const VLLM_TPOT_BUCKETS = [0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1.0, 2.5];

export class FakeVllm {
  readonly registry = new Registry();
  readonly #labels = { model_name: 'meta-llama/Meta-Llama-3-8B-Instruct' };
  readonly #ttft = new Histogram({ name: 'vllm:time_to_first_token_seconds', help: 'Histogram of time to first token in seconds.', labelNames: ['model_name'], buckets: VLLM_TTFT_BUCKETS, registers: [this.registry] });
  readonly #tpot = new Histogram({ name: 'vllm:time_per_output_token_seconds', help: 'Histogram of time per output token in seconds.', labelNames: ['model_name'], buckets: VLLM_TPOT_BUCKETS, registers: [this.registry] });
  readonly #waiting = new Gauge({ name: 'vllm:num_requests_waiting', help: 'Number of requests waiting to be processed.', labelNames: ['model_name'], registers: [this.registry] });
  readonly #running = new Gauge({ name: 'vllm:num_requests_running', help: 'Number of requests currently running on GPU.', labelNames: ['model_name'], registers: [this.registry] });
  #server: Server | undefined;
  /** Scrapes answered. */
  scrapes = 0;

  /** Records finished requests: each a TTFT and its inter-token gaps, in seconds. */
  observe(ttftSec: number, tpotSec: number, outputTokens = 2): void {
    this.#ttft.observe(this.#labels, ttftSec);
    for (let i = 1; i < outputTokens; i++) this.#tpot.observe(this.#labels, tpotSec);
  }

  setQueue(waiting: number, running: number): void {
    this.#waiting.set(this.#labels, waiting);
    this.#running.set(this.#labels, running);
  }

  /** Listens on `host:port` (port 0: any). Resolves to the port. */
  async listen(host: string, port: number): Promise<number> {
    // vLLM creates its labelled series at start-up: zero buckets before the first request.
    this.setQueue(0, 0);
    this.#ttft.zero(this.#labels);
    this.#tpot.zero(this.#labels);
    const server = createServer((req, res) => {
      if (req.url !== '/metrics') {
        res.writeHead(404).end();
        return;
      }
      this.scrapes++;
      void this.registry.metrics().then((text) => res.writeHead(200, { 'content-type': this.registry.contentType }).end(text));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, resolve);
    });
    this.#server = server;
    return (server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    const server = this.#server;
    if (server === undefined) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => { resolve(); }));
  }
}
