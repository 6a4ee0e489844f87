import { z } from 'zod';
import type { Managed } from '../shared/protocol';
import {
  DEFAULT_SETTINGS,
  SettingsSchema,
  type Settings,
  type SettingsPatch,
} from '../shared/settings';
import { reportedAgent } from './helpdesk-agent';
import { overlay, readManagedPolicy, type ManagedPolicy } from './managed-policy';
import { Problem } from './problems';
import { readStoredSettings } from './settings-migrations';
import { storageItem } from './storage-item';

/**
 * The agent's own settings in storage.local under `settings`. Older shapes are migrated as they
 * are read; the next save stores today's shape. What the worker uses is these with the
 * organisation's policy laid over them (`loadSettings`); only the agent's own are ever stored, so
 * a policy withdrawn leaves the agent's choices as they were.
 */
const settingsItem = storageItem(
  'local',
  'settings',
  z.unknown().transform((stored) => readStoredSettings(stored)),
  () => DEFAULT_SETTINGS,
);

/** The helpdesk's agent when the policy has the agent's name and ID read from the helpdesk. */
const policyAgent = (policy: ManagedPolicy) =>
  policy.AgentIdentitySource === 'helpdesk' ? reportedAgent() : null;

/** The settings in effect and which of them the organisation's policy decides. */
export async function loadManagedSettings(): Promise<{ settings: Settings; managed: Managed }> {
  const [own, policy] = await Promise.all([settingsItem.get(), readManagedPolicy()]);
  return overlay(own, policy, await policyAgent(policy));
}

/** The settings in effect: the agent's own, with every value the policy decides laid over them. */
export async function loadSettings(): Promise<Settings> {
  return (await loadManagedSettings()).settings;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The agent's own settings with a patch applied, and the settings that makes in effect; throws
 * when invalid, or when the patch would change a value the policy decides (the same value, as a
 * whole form sends it, changes nothing and passes).
 */
async function applyPatch(patch: SettingsPatch) {
  const [own, policy] = await Promise.all([settingsItem.get(), readManagedPolicy()]);
  const agent = await policyAgent(policy);
  const current = overlay(own, policy, agent);
  const ownPatch: Record<string, unknown> = { ...patch };
  for (const field of current.managed.fields) {
    if (!(field in patch)) continue;
    if (!same(patch[field], current.settings[field])) {
      throw new Problem('managed', 'problemManagedSetting');
    }
    // The policy's value is not the agent's: withdrawn, the policy leaves their own in place.
    delete ownPatch[field];
  }
  const next = SettingsSchema.parse({ ...own, ...ownPatch });
  return { own: next, effective: overlay(next, policy, agent) };
}

/** What a patch would make of the settings in effect, checked but not stored; throws when refused. */
export async function patchedSettings(patch: SettingsPatch): Promise<Settings> {
  return (await applyPatch(patch)).effective.settings;
}

/** Applies a validated patch to the agent's own settings; returns the settings now in effect. */
export async function saveSettings(patch: SettingsPatch): Promise<Settings> {
  const { own, effective } = await applyPatch(patch);
  await settingsItem.set(own);
  return effective.settings;
}

export const SETTINGS_STORAGE_KEY = settingsItem.key;
