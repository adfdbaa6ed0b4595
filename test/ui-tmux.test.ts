import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `weft ui --demo` in a real terminal: tmux runs it, send-keys drives it, capture-pane reads
 * the screen. Uses the built CLI (`npm ci` builds it through `prepare`) and a private tmux
 * socket so no other tmux session is touched.
 */
const root = join(import.meta.dirname, '..');
const bin = join(root, 'dist', 'cli', 'main.js');
const socket = `weft-test-${process.pid}`;
const session = 'weft-ui';

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
}

function screen(): string {
  return tmux('capture-pane', '-p', '-t', session);
}

async function waitFor(predicate: (text: string) => boolean, what: string, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < deadline) {
    text = screen();
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

describe('weft ui in a real terminal (tmux)', () => {
  it('shows the dashboard, switches views with :nodes, pauses, and quits on q', async () => {
    if (!existsSync(bin)) execFileSync('npm', ['run', 'build', '--silent'], { cwd: root });
    // Ink draws only a final frame when it believes it runs in CI (CI=true is set there), so the
    // terminal under test is told it is not.
    const command = `env CI=false CONTINUOUS_INTEGRATION=false ${process.execPath} ${bin} ui --demo --speed 50 --fps 10`;
    tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '40', command);
    const first = await waitFor((t) => t.includes('placement') && t.includes('GPUs'), 'the first placements');
    expect(first).toMatch(/weft t=\S+ speed 50x/);
    expect(first).toContain('openb-node-');

    tmux('send-keys', '-t', session, ':nodes', 'Enter');
    const nodes = await waitFor((t) => t.includes('nodes(76)'), 'the :nodes view');
    expect(nodes).toMatch(/NODE\S*\s+GPU\s+LOCATION\s+USED/);

    tmux('send-keys', '-t', session, 'Space');
    await waitFor((t) => t.includes('[paused]'), 'the paused header');

    tmux('send-keys', '-t', session, 'q');
    const deadline = Date.now() + 10_000;
    while (sessionAlive() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sessionAlive()).toBe(false);
  });
});
