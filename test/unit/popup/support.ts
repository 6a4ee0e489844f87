import english from '../../../public/_locales/en/messages.json';
import { VisitorSchema, type Visitor } from '../../../src/api/schemas';
import { seedVisitors } from '../../fake-upscope';
import { serialiseVisitor } from '../../fake-upscope/visitors';
import { setFallbackMessages } from '../../../src/wording/i18n';

/** The strings under test are the English ones that ship. */
export function useEnglish(): void {
  setFallbackMessages(english as Record<string, { message: string }>);
}

export const NOW = Date.parse('2025-06-02T12:00:00Z');
export const minutesAgo = (m: number) => new Date(NOW - m * 60_000).toISOString();

export function visitor(fields: Partial<Visitor> & { short_id?: string } = {}): Visitor {
  return {
    short_id: 'V1',
    name: 'Jane Doe',
    email: 'jane@example.com',
    is_online: true,
    is_in_session: false,
    last_seen_at: minutesAgo(0),
    device_type: 'desktop',
    browser_name: 'Chrome 126',
    ...fields,
  } as Visitor;
}

/**
 * A seed visitor of the fake Upscope API as the API sends it and the client reads it, with
 * fields changed where a test needs another person or device of the same shape.
 */
export function seedVisitor(shortId: string, patch: Partial<Visitor> = {}): Visitor {
  const record = seedVisitors(new Date(NOW)).find((r) => r.short_id === shortId);
  if (!record) throw new Error(`no seed visitor ${shortId}`);
  return VisitorSchema.parse({ ...(serialiseVisitor(record, false) as object), ...patch });
}
