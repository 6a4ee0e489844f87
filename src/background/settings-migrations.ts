import {
  DEFAULT_SETTINGS,
  readSettings,
  SETTINGS_VERSION,
  type Settings,
} from '../shared/settings';

/** Stored settings of one version, as a plain object; a migration never sees anything else. */
export type StoredSettings = Record<string, unknown>;

/** Takes stored settings of version N to the shape of version N + 1. Pure: returns a new object. */
export type SettingsMigration = (settings: StoredSettings) => StoredSettings;

/**
 * The migrations of stored settings, keyed by the version each one starts from. Settings stored
 * before they carried a version are version 1, today's shape. A change of shape bumps
 * SETTINGS_VERSION and adds the step from the version before it here.
 */
export const SETTINGS_MIGRATIONS: Readonly<Record<number, SettingsMigration>> = {};

const isRecord = (value: unknown): value is StoredSettings =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Brings stored settings up to version `to`, one migration at a time and in order; the runner,
 * not the migration, writes the new version number. Settings of version `to` or newer (written by
 * a later release, before a downgrade) and values that are not objects come back unchanged.
 * Throws when a step is missing.
 */
export function migrateSettings(
  stored: unknown,
  migrations: Readonly<Record<number, SettingsMigration>> = SETTINGS_MIGRATIONS,
  to: number = SETTINGS_VERSION,
): unknown {
  if (!isRecord(stored)) return stored;
  let version = Number.isInteger(stored.version) ? (stored.version as number) : 1;
  let settings: StoredSettings = { ...stored };
  for (; version < to; version++) {
    const step = migrations[version];
    if (!step) throw new Error(`No settings migration from version ${version}.`);
    settings = { ...step(settings), version: version + 1 };
  }
  return settings;
}

/**
 * Reads whatever is stored under `settings`: migrated to today's shape, then field by field
 * (see readSettings). Never throws: settings that cannot be migrated read as the defaults.
 */
export function readStoredSettings(
  stored: unknown,
  migrations: Readonly<Record<number, SettingsMigration>> = SETTINGS_MIGRATIONS,
): Settings {
  try {
    return readSettings(migrateSettings(stored, migrations));
  } catch {
    return DEFAULT_SETTINGS;
  }
}
