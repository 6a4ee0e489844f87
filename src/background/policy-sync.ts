import { syncCustomDomains } from './custom-domains';
import { afterCredentialsChange } from './key-setup';
import { adoptPolicyKey, originOf } from './key-store';
import { restrictManagedStorage, waitForManagedPolicy, type ManagedPolicy } from './managed-policy';
import { syncPresenceAlarm } from './presence';
import { loadSettings } from './settings-store';
import { applyToolbarOpens } from './toolbar-opens';

// What follows the organisation's policy outside the settings themselves (those are read with the
// policy laid over them every time): the key's copy in the worker's own store, the custom
// domains' content script, what the toolbar button opens, and what was shown with the old values.

/**
 * Brings everything in line with `policy`. The policy's key is copied into the key store for the
 * endpoint in effect (the policy's own, or Upscope's: see `policySettings`).
 */
export async function applyPolicy(
  policy: ManagedPolicy,
  { changed }: { changed: boolean },
): Promise<void> {
  const settings = await loadSettings();
  const keyChanged = await adoptPolicyKey(policy.ApiKey ?? null, originOf(settings.apiBaseUrl));
  await Promise.all([syncCustomDomains(), applyToolbarOpens(settings.toolbarOpens)]);
  // A new endpoint, key or helpdesk list: nothing looked up under the old ones may stay shown.
  if (changed || keyChanged) await afterCredentialsChange();
  await syncPresenceAlarm();
}

/** At start-up: closes storage.managed where it can, then waits briefly for a policy to read. */
export async function applyPolicyAtStart(): Promise<void> {
  await restrictManagedStorage();
  await applyPolicy(await waitForManagedPolicy(), { changed: false });
}
