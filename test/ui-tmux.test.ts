import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TmuxSession } from './tmux-session.js';

/**
 * `weft ui --demo` in a real terminal: tmux runs it, send-keys drives it, capture-pane reads
 * the screen. Uses the built CLI (`npm ci` builds it through `prepare`) and a private tmux
 * socket so no other tmux session is touched.
 */
const root = join(import.meta.dirname, '..');
const bin = join(root, 'dist', 'cli', 'main.js');
const socket = `weft-test-${process.pid}`;
const session = 'weft-ui';

const t = new TmuxSession(socket, session);

afterAll(() => {
  t.kill();
});

describe('weft ui in a real terminal (tmux)', () => {
  it('shows the dashboard, switches views with :nodes, pauses, and quits on q', async () => {
    if (!existsSync(bin)) execFileSync('npm', ['run', 'build', '--silent'], { cwd: root });
    // Ink draws only a final frame when it believes it runs in CI (CI=true is set there), so the
    // terminal under test is told it is not.
    const command = `env CI=false CONTINUOUS_INTEGRATION=false ${process.execPath} ${bin} ui --demo --speed 50 --fps 10`;
    t.tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '40', command);
    const first = await t.waitFor((s) => s.includes('placement') && s.includes('GPUs'), 'the first placements');
    expect(first).toMatch(/weft t=\S+ speed 50x/);
    expect(first).toContain('openb-node-');

    t.tmux('send-keys', '-t', session, ':nodes', 'Enter');
    const nodes = await t.waitFor((s) => s.includes('nodes(76)'), 'the :nodes view');
    expect(nodes).toMatch(/NODE\S*\s+GPU\s+LOCATION\s+USED/);

    t.tmux('send-keys', '-t', session, 'Space');
    await t.waitFor((s) => s.includes('[paused]'), 'the paused header');

    t.tmux('send-keys', '-t', session, 'q');
    const deadline = Date.now() + 10_000;
    while (t.alive() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(t.alive()).toBe(false);
  });
});
