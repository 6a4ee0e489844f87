import type { Visitor } from '../api/schemas';

/**
 * The visitor as they are once their session was stopped: not in a session, and no session of
 * theirs still open (ended now, as far as this extension knows, until Upscope says otherwise).
 * Used by the worker for its cache and by the popup for what it shows, so both agree.
 */
export function outOfSession(visitor: Visitor, endedAt = new Date().toISOString()): Visitor {
  return {
    ...visitor,
    is_in_session: false,
    ...(visitor.sessions
      ? {
          sessions: visitor.sessions.map((session) =>
            session.ended_at ? session : { ...session, ended_at: endedAt },
          ),
        }
      : {}),
  };
}
