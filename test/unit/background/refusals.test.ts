import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it } from 'vitest';
import english from '../../../public/_locales/en/messages.json';
import { routeMessage } from '../../../src/background/router';
import { policy, popupSender, SENTINEL_KEY, ticketSender, useBackground } from './harness';

// Which refusals lock the key. Only Upscope's documented key errors say the key is bad; a 401
// from something in front of Upscope, a 403, a 200 saying "error" or a redirect do not, and the
// next lookup must go to Upscope again.

const bg = useBackground();
const words = english as Record<string, { message: string }>;

function identify(email: string, tabId = 7) {
  return routeMessage(
    {
      type: 'ticket/identify',
      helpdesk: 'zendesk',
      ticketId: '123',
      identities: { email },
      visible: true,
    },
    ticketSender(tabId),
    policy,
  );
}
const keyStatus = async () =>
  (
    (await routeMessage({ type: 'settings/get' }, popupSender, policy)) as {
      data: { key: { present: boolean; rejected: string | null } };
    }
  ).data.key;

describe('a refusal that does not name a key error', () => {
  it.each([
    [
      'a 401 with a proxy’s HTML page',
      { status: 401, html: '<html><body>Sign in</body></html>' },
      words.errorUnexplainedRefusal!.message,
    ],
    ['a 403', { status: 403 }, words.errorForbidden!.message],
    [
      'a 200 saying the request failed',
      { status: 200, body: { status: 'error', error: 'something_new' } },
      words.errorFailedAnswer!.message,
    ],
  ])(
    '%s is said as such, keeps the key, and the next lookup asks again',
    async (_l, fault, text) => {
      await bg.configure();
      bg.fake.injectFault(fault);
      expect(await identify('jane.doe@example.com')).toMatchObject({
        ok: true,
        data: { state: 'error', title: text, canStart: false },
      });
      expect(await keyStatus()).toMatchObject({ present: true, rejected: null });
      expect(await identify('jane.doe@example.com', 8)).toMatchObject({
        data: { state: 'online' },
      });
      expect(bg.fake.requests.map((r) => r.status)).toEqual([fault.status, 200]);
    },
  );

  it('a documented key error in the same 401 still locks the key', async () => {
    await bg.configure();
    bg.fake.injectFault({ status: 401, body: { status: 'error', error: 'please_contact_team' } });
    expect(await identify('jane.doe@example.com')).toMatchObject({
      data: { state: 'not_configured' },
    });
    expect(await keyStatus()).toMatchObject({ rejected: 'access_restricted' });
    await identify('jane.doe@example.com', 8);
    expect(bg.fake.requests).toHaveLength(1);
  });

  it('a key an earlier version locked on an unexplained 401 is used again', async () => {
    await bg.configure({}, null);
    await fakeBrowser.storage.local.set({
      apiKey: { value: SENTINEL_KEY, rejected: 'unauthorized' },
    });
    expect(await keyStatus()).toMatchObject({ present: true, rejected: null });
    expect(await identify('jane.doe@example.com')).toMatchObject({ data: { state: 'online' } });
  });
});

describe('a redirect', () => {
  it('asks to check the endpoint, names where it leads, and sends the key nowhere else', async () => {
    await bg.configure();
    bg.fake.injectFault({ redirectTo: 'https://login.example.com/sso', times: 5 });
    const reply = await identify('jane.doe@example.com');
    expect(reply).toMatchObject({ ok: true, data: { state: 'not_configured', canStart: false } });
    const title = (reply as { data: { title: string } }).data.title;
    expect(title).toBe(words.errorRedirectedTo!.message.replace('$HOST$', 'login.example.com'));
    expect(bg.fake.requests).toHaveLength(1);
    expect(await keyStatus()).toMatchObject({ rejected: null });
  });

  it('one whose target cannot be named safely says so without a host', async () => {
    await bg.configure();
    // A redirect that carries the key in its host: the host would end up in words shown.
    bg.fake.injectFault({ redirectTo: `https://${SENTINEL_KEY}.evil.example/`, times: 5 });
    const reply = await identify('jane.doe@example.com');
    expect(reply).toMatchObject({ ok: true, data: { state: 'not_configured', canStart: false } });
    expect((reply as { data: { title: string } }).data.title).toBe(words.errorRedirected!.message);
    expect(JSON.stringify(reply).toLowerCase()).not.toContain(SENTINEL_KEY.toLowerCase());
  });
});
