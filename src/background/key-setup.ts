import { isAuthErrorKind, isUpscopeApiError, type Usage } from '../api';
import type { KeyCheck } from '../shared/protocol';
import { clientFor, noteFailure, pausedUntil } from './api-access';
import {
  clearApiKey,
  keyStatus,
  readStoredKeyForRetest,
  saveApiKey,
  type KeyStatus,
} from './key-store';
import { clearLookupCache } from './lookup';
import { Problem, toErrorInfo } from './problems';
import { loadSettings } from './settings-store';
import { allTabStates } from './tab-state';
import { refreshTicket } from './ticket-tabs';

export type { KeyCheck };

/** After the key or endpoint changes, nothing cached under the old one may be shown. */
export async function afterCredentialsChange(): Promise<void> {
  await clearLookupCache();
  await pausedUntil.remove();
  const states = await allTabStates();
  await Promise.all(
    [...states].map(([tabId, state]) => refreshTicket(tabId, state, { push: true })),
  );
}

/**
 * Checks a new key against usage.json before keeping it. A key Upscope refuses is not saved and
 * the reason is thrown; when Upscope cannot be reached the key is kept and reported unverified.
 */
export async function verifyAndSaveKey(rawKey: string): Promise<KeyCheck> {
  const apiKey = rawKey.trim();
  const { apiBaseUrl } = await loadSettings();
  const api = clientFor(apiKey, apiBaseUrl);
  try {
    const usage = await api.getUsage();
    await saveApiKey(apiKey);
    await afterCredentialsChange();
    return { outcome: 'valid', usage, key: await keyStatus() };
  } catch (error) {
    if (
      isUpscopeApiError(error) &&
      (isAuthErrorKind(error.kind) || error.kind === 'endpoint_not_found')
    ) {
      throw error;
    }
    await saveApiKey(apiKey);
    await afterCredentialsChange();
    return { outcome: 'unverified', error: toErrorInfo(error), key: await keyStatus() };
  }
}

/** Calls usage.json with the saved key, even one refused before: the plan may have been renewed. */
export async function testConnection(): Promise<{ usage: Usage; key: KeyStatus }> {
  const apiKey = await readStoredKeyForRetest();
  if (!apiKey) throw new Problem('no_key', 'problemNoKey');
  const { apiBaseUrl } = await loadSettings();
  try {
    const usage = await clientFor(apiKey, apiBaseUrl).getUsage();
    await saveApiKey(apiKey);
    return { usage, key: await keyStatus() };
  } catch (error) {
    await noteFailure(error);
    throw error;
  }
}

export async function forgetKey(): Promise<KeyStatus> {
  await clearApiKey();
  await afterCredentialsChange();
  return keyStatus();
}
