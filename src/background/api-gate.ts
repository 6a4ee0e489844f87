import { z } from 'zod';
import {
  createUpscopeClient,
  isAuthErrorKind,
  isUpscopeApiError,
  parseRetryAfter,
  type UpscopeClient,
} from '../api';
import { markKeyRejected, originOf } from './key-store';
import { Problem } from './problems';
import { storageItem } from './storage-item';

// The one gate every request to the Upscope API goes through: the only place a client is made.
// It holds Upscope's pause after a 429 and records a refused key, for whichever part of the
// extension made the call (badge, alarm, popup, options, shortcut).

/**
 * A pause Upscope asks for that is this short is waited out by whoever calls during it (the agent
 * sees the answer a moment later); a longer one refuses every call until it ends, to its last
 * second, so the badge says "Paused" all along rather than "Checking…" near its end.
 */
export const SHORT_PAUSE_MS = 5_000;
/** A 429 that does not say how long to wait. */
const DEFAULT_PAUSE_MS = 60_000;
/**
 * An agent is looking at a ticket: a lookup that has not answered in 8 s, twice, is better
 * reported than waited for (the client's defaults suit batch work, not a badge).
 */
const TIMEOUT_MS = 8_000;
const MAX_ATTEMPTS = 2;

/** The key and the endpoint a call is made with. */
export interface Credentials {
  key: string;
  baseUrl: string;
}

const PauseSchema = z.object({
  until: z.number(),
  origin: z.string(),
  /** Which key was paused, as a hash prefix: the key itself is kept only in the key store. */
  key: z.string(),
  /** Upscope asked for at most SHORT_PAUSE_MS: calls wait instead of being refused. */
  short: z.boolean(),
});
type Pause = z.infer<typeof PauseSchema>;

/**
 * Upscope's last pause, and the key and endpoint it was given to: another key, or the same key
 * at another endpoint, is a different quota and is not paused. Survives the worker stopping.
 */
export const apiPause = storageItem('session', 'apiPause', PauseSchema.nullable(), () => null);

/** A short, one-way name for a key: enough to tell two keys apart, useless to call with. */
async function keyName(key: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key));
  return [...new Uint8Array(digest).slice(0, 8)]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
}

async function pauseOf(credentials: Credentials): Promise<Pause | null> {
  const pause = await apiPause.get();
  if (!pause || pause.origin !== originOf(credentials.baseUrl)) return null;
  return pause.key === (await keyName(credentials.key)) ? pause : null;
}

/** How long calls with these credentials must still wait, in ms (0: not paused). */
export async function pauseLeft(credentials: Credentials): Promise<number> {
  const pause = await pauseOf(credentials);
  return pause ? Math.max(0, pause.until - Date.now()) : 0;
}

/** Whether the pause these credentials are under, if any, is one to wait out. */
async function shortPause(credentials: Credentials): Promise<boolean> {
  return (await pauseOf(credentials))?.short ?? false;
}

async function startPause(credentials: Credentials, ms: number): Promise<void> {
  await apiPause.set({
    until: Date.now() + ms,
    origin: originOf(credentials.baseUrl),
    key: await keyName(credentials.key),
    short: ms <= SHORT_PAUSE_MS,
  });
}

export function pausedProblem(waitMs: number): Problem {
  return new Problem('rate_limited', ['problemPaused', Math.ceil(waitMs / 1000)], {
    retryAfterMs: waitMs,
  });
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The fetch the client sends every attempt through, its own retries included. A 429 pauses the
 * credentials at once, before the client decides to wait it out, so calls made meanwhile wait
 * too. An attempt made during a pause (a retry racing another call's 429) never leaves: it is
 * answered as Upscope would answer it, with a 429 saying how long is left.
 */
function gatedFetch(credentials: Credentials): typeof fetch {
  return async (input, init) => {
    const left = await pauseLeft(credentials);
    if (left > 0) {
      return new Response('', {
        status: 429,
        headers: { 'Retry-After': String(Math.ceil(left / 1000)) },
      });
    }
    const response = await fetch(input, init);
    if (response.status === 429) {
      const asked = parseRetryAfter(response.headers.get('retry-after'));
      await startPause(credentials, asked ?? DEFAULT_PAUSE_MS);
    }
    return response;
  };
}

/**
 * Runs one use of the API with these credentials. During a short pause it waits for the end;
 * during a longer one it refuses without calling. A refusal of the key marks that key refused
 * (only that key: a new key being checked leaves the saved one as it was).
 */
export async function callApi<T>(
  credentials: Credentials,
  use: (client: UpscopeClient) => Promise<T>,
): Promise<T> {
  const left = await pauseLeft(credentials);
  if (left > 0) {
    if (!(await shortPause(credentials))) throw pausedProblem(left);
    await wait(left);
  }
  const client = createUpscopeClient({
    baseUrl: credentials.baseUrl,
    apiKey: credentials.key,
    fetch: gatedFetch(credentials),
    timeoutMs: TIMEOUT_MS,
    maxAttempts: MAX_ATTEMPTS,
    retryAfterCapMs: SHORT_PAUSE_MS,
  });
  try {
    return await use(client);
  } catch (error) {
    if (isUpscopeApiError(error) && isAuthErrorKind(error.kind)) {
      await markKeyRejected(originOf(credentials.baseUrl), error.kind, credentials.key);
    }
    throw error;
  }
}
