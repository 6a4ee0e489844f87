import { z } from 'zod';
import {
  createUpscopeClient,
  isAuthErrorKind,
  isUpscopeApiError,
  UpscopeApiError,
  type UpscopeClient,
  type UpscopeErrorKind,
} from '../api';
import { keyStatus, markKeyRejected, readApiKey } from './key-store';
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
export async function noteFailure(error: unknown): Promise<void> {
  if (!isUpscopeApiError(error)) return;
  if (isAuthErrorKind(error.kind)) await markKeyRejected(error.kind);
  if (error.kind === 'rate_limited') {
    await pausedUntil.set(Date.now() + (error.retryAfterMs ?? DEFAULT_PAUSE_MS));
  }
}

/**
 * The saved key, or the error that says why there is none to use. Also asked before answering
 * from the cache: with a refused key nothing can be started, so no badge may suggest otherwise.
 */
export async function usableKey(): Promise<string> {
  const key = await readApiKey();
  if (key) return key;
  const { rejected } = await keyStatus();
  if (rejected) throw new UpscopeApiError(rejected as UpscopeErrorKind);
  throw new Problem('no_key', 'problemNoKey');
}

/**
 * Runs one use of the API with the saved key. Refuses without calling when there is no usable
 * key or while Upscope has asked for a pause.
 */
export async function withApi<T>(use: (client: UpscopeClient) => Promise<T>): Promise<T> {
  const key = await usableKey();
  const waitMs = (await pausedUntil.get()) - Date.now();
  if (waitMs > 0) {
    const seconds = Math.ceil(waitMs / 1000);
    throw new Problem('rate_limited', ['problemPaused', seconds], { retryAfterMs: waitMs });
  }
  const settings = await loadSettings();
  try {
    return await use(clientFor(key, settings.apiBaseUrl));
  } catch (error) {
    await noteFailure(error);
    throw error;
  }
}
