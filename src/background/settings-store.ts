import browser from 'webextension-polyfill';
import {
  DEFAULT_SETTINGS,
  readSettings,
  SettingsSchema,
  type Settings,
  type SettingsPatch,
} from '../shared/settings';

const SETTINGS_KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  return stored === undefined ? DEFAULT_SETTINGS : readSettings(stored);
}

/** Applies a validated patch and stores the whole result; returns what was stored. */
export async function saveSettings(patch: SettingsPatch): Promise<Settings> {
  const next = SettingsSchema.parse({ ...(await loadSettings()), ...patch });
  await browser.storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}

export const SETTINGS_STORAGE_KEY = SETTINGS_KEY;
