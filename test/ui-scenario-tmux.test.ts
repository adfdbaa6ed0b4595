import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `weft ui --scenario` in a real terminal: tmux runs the 8-to-1 incast example at packet level,
 * send-keys drives it and capture-pane reads the screen (as test/ui-tmux.test.ts does for
 * --demo). Uses the built CLI and a private tmux socket.
 */
const root = join(import.meta.dirname, '..');
const bin = process.env.WEFT_TEST_BIN ?? join(root, 'dist', 'cli', 'main.js');
const socket = `weft-scenario-test-${process.pid}`;
const session = 'weft-ui-scenario';

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
}

async function waitFor(predicate: (text: string) => boolean, what: string, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < deadline) {
    text = tmux('capture-pane', '-p', '-t', session);
    if (predicate(text)) return text;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}; screen was:\n${text}`);
}

function sessionAlive(): boolean {
  return spawnSync('tmux', ['-L', socket, 'has-session', '-t', session]).status === 0;
}

afterAll(() => {
  spawnSync('tmux', ['-L', socket, 'kill-server']);
});

describe('weft ui --scenario in a real terminal (tmux)', () => {
  it('shows the incast live, switches to :fabric, pauses, and quits on q', async () => {
    // A build without --scenario (older than this test) is rebuilt.
    if (!existsSync(join(root, 'dist', 'cli', 'ui', 'sources', 'scenario-file.js')) && process.env.WEFT_TEST_BIN === undefined) {
      execFileSync('npm', ['run', 'build', '--silent'], { cwd: root });
    }
    const scenario = join(root, 'fabric-sim', 'examples', 'incast.yaml');
    // Ink draws only a final frame when it believes it runs in CI, so the terminal is told it is not.
    const command = `env CI=false CONTINUOUS_INTEGRATION=false ${process.execPath} ${bin} ui --scenario ${scenario} --speed 0.00001 --fps 10`;
    tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '40', command);
    // PFC pauses, and the receiver's link (the incast's bottleneck) loaded to at least half.
    const first = await waitFor((t) => /\d+ PFC ·/.test(t) && !t.includes(' 0 PFC ·') && /switch0->srv8\/nic0 █+░* +([5-9]\d|100)%/.test(t), 'PFC pauses and a loaded bottleneck');
    expect(first).toMatch(/weft t=[\d.]+µs speed 10µs\/s · incast-8to1/);
    expect(first).toContain('t0 incast 8->1');

    tmux('send-keys', '-t', session, ':fabric', 'Enter');
    const fabric = await waitFor((t) => t.includes('most congested'), 'the :fabric view');
    expect(fabric).toMatch(/host-leaf\s+18\s/);

    tmux('send-keys', '-t', session, 'Space');
    await waitFor((t) => t.includes('[paused]'), 'the paused header');

    tmux('send-keys', '-t', session, 'q');
    const deadline = Date.now() + 10_000;
    while (sessionAlive() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sessionAlive()).toBe(false);
  });
});
