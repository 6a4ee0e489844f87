import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  migrateSettings,
  readStoredSettings,
  type SettingsMigration,
} from '../../../src/background/settings-migrations';
import { loadSettings, saveSettings } from '../../../src/background/settings-store';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '../../../src/shared/settings';

beforeEach(() => fakeBrowser.reset());

/** Settings as the e2e tests and the demo write them: today's shape without a version. */
const { version: _version, ...unversioned } = {
  ...DEFAULT_SETTINGS,
  agentId: 'agent-7',
  agentName: 'Ada',
  openIn: 'window' as const,
  customDomains: [{ origin: 'https://support.acme.com', helpdesk: 'zendesk' as const }],
};

describe('stored settings and their versions', () => {
  it('reads settings stored without a version as today’s shape, version 1', async () => {
    expect(SETTINGS_VERSION).toBe(1);
    await fakeBrowser.storage.local.set({ settings: unversioned });
    expect(await loadSettings()).toEqual({ ...unversioned, version: 1 });
  });

  it('reads nothing stored as the defaults', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it.each([
    ['null', null],
    ['a string', 'settings'],
    ['a number', 42],
    ['an array', [1, 2]],
    ['a version with no migration from it', { version: 0, agentName: 'Ada' }],
  ])('reads %s as the defaults without throwing', async (_name, stored) => {
    await fakeBrowser.storage.local.set({ settings: stored });
    await expect(loadSettings()).resolves.toEqual(DEFAULT_SETTINGS);
  });

  it('falls back to the defaults when a migration throws', () => {
    const broken: SettingsMigration = () => {
      throw new Error('unreadable');
    };
    expect(readStoredSettings({ version: 0 }, { 0: broken })).toEqual(DEFAULT_SETTINGS);
  });

  it('saves today’s shape with its version over an unversioned one', async () => {
    await fakeBrowser.storage.local.set({ settings: unversioned });
    await saveSettings({ agentName: 'Grace' });
    const { settings } = await fakeBrowser.storage.local.get('settings');
    expect(settings).toEqual({ ...unversioned, agentName: 'Grace', version: SETTINGS_VERSION });
  });

  it('applies each registered migration in order, one version at a time', () => {
    const seen: unknown[] = [];
    const migrations: Record<number, SettingsMigration> = {
      // Registered out of order on purpose: the version, not the table's order, decides.
      2: (v2) => {
        seen.push(v2.version);
        const { theme, ...rest } = v2;
        return { ...rest, appearance: { theme } };
      },
      1: (v1) => {
        seen.push(v1.version);
        return { ...v1, theme: v1.openIn === 'window' ? 'dark' : 'light' };
      },
    };
    const stored = { ...unversioned };
    const migrated = migrateSettings(stored, migrations, 3);
    expect(seen).toEqual([undefined, 2]);
    expect(migrated).toEqual({ ...unversioned, appearance: { theme: 'dark' }, version: 3 });
    // Pure: what was stored is left as it was.
    expect(stored).toEqual(unversioned);
  });

  it('starts from the stored version and leaves current or newer settings as they are', () => {
    const calls: number[] = [];
    const step =
      (from: number): SettingsMigration =>
      (settings) => {
        calls.push(from);
        return settings;
      };
    const migrations = { 1: step(1), 2: step(2), 3: step(3) };
    expect(migrateSettings({ version: 2 }, migrations, 4)).toEqual({ version: 4 });
    expect(calls).toEqual([2, 3]);
    expect(migrateSettings({ version: 4, a: 1 }, migrations, 4)).toEqual({ version: 4, a: 1 });
    expect(migrateSettings({ version: 9 }, migrations, 4)).toEqual({ version: 9 });
    expect(calls).toEqual([2, 3]);
  });

  it('refuses to skip a version it has no migration for', () => {
    expect(() => migrateSettings({ version: 1 }, { 2: (s) => s }, 3)).toThrow(/version 1/);
  });

  it('leaves a stored value that is no settings object as it is, for the reader to replace', () => {
    // Not migrated (no step is even looked for): readSettings then reads it as the defaults.
    for (const value of [null, undefined, 'settings', 42, [{ version: 1 }]]) {
      expect(migrateSettings(value, {}, 3)).toBe(value);
      expect(readStoredSettings(value, {})).toEqual(DEFAULT_SETTINGS);
    }
  });
});
