import { UpscopeApiError, type UpscopeClient, type UpscopeErrorKind } from '../api';
import { callApi } from './api-gate';
import { keyStatus, originOf, readApiKey } from './key-store';
import { Problem } from './problems';
import { loadSettings } from './settings-store';

/** Why there is no key to send to the endpoint at `origin`, as the error to show. */
export async function missingKeyError(origin: string): Promise<Error> {
  const { rejected, savedFor } = await keyStatus(origin);
  if (savedFor) return new Problem('key_other_origin', ['problemKeyOtherOrigin', savedFor, origin]);
  if (rejected) return new UpscopeApiError(rejected as UpscopeErrorKind);
  return new Problem('no_key', 'problemNoKey');
}

/**
 * The saved key for the saved endpoint, or the error that says why there is none to use. Also
 * asked before answering from the cache: with a refused key nothing can be started, so no badge
 * may suggest otherwise. A key saved for another origin is never used: the key belongs to the
 * endpoint it was saved for.
 */
export async function usableKey(): Promise<{ key: string; baseUrl: string }> {
  const { apiBaseUrl } = await loadSettings();
  const origin = originOf(apiBaseUrl);
  const key = await readApiKey(origin);
  if (key) return { key, baseUrl: apiBaseUrl };
  throw await missingKeyError(origin);
}

/**
 * Runs one use of the API with the saved key, at the endpoint it was saved for. Refuses without
 * calling when there is no usable key; the gate (`callApi`) holds Upscope's pause.
 */
export async function withApi<T>(use: (client: UpscopeClient) => Promise<T>): Promise<T> {
  return callApi(await usableKey(), use);
}
