import { execFileSync, spawnSync } from 'node:child_process';

/**
 * One tmux session on a private socket (so no other tmux server is touched), for tests that
 * drive a command in a real terminal: `send-keys` in, `capture-pane` out.
 *
 * @example
 * const t = new TmuxSession(`weft-test-${process.pid}`, 'weft-ui');
 * t.tmux('new-session', '-d', '-s', t.session, '-x', '100', '-y', '30', 'node dist/cli/main.js ui --demo');
 * await t.waitFor((s) => s.includes('GPUs'), 'the header');
 * t.kill();
 */
export class TmuxSession {
  constructor(
    readonly socket: string,
    readonly session: string,
  ) {}

  /** Runs a tmux command on this socket and returns its output. */
  tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }

  /** The visible screen of the session. */
  screen(): string {
    return this.tmux('capture-pane', '-p', '-t', this.session);
  }

  /** Polls the screen every 200 ms until `predicate` holds; the timeout error shows the last screen. */
  async waitFor(predicate: (text: string) => boolean, what: string, timeoutMs = 20_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let text = '';
    while (Date.now() < deadline) {
      text = this.screen();
      if (predicate(text)) return text;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`timed out waiting for ${what}; screen was:\n${text}`);
  }

  /** Whether the session (the command in it) is still running. */
  alive(): boolean {
    return spawnSync('tmux', ['-L', this.socket, 'has-session', '-t', this.session]).status === 0;
  }

  /** Stops the private tmux server and everything in it. */
  kill(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server']);
  }
}
