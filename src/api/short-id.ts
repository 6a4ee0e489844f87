import { z } from 'zod';

/*
 * One rule for what a visitor's short id is. It decides which visitors a list or a visitor
 * response can return (a visitor whose id breaks it could be shown but never opened or started)
 * and which ids may go into a request path. Anything that handles a short id — the client, the
 * worker's messages — should use these, not a pattern of its own.
 */

/** 1 to 64 letters, digits, '-' or '_': safe in a path segment, where encodeURIComponent keeps it as is. */
export const SHORT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * A short id as a string. The vendor documents it as a string; a whole number (as some servers
 * send for ids like `1234`) is read as its digits. Anything else, or a string outside
 * SHORT_ID_PATTERN, is refused.
 */
export const ShortIdSchema = z
  .union([
    z.string(),
    z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).transform(String),
  ])
  .pipe(z.string().regex(SHORT_ID_PATTERN));

export type ShortId = z.output<typeof ShortIdSchema>;

export function isValidShortId(value: unknown): value is string {
  return typeof value === 'string' && SHORT_ID_PATTERN.test(value);
}
