import { z } from 'zod';
import {
  createUpscopeClient,
  isAuthErrorKind,
  isUpscopeApiError,
  UpscopeApiError,
  type UpscopeClient,
  type UpscopeErrorKind,
} from '../api';
import { keyStatus, markKeyRejected, originOf, readApiKey } from './key-store';
import { Problem } from './problems';
import { loadSettings } from './settings-store';
import { storageItem } from './storage-item';

/** How long the client itself may wait out a 429; longer pauses stop every call instead. */
const RETRY_AFTER_CAP_MS = 5_000;
const DEFAULT_PAUSE_MS = 60_000;

/** Until when every call is paused because Upscope answered 429. Survives the worker stopping. */
export const pausedUntil = storageItem('session', 'pausedUntil', z.number(), () => 0);

/**
 * An agent is looking at a ticket: a lookup that has not answered in 8 s, twice, is better
 * reported than waited for (the client's defaults suit batch work, not a badge).
 */
const TIMEOUT_MS = 8_000;
const MAX_ATTEMPTS = 2;

export function clientFor(apiKey: string, baseUrl: string): UpscopeClient {
  return createUpscopeClient({
    baseUrl,
    apiKey,
    timeoutMs: TIMEOUT_MS,
    maxAttempts: MAX_ATTEMPTS,
    retryAfterCapMs: RETRY_AFTER_CAP_MS,
  });
}

/** Records what an API failure means for every later call: a refused key, or a pause. */
export async function noteFailure(error: unknown, origin: string): Promise<void> {
  if (!isUpscopeApiError(error)) return;
  if (isAuthErrorKind(error.kind)) await markKeyRejected(origin, error.kind);
  if (error.kind === 'rate_limited') {
    await pausedUntil.set(Date.now() + (error.retryAfterMs ?? DEFAULT_PAUSE_MS));
  }
}

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
 * calling when there is no usable key or while Upscope has asked for a pause.
 */
export async function withApi<T>(use: (client: UpscopeClient) => Promise<T>): Promise<T> {
  const { key, baseUrl } = await usableKey();
  const waitMs = (await pausedUntil.get()) - Date.now();
  if (waitMs > 0) {
    const seconds = Math.ceil(waitMs / 1000);
    throw new Problem('rate_limited', ['problemPaused', seconds], { retryAfterMs: waitMs });
  }
  try {
    return await use(clientFor(key, baseUrl));
  } catch (error) {
    await noteFailure(error, originOf(baseUrl));
    throw error;
  }
}
