import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { launchWithExtension, type ExtensionBrowser } from './browser';

// Keyboard shortcuts are browser accelerators: synthetic key events from Playwright never reach
// them. A headed browser on a virtual X display, driven by xdotool, presses the real keys. There is
// no window manager on that display, so windows are focused directly (windowfocus), not activated.

export interface VirtualDisplay {
  display: string;
  /** Gives the (last) Chromium window the keyboard focus. */
  focusBrowser(): void;
  /**
   * Sends a real key chord (xdotool syntax, e.g. "alt+shift+u") to Chromium, focusing its window
   * first unless `focus: false` (when the caller focused it and times the key alone).
   */
  pressKeys(chord: string, options?: { focus?: boolean }): void;
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
  const virtual: VirtualDisplay = {
    display,
    focusBrowser() {
      const ids = execFileSync(
        'xdotool',
        ['search', '--sync', '--onlyvisible', '--class', 'chromium'],
        { env, encoding: 'utf8' },
      )
        .trim()
        .split('\n');
      execFileSync('xdotool', ['windowfocus', '--sync', ids.at(-1)!], { env });
    },
    pressKeys(chord, { focus = true } = {}) {
      if (focus) virtual.focusBrowser();
      execFileSync('xdotool', ['key', '--clearmodifiers', chord], { env });
    },
    stop() {
      server.kill();
    },
  };
  return virtual;
}

export interface HeadedExtensionBrowser extends ExtensionBrowser {
  display: VirtualDisplay;
}

/** The built extension in a headed Chromium on its own virtual display; close() stops both. */
export async function launchHeaded(): Promise<HeadedExtensionBrowser> {
  const display = await startVirtualDisplay();
  try {
    const launched = await launchWithExtension({
      headless: false,
      env: { DISPLAY: display.display },
    });
    return {
      ...launched,
      display,
      async close() {
        await launched.close();
        display.stop();
      },
    };
  } catch (error) {
    display.stop();
    throw error;
  }
}
