#!/usr/bin/env node
// Checks what a command needs before it starts, and stops within a second with one sentence that
// says what is missing and the command that fixes it — instead of "tsx: not found" or a stack trace
// minutes into a test run. Plain Node with no dependencies: it must work before `npm ci`.
//
//   node scripts/preflight.mjs deps chromium display firefox
//
// Each word names one need; the order is the order of the checks. Exits 1 at the first unmet one.
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

const executable = (path) => {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
};
const onPath = (name) =>
  (process.env.PATH ?? '').split(delimiter).some((dir) => dir && executable(join(dir, name)));

/** A program given by an environment variable, or its Debian default. */
function program(variable, fallback, install) {
  const set = process.env[variable];
  if (set) {
    return executable(set)
      ? null
      : `${variable} is set to ${set}, but no executable file is there: point ${variable} at the program, or unset it to use ${fallback}.`;
  }
  return executable(fallback)
    ? null
    : `${fallback} was not found: install it with \`${install}\` (as root), or set ${variable} to where it is.`;
}

const checks = {
  deps() {
    if (!existsSync(join(ROOT, 'node_modules'))) {
      return 'Dependencies are not installed (no node_modules): run `npm ci` first.';
    }
    // The tools every command starts with; one missing means an interrupted or partial install.
    const tools = ['tsx', 'vite', 'vitest', 'playwright', 'tsc', 'eslint'];
    const absent = tools.filter((tool) => !existsSync(join(ROOT, 'node_modules/.bin', tool)));
    return absent.length
      ? `Dependencies are installed only in part (no ${absent.join(', ')} in node_modules/.bin): run \`npm ci\`.`
      : null;
  },
  chromium() {
    return program('CHROMIUM_PATH', '/usr/bin/chromium', 'apt-get install chromium');
  },
  // The keyboard-shortcut and permission-prompt tests press real keys in a headed browser.
  display() {
    const missing = ['Xvfb', 'xdotool'].filter((name) => !onPath(name));
    return missing.length
      ? `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing (the keyboard-shortcut tests press real keys on a virtual display): install with \`apt-get install xvfb xdotool\` (as root).`
      : null;
  },
  firefox() {
    return (
      program('FIREFOX_PATH', '/usr/bin/firefox-esr', 'apt-get install firefox-esr') ??
      (onPath('openssl')
        ? null
        : 'openssl is missing (the Firefox check makes a throwaway certificate with it): install with `apt-get install openssl` (as root).')
    );
  },
};

const wanted = process.argv.slice(2);
for (const need of wanted) {
  const check = checks[need];
  if (!check) {
    console.error(`preflight: unknown check "${need}" (known: ${Object.keys(checks).join(', ')}).`);
    process.exit(2);
  }
  const problem = check();
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
