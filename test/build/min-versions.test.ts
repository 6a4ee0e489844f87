import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import sourceManifest from '../../manifest.json' with { type: 'json' };
import { FIREFOX_ANDROID_MIN_VERSION, FIREFOX_MIN_VERSION } from '../../scripts/firefox-manifest';
import { DIST, FIREFOX_DIST } from './dist';

// The stated minimum versions are derived, not guessed: each must be the newest "version added"
// (MDN browser-compat-data) among the extension APIs src/ calls and the manifest keys it ships.
// Chrome 127: action.openPopup outside policy-installed extensions (the shortcut's fallback).
// Firefox 140.0 (desktop, gecko.strict_min_version) and 142.0 (Android,
// gecko_android.strict_min_version): browser_specific_settings.gecko.data_collection_permissions,
// required by addons.mozilla.org, is read from Firefox 140 on desktop and 142 on Android. Each
// platform states its own minimum, so Firefox ESR 140 can install the add-on. Everything else the
// code calls is older (storage.session 115,
// optional_host_permissions 128; action.openPopup needs a user gesture before Firefox 149, and the
// code falls back to a toolbar message when it is refused).

type Browser = 'chrome' | 'firefox' | 'firefox_android';
interface Compat {
  __compat?: { support: Record<string, unknown> };
  [key: string]: unknown;
}

/** APIs the code feature-detects and does without where a browser lacks them. */
const OPTIONAL: Record<Browser, string[]> = {
  // The side panel is Chrome's sidePanel and Firefox's sidebarAction (src/popup/side-panel.ts).
  chrome: ['sidebarAction.open'],
  // The key is kept in the extension origin's IndexedDB instead (src/background/key-store.ts).
  // gecko_android is Firefox for Android's own key; desktop Firefox ignores it.
  // Firefox has no notification buttons: its notice opens the ticket on a click instead
  // (src/background/back-notice.ts).
  firefox: [
    'storage.StorageArea.setAccessLevel',
    'browser_specific_settings.gecko_android',
    'sidePanel',
    'notifications.onButtonClicked',
  ],
  // Firefox for Android has no context menus; "Find in Upscope" is left out there.
  firefox_android: ['storage.StorageArea.setAccessLevel', 'sidePanel', 'contextMenus'],
};
/** Called through a cast, so the scan below does not see them. */
const EXTRA_APIS = ['storage.StorageArea.setAccessLevel', 'sidebarAction.open'];
const STORAGE_AREAS = new Set(['local', 'session', 'sync', 'managed']);

// Read as plain JSON: through vite's transform the 20 MB file would take seconds to import.
const bcd = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve('@mdn/browser-compat-data'), 'utf8'),
);
const api = bcd.webextensions.api as unknown as Record<string, Compat>;
const manifestKeys = bcd.webextensions.manifest as unknown as Record<string, Compat>;

/** The version a feature shipped in, unflagged; Infinity when never. */
function versionAdded(node: Compat | undefined, browser: Browser): number {
  const support = node?.__compat?.support[browser];
  const entries = (Array.isArray(support) ? support : [support]) as {
    version_added?: string | boolean;
    version_removed?: string;
    flags?: unknown;
  }[];
  const current = entries.find((e) => e && !e.flags && !e.version_removed);
  const added = current?.version_added;
  if (added === true) return 0;
  if (typeof added !== 'string') return Infinity;
  return parseFloat(added.replace('≤', ''));
}

/** BCD nodes for one `browser.ns.member.sub` use, most specific first. */
function apiNodes(path: string): { name: string; node: Compat }[] {
  const [ns, member, sub] = path.split('.') as [string, string?, string?];
  const nsNode = api[ns];
  const out: { name: string; node: Compat }[] = [];
  const add = (name: string, node: unknown) => {
    if (node && typeof node === 'object' && '__compat' in node)
      out.push({ name, node: node as Compat });
  };
  if (!nsNode) return out;
  const memberNode = member ? (nsNode[member] as Compat | undefined) : undefined;
  if (ns === 'storage' && member && STORAGE_AREAS.has(member)) {
    add(`storage.${member}`, memberNode);
    if (sub) add(`storage.StorageArea.${sub}`, (nsNode.StorageArea as Compat)?.[sub]);
    return out;
  }
  if (sub) add(`${ns}.${member}.${sub}`, memberNode?.[sub]);
  add(member ? `${ns}.${member}` : ns, memberNode ?? nsNode);
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => join(dir, f));
}

