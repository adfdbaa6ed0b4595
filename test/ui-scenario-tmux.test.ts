import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TmuxSession } from './tmux-session.js';

/**
 * `weft ui --scenario` in a real terminal: tmux runs the 8-to-1 incast example at packet level,
 * send-keys drives it and capture-pane reads the screen (as test/ui-tmux.test.ts does for
 * --demo). Uses the built CLI and a private tmux socket.
 */
const root = join(import.meta.dirname, '..');
const bin = process.env.WEFT_TEST_BIN ?? join(root, 'dist', 'cli', 'main.js');
const socket = `weft-scenario-test-${process.pid}`;
const session = 'weft-ui-scenario';

const t = new TmuxSession(socket, session);

afterAll(() => {
  t.kill();
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
    t.tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '40', command);
    // PFC pauses, and the receiver's link (the incast's bottleneck) loaded to at least half.
    const first = await t.waitFor((s) => /\d+ PFC ·/.test(s) && !s.includes(' 0 PFC ·') && /switch0->srv8\/nic0 █+░* +([5-9]\d|100)%/.test(s), 'PFC pauses and a loaded bottleneck', 30_000);
    expect(first).toMatch(/weft t=[\d.]+µs speed 10µs\/s · incast-8to1/);
    expect(first).toContain('t0 incast 8->1');

    t.tmux('send-keys', '-t', session, ':fabric', 'Enter');
    const fabric = await t.waitFor((s) => s.includes('most congested'), 'the :fabric view', 30_000);
    expect(fabric).toMatch(/host-leaf\s+18\s/);

    t.tmux('send-keys', '-t', session, 'Space');
    await t.waitFor((s) => s.includes('[paused]'), 'the paused header', 30_000);

    t.tmux('send-keys', '-t', session, 'q');
    const deadline = Date.now() + 10_000;
    while (t.alive() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(t.alive()).toBe(false);
  });
});
