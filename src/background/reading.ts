import { z } from 'zod';
import { HELPDESK_IDS } from '../shared/helpdesks';
import { MAX_IGNORED, READ_FROM, type Reading } from '../shared/protocol';
import { storageFamily } from './storage-item';
import { getTabState } from './tab-state';

// "What was read on this page": what the content script reported about its last ticket, kept per
// tab in session storage (in memory, gone with the browser), and joined with the identities the
// worker holds for that ticket. Nothing of the ticket's text is ever reported.

const ReportSchema = z.strictObject({
  helpdesk: z.enum(HELPDESK_IDS),
  ticketId: z.string().nullable(),
  from: z.enum(READ_FROM),
  ignored: z.array(z.string()).max(MAX_IGNORED),
  at: z.number(),
});
type Report = z.infer<typeof ReportSchema>;

const reports = storageFamily('session', 'read:', ReportSchema);

export async function recordReading(
  tabId: number,
  report: Omit<Report, 'at'>,
  now = Date.now(),
): Promise<void> {
  await reports.set(tabId, { ...report, at: now });
}

export const forgetReading = (tabId: number): Promise<void> => reports.remove(tabId);

export async function readingOf(tabId: number): Promise<Reading | null> {
  const [report, state] = await Promise.all([reports.get(tabId), getTabState(tabId)]);
  if (!report) return null;
  // The identities only when the worker's state is about this same ticket.
  const same = state && state.helpdesk === report.helpdesk && state.ticketId === report.ticketId;
  return { ...report, identities: same ? state.identities : null };
}
