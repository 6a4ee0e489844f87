import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELPDESK_MATCHES } from '../../scripts/manifest';
import { DEMO_API_KEY } from '../fake-upscope';
import { DIST, FIREFOX_DIST, distManifest } from './dist';

const API_ORIGIN_PATTERN = 'https://api.upscope.io/*';

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(js|html|json|css)$/.test(f))
    .map((f) => join(dir, f));
}

const jsFiles = (dir: string) => allFiles(dir).filter((f) => f.endsWith('.js'));

describe('built Chrome manifest (dist/manifest.json)', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- manifest JSON is probed field by field
  const manifest = distManifest() as Record<string, any>;

  it('asks only for the permissions the README justifies', () => {
    expect(manifest.permissions).toEqual([
      'storage',
      'alarms',
      'scripting',
      'contextMenus',
      'sidePanel',
      'notifications',
    ]);
    expect(manifest.host_permissions).toEqual([API_ORIGIN_PATTERN]);
    // Custom helpdesk domains and on-premise API endpoints are asked for one origin at a time.
    expect(manifest.optional_host_permissions).toEqual([
      'https://*/*',
      'http://localhost/*',
      'http://127.0.0.1/*',
    ]);
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
  });

  it("injects the content script on the helpdesk table's hosts, nowhere else", () => {
    expect(manifest.content_scripts).toHaveLength(1);
    expect(manifest.content_scripts[0].matches).toEqual(HELPDESK_MATCHES);
  });

  it('injects content scripts only into helpdesk hosts, never everywhere', () => {
    for (const script of manifest.content_scripts) {
      expect(script.all_frames).toBe(false);
      for (const pattern of script.matches as string[]) {
        expect(pattern).toMatch(/^https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\/.*$/);
        expect(pattern).not.toMatch(/^https:\/\/\*\/|^\*:/);
      }
    }
  });

  it('exposes nothing to web pages or other extensions', () => {
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
    expect(manifest.externally_connectable).toEqual({ ids: [], matches: [] });
  });

  it('keeps a strict CSP for extension pages: nothing but its own files, images over https', () => {
    const csp: string = manifest.content_security_policy.extension_pages;
    const directives = new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((words) => words[0])
        .map(([name, ...sources]) => [name!, sources] as const),
    );
    // Anything not named below (fonts, frames, media, styles) comes from the extension alone.
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    // Screenshots in a visitor's history come from the API's image hosts: https only.
    expect(directives.get('img-src')).toEqual(["'self'", 'https:']);
    // The worker is an extension page too: it reaches the configured API endpoint (https, or a
    // server on this machine) and nothing over plain http elsewhere.
    expect(directives.get('connect-src')).toEqual([
      "'self'",
      'https:',
      'http://localhost:*',
      'http://127.0.0.1:*',
    ]);
    expect(csp).not.toMatch(/unsafe-|\sdata:|\s\*(\s|;|$)/);
  });

  it('declares the worker, popup, options page and both commands', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.background.type).toBe('module');
    expect(existsSync(join(DIST, manifest.background.service_worker))).toBe(true);
    expect(existsSync(join(DIST, manifest.action.default_popup))).toBe(true);
    expect(manifest.options_ui).toEqual({ page: 'src/options/index.html', open_in_tab: true });
    expect(manifest.commands['start-cobrowse'].suggested_key.default).toBe('Alt+Shift+U');
    expect(manifest.commands).toHaveProperty('_execute_action');
    // The side panel is the popup's components on a page of its own.
    expect(existsSync(join(DIST, manifest.side_panel.default_path))).toBe(true);
    expect(Number(manifest.minimum_chrome_version)).toBeGreaterThanOrEqual(127);
  });

  it('ships every icon and locale string the manifest names', () => {
    for (const icon of Object.values(manifest.icons) as string[]) {
      expect(existsSync(join(DIST, icon))).toBe(true);
    }
    const messages = JSON.parse(readFileSync(join(DIST, '_locales/en/messages.json'), 'utf8'));
    const names = JSON.stringify(manifest).match(/__MSG_(\w+)__/g) ?? [];
    for (const name of names) expect(messages).toHaveProperty(name.slice(6, -2));
  });

  it('ships the policy schema Chrome validates an organisation’s settings against', () => {
    const schemaPath = join(DIST, manifest.storage.managed_schema);
    expect(existsSync(schemaPath)).toBe(true);
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties)).toContain('ApiKey');
  });

  it('contains no dynamic or remote code', () => {
    for (const file of jsFiles(DIST)) {
      const code = readFileSync(file, 'utf8');
      expect(code, file).not.toMatch(/\beval\s*\(/);
      expect(code, file).not.toMatch(/\bnew\s+Function\s*\(/);
      // zod's feature probe, Function(``), is the only call allowed: it compiles nothing, throws
      // under the CSP, and is switched off (src/shared/zod-config.ts). Any other is code from text.
      expect(code.replaceAll(/\bFunction\(\s*(``|""|'')\s*\)/g, ''), file).not.toMatch(
        /\bFunction\s*\(/,
      );
      expect(code, file).not.toMatch(/\bset(Timeout|Interval)\s*\(\s*["'`]/);
      expect(code, file).not.toMatch(/import\s*\(\s*["'`]https?:/);
      expect(code, file).not.toMatch(/importScripts\s*\(\s*["'`]https?:/);
      expect(code, file).not.toMatch(/<script[^>]+src=["']https?:/);
    }
  });
});

describe('built files hold no key or test data', () => {
  it('has no API key, demo key or fake-server data in any file', () => {
    for (const file of allFiles(DIST)) {
      const text = readFileSync(file, 'utf8');
      // The demo key and the fake server's seeded customers exist only in test/ and scripts/.
      expect(text, file).not.toContain(DEMO_API_KEY);
      expect(text, file).not.toMatch(/jane\.doe@example\.com|FakeUpscope|fake-upscope/);
      // A header set to a literal would be a key built in; the worker only ever sets a variable.
      expect(text, file).not.toMatch(/["'`]X-Api-Key["'`]\s*[:,]\s*["'`][^"'`]+["'`]/i);
    }
  });
});

describe('built Firefox manifest (dist-firefox/manifest.json)', () => {
  const path = join(FIREFOX_DIST, 'manifest.json');

  it('runs the background as scripts and names its gecko id', () => {
    if (!existsSync(path))
      throw new Error(`${path} is missing: run "npm run build:firefox" first.`);
    const manifest = JSON.parse(readFileSync(path, 'utf8'));
    expect(manifest.background.scripts).toHaveLength(1);
    expect(manifest.background.service_worker).toBeUndefined();
    expect(manifest.browser_specific_settings.gecko.id).toMatch(/@/);
    // Firefox ESR 140, what companies deploy, must be able to install it (Android states its own).
    expect(manifest.browser_specific_settings.gecko.strict_min_version).toBe('140.0');
    expect(manifest.browser_specific_settings.gecko_android.strict_min_version).toBe('142.0');
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
    expect(manifest.minimum_chrome_version).toBeUndefined();
    // Firefox reads policies.json as given, without a schema; the key only draws a warning there.
    expect(manifest.storage).toBeUndefined();
    expect(manifest.content_scripts[0].matches).toEqual(HELPDESK_MATCHES);
  });

  it("shows the side panel as a sidebar, without Chrome's side_panel key or permission", () => {
    const manifest = JSON.parse(readFileSync(path, 'utf8'));
    expect(manifest.side_panel).toBeUndefined();
    expect(manifest.permissions).toEqual([
      'storage',
      'alarms',
      'scripting',
      'contextMenus',
      'notifications',
    ]);
    expect(manifest.sidebar_action.default_panel).toBe('src/sidepanel/index.html');
    expect(manifest.sidebar_action.open_at_install).toBe(false);
    const page = readFileSync(join(FIREFOX_DIST, manifest.sidebar_action.default_panel), 'utf8');
    const script = /<script[^>]+src="\/([^"]+)"/.exec(page)?.[1];
    expect(script && existsSync(join(FIREFOX_DIST, script))).toBe(true);
  });
});
