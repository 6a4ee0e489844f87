import type { Visitor } from '../api';
import { isUpscopeApiError } from '../api';
import { outOfSession } from '../shared/session-end';
import { withApi } from './api-access';
import { forgetStart } from './cobrowse';
import { updateCachedVisitor } from './lookup';
import { Problem } from './problems';
import { allTabStates } from './tab-state';
import { refreshShownTicket } from './ticket-tabs';

/**
 * Stops the visitor's session, then shows them out of it everywhere the extension shows them:
 * the cached searches are rewritten (not dropped, so no badge waits for Upscope), and each ticket
 * tab holding the visitor is ranked again and its badge and toolbar updated. Returns the visitor
 * as now known, or null when no cached search held them.
 */
export async function endSession(shortId: string): Promise<Visitor | null> {
  try {
    await withApi((api) => api.endSession(shortId));
  } catch (error) {
    if (isUpscopeApiError(error) && error.kind === 'not_found') {
      throw new Problem('visitor_gone', 'errorVisitorGone');
    }
    throw error;
  }
  await forgetStart(shortId);
  const endedAt = new Date().toISOString();
  const cached = await updateCachedVisitor(shortId, (v) => outOfSession(v, endedAt));
  const states = await allTabStates();
  let known = cached;
  await Promise.all(
    [...states]
      .filter(([, state]) => state.visitors.some((v) => v.short_id === shortId))
      .map(([tabId, state]) => {
        known ??= outOfSession(
          state.visitors.find((v) => v.short_id === shortId)!,
          endedAt,
        );
        return refreshShownTicket(tabId, { push: true });
      }),
  );
  return known;
}
