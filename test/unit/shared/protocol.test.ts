import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  ContentHandlers,
  ContentReply,
  PageHandlers,
  PageReply,
  SearchReply,
  SiteReply,
  TabStateReply,
} from '../../../src/shared/protocol';
import type { BadgeView } from '../../../src/shared/views';

// The protocol is checked by the compiler: these lines fail `tsc` when a reply drifts.

describe('each message carries its reply type', () => {
  it('every sender infers the reply from the message', () => {
    expectTypeOf<
      PageReply<{ type: 'tab/state'; tabId: number; refresh: boolean }>
    >().toEqualTypeOf<TabStateReply>();
    expectTypeOf<
      PageReply<{ type: 'visitors/search'; query: string }>
    >().toEqualTypeOf<SearchReply>();
    expectTypeOf<ContentReply<{ type: 'site/which' }>>().toEqualTypeOf<SiteReply>();
    expectTypeOf<
      ContentReply<{ type: 'ticket/visibility'; visible: boolean }>
    >().toEqualTypeOf<BadgeView | null>();
  });

  it('a handler returning another reply does not compile', () => {
    const wrongPage: Pick<PageHandlers, 'visitor/forget'> = {
      // @ts-expect-error: 'visitor/forget' answers null
      'visitor/forget': async () => 'done',
    };
    const wrongContent: Pick<ContentHandlers, 'site/which'> = {
      // @ts-expect-error: 'site/which' answers a helpdesk id or null
      'site/which': async () => 'not-a-helpdesk',
    };
    expect(Object.keys({ ...wrongPage, ...wrongContent })).toHaveLength(2);
  });
});
