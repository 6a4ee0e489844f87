import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

// Keyboard shortcuts are browser accelerators: synthetic key events from Playwright never reach
// them. A headed browser on a virtual X display, driven by xdotool, presses the real keys. There is
// no window manager on that display, so windows are focused directly (windowfocus), not activated.

export interface VirtualDisplay {
  display: string;
  /** Sends a real key chord (xdotool syntax, e.g. "alt+shift+u") to the focused Chromium window. */
  pressKeys(chord: string): void;
  stop(): void;
}

export function hasVirtualDisplay(): boolean {
  return existsSync('/usr/bin/Xvfb') && existsSync('/usr/bin/xdotool');
}

export async function startVirtualDisplay(): Promise<VirtualDisplay> {
  const number = 90 + Math.floor(Math.random() * 400);
  const display = `:${number}`;
  const server: ChildProcess = spawn(
    'Xvfb',
    [display, '-screen', '0', '1280x800x24', '-nolisten', 'tcp'],
    {
      stdio: 'ignore',
    },
  );
  const deadline = Date.now() + 5_000;
  while (!existsSync(`/tmp/.X11-unix/X${number}`)) {
    if (Date.now() > deadline) {
      server.kill();
      throw new Error(`Xvfb did not start on ${display}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const env = { ...process.env, DISPLAY: display };
  return {
    display,
    pressKeys(chord) {
      const ids = execFileSync(
        'xdotool',
        ['search', '--sync', '--onlyvisible', '--class', 'chromium'],
        {
          env,
          encoding: 'utf8',
        },
      )
        .trim()
        .split('\n');
      const window = ids.at(-1)!;
      execFileSync('xdotool', ['windowfocus', '--sync', window], { env });
      execFileSync('xdotool', ['key', '--clearmodifiers', chord], { env });
    },
    stop() {
      server.kill();
    },
  };
}
