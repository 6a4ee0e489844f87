import type { Runtime } from 'webextension-polyfill';
import { ContentMessageSchema, PageMessageSchema } from '../shared/protocol';
import type { Reply } from '../shared/views';
import { contentHandlers, pageHandlers } from './handlers';
import { toErrorInfo } from './problems';
import { classifySender, type SenderPolicy } from './sender';

function refuse(kind: string, message: string): Reply<never> {
  return { ok: false, error: { kind, message } };
}

/**
 * Every inbound message passes here: the sender is classified once, the message must parse
 * against the schema of the messages that sender may send, and only then does a handler run.
 */
export async function routeMessage(
  raw: unknown,
  sender: Runtime.MessageSender,
  policy: SenderPolicy,
): Promise<Reply<unknown>> {
  const from = classifySender(sender, policy);
  if (from.kind === 'other')
    return refuse('forbidden', 'This sender may not talk to the extension.');
  try {
    if (from.kind === 'content') {
      const parsed = ContentMessageSchema.safeParse(raw);
      if (!parsed.success) return refuse('bad_message', 'The message was not understood.');
      const message = parsed.data;
      const handler = contentHandlers[message.type] as (
        m: typeof message,
        tabId: number,
        url: string | null,
      ) => Promise<unknown>;
      return { ok: true, data: await handler(message, from.tabId, from.url) };
    }
    const parsed = PageMessageSchema.safeParse(raw);
    if (!parsed.success) return refuse('bad_message', 'The message was not understood.');
    const message = parsed.data;
    const handler = pageHandlers[message.type] as (m: typeof message) => Promise<unknown>;
    return { ok: true, data: await handler(message) };
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }
}