/** Every extension API the source calls, as BCD names. */
function usedApis(): string[] {
  const names = new Set(EXTRA_APIS);
  const use = /\b(?:browser|chrome)\.([a-z]\w*)(?:\.([a-zA-Z]\w*))?(?:\.([a-zA-Z]\w*))?/g;
  for (const file of sourceFiles(resolve(import.meta.dirname, '../../src'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(use)) {
      const path = [m[1], m[2], m[3]].filter(Boolean).join('.');
      for (const { name } of apiNodes(path).slice(0, 1)) names.add(name);
    }
    // Storage areas reached through the typed storage helpers: storageItem('session', …).
    for (const m of readFileSync(file, 'utf8').matchAll(/storage(?:Item|Family)\(\s*'(\w+)'/g)) {
      names.add(`storage.${m[1]}`);
    }
  }
  return [...names].sort();
}

/** Every manifest key path the built manifest sets that BCD knows, e.g. background.type. */
function usedManifestKeys(manifest: Record<string, unknown>): { name: string; node: Compat }[] {
  const out: { name: string; node: Compat }[] = [];
  const walk = (value: unknown, tree: Record<string, unknown>, prefix: string) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return;
    for (const [key, child] of Object.entries(value)) {
      const node = tree[key] as Compat | undefined;
      if (!node || typeof node !== 'object') continue;
      if (node.__compat) out.push({ name: prefix + key, node });
      walk(child, node, `${prefix}${key}.`);
    }
  };
  walk(manifest, manifestKeys, '');
  return out;
}

/** The newest version among the features, and which features need it. */
function required(features: { name: string; node: Compat }[], browser: Browser) {
  let version = 0;
  let because: string[] = [];
  const missing: string[] = [];
  for (const { name, node } of features) {
    const v = versionAdded(node, browser);
    if (v === Infinity) {
      if (!OPTIONAL[browser].includes(name)) missing.push(name);
      continue;
    }
    if (v > version) [version, because] = [v, [name]];
    else if (v === version) because.push(name);
  }
  return { version, because, missing };
}

function readManifest(dir: string): Record<string, unknown> {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) throw new Error(`${path} is missing: build it first.`);
  return JSON.parse(readFileSync(path, 'utf8'));
}

const apiFeatures = () =>
  usedApis().flatMap((name) =>
    apiNodes(name)
      .slice(0, 1)
      .map((f) => ({ ...f, name })),
  );

const CHROME_MIN_VERSION = sourceManifest.minimum_chrome_version;

describe('minimum browser versions', () => {
  it('the source scan finds the APIs the minimums hinge on', () => {
    expect(usedApis()).toEqual(
      expect.arrayContaining([
        'action.openPopup',
        'sidePanel',
        'sidebarAction.open',
        'storage.session',
        'scripting.registerContentScripts',
      ]),
    );
  });

  it(`dist/manifest.json states minimum_chrome_version ${CHROME_MIN_VERSION}, what the code needs`, () => {
    const manifest = readManifest(DIST);
    expect(manifest.minimum_chrome_version).toBe(CHROME_MIN_VERSION);
    const need = required([...apiFeatures(), ...usedManifestKeys(manifest)], 'chrome');
    expect(need.missing).toEqual([]);
    expect({ version: need.version, because: need.because }).toEqual({
      version: Number(CHROME_MIN_VERSION),
      because: ['action.openPopup'],
    });
  });

  it(`dist-firefox states strict_min_version ${FIREFOX_MIN_VERSION} (desktop) and ${FIREFOX_ANDROID_MIN_VERSION} (Android), what the code needs`, () => {
    const manifest = readManifest(FIREFOX_DIST);
    const settings = manifest.browser_specific_settings as Record<string, Record<string, unknown>>;
    expect(settings.gecko!.strict_min_version).toBe(FIREFOX_MIN_VERSION);
    expect(settings.gecko_android!.strict_min_version).toBe(FIREFOX_ANDROID_MIN_VERSION);
    const desktop = required([...apiFeatures(), ...usedManifestKeys(manifest)], 'firefox');
    expect(desktop.missing).toEqual([]);
    expect({ version: desktop.version, because: desktop.because }).toEqual({
      version: parseFloat(FIREFOX_MIN_VERSION),
      because: ['browser_specific_settings.gecko.data_collection_permissions'],
    });
    // On Android the manifest keys decide; keys it lacks (commands: no keyboard shortcuts there;
    // sidebar_action: no sidebar, the popup stays) are ignored, not refused. gecko_android itself
    // is older than the key that needs 142.
    const android = required(usedManifestKeys(manifest), 'firefox_android');
    expect(android.missing).toEqual([
      'commands',
      'commands._execute_action',
      'sidebar_action',
      'sidebar_action.default_panel',
      'sidebar_action.default_title',
      'sidebar_action.default_icon',
      'sidebar_action.open_at_install',
    ]);
    expect({ version: android.version, because: android.because }).toEqual({
      version: parseFloat(FIREFOX_ANDROID_MIN_VERSION),
      because: ['browser_specific_settings.gecko.data_collection_permissions'],
    });
  });
});
