import { z } from 'zod';
import {
  DEFAULT_SETTINGS,
  SettingsSchema,
  type Settings,
  type SettingsPatch,
} from '../shared/settings';
import { readStoredSettings } from './settings-migrations';
import { storageItem } from './storage-item';

/**
 * The agent's settings in storage.local under `settings`. Older shapes are migrated as they are
 * read; the next save stores today's shape.
 */
const settingsItem = storageItem(
  'local',
  'settings',
  z.unknown().transform((stored) => readStoredSettings(stored)),
  () => DEFAULT_SETTINGS,
);

export function loadSettings(): Promise<Settings> {
  return settingsItem.get();
}

/** What a patch would make of the saved settings, checked but not stored; throws when invalid. */
export async function patchedSettings(patch: SettingsPatch): Promise<Settings> {
  return SettingsSchema.parse({ ...(await loadSettings()), ...patch });
}

/** Applies a validated patch and stores the whole result; returns what was stored. */
export async function saveSettings(patch: SettingsPatch): Promise<Settings> {
  const next = await patchedSettings(patch);
  await settingsItem.set(next);
  return next;
}

export const SETTINGS_STORAGE_KEY = settingsItem.key;
