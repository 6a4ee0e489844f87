import { isAuthErrorKind, isUpscopeApiError, type Usage } from '../api';
import type { KeyCheck } from '../shared/protocol';
import { missingKeyError } from './api-access';
import { callApi } from './api-gate';
import {
  clearApiKey,
  keyStatus,
  originOf,
  readStoredKeyForRetest,
  saveApiKey,
  type KeyStatus,
} from './key-store';
import { clearLookupCache } from './lookup';
import { toErrorInfo } from './problems';
import { loadSettings } from './settings-store';
import { allTabStates } from './tab-state';
import { refreshShownTicket } from './ticket-tabs';

export type { KeyCheck };

/**
 * After the key or endpoint changes, nothing cached under the old one may be shown. Upscope's
 * pause is left alone: it belongs to the key and endpoint that got it (see `apiPause`).
 */
export async function afterCredentialsChange(): Promise<void> {
  await clearLookupCache();
  const states = await allTabStates();
  await Promise.all([...states.keys()].map((tabId) => refreshShownTicket(tabId, { push: true })));
}

/**
 * Checks a new key against usage.json at `endpoint` and keeps it for that endpoint's origin only.
 * A key Upscope has paused is not sent during the pause: it is kept, unverified, saying so.
 * A key Upscope refuses is not saved and the reason is thrown; when Upscope cannot be reached the
 * key is kept and reported unverified. Nothing shown is refreshed: the caller does that.
 */
export async function checkAndSaveKey(rawKey: string, endpoint: string): Promise<KeyCheck> {
  const apiKey = rawKey.trim();
  const origin = originOf(endpoint);
  try {
    const usage = await callApi({ key: apiKey, baseUrl: endpoint }, (api) => api.getUsage());
    await saveApiKey(apiKey, origin);
    return { outcome: 'valid', usage, key: await keyStatus(origin) };
  } catch (error) {
    if (
      isUpscopeApiError(error) &&
      (isAuthErrorKind(error.kind) || error.kind === 'endpoint_not_found')
    ) {
      throw error;
    }
    await saveApiKey(apiKey, origin);
    return { outcome: 'unverified', error: toErrorInfo(error), key: await keyStatus(origin) };
  }
}

/** Checks and keeps a new key for the saved endpoint (see `checkAndSaveKey`). */
export async function verifyAndSaveKey(rawKey: string): Promise<KeyCheck> {
  const { apiBaseUrl } = await loadSettings();
  const check = await checkAndSaveKey(rawKey, apiBaseUrl);
  await afterCredentialsChange();
  return check;
}

/**
 * Calls usage.json with the key saved for the saved endpoint, even one refused before: the plan
 * may have been renewed, and an accepted key is no longer marked refused. A key saved for another
 * origin is not sent, and nothing is sent during Upscope's pause.
 */
export async function testConnection(): Promise<{ usage: Usage; key: KeyStatus }> {
  const { apiBaseUrl } = await loadSettings();
  const origin = originOf(apiBaseUrl);
  const apiKey = await readStoredKeyForRetest(origin);
  if (!apiKey) throw await missingKeyError(origin);
  const usage = await callApi({ key: apiKey, baseUrl: apiBaseUrl }, (api) => api.getUsage());
  await saveApiKey(apiKey, origin);
  return { usage, key: await keyStatus(origin) };
}

export async function forgetKey(): Promise<KeyStatus> {
  await clearApiKey();
  await afterCredentialsChange();
  return keyStatus(originOf((await loadSettings()).apiBaseUrl));
}
