import { beforeAll, describe, expect, it } from 'vitest';
import {
  email,
  emailIn,
  knowVendorMail,
  lookupCode,
  normalise,
} from '../../../src/content/identity';
import { HELPDESKS } from '../../../src/shared/helpdesks';
import { IdentitiesSchema } from '../../../src/shared/identities';

const VENDOR_MAIL = Object.values(HELPDESKS).flatMap((h) => h.mail);

describe('the vendors’ mail domains, as the worker gives them at start', () => {
  it('until they are known only role mailboxes are refused; then the vendors’ domains too', () => {
    knowVendorMail([]);
    expect(email('reply+abc123@acme.zendesk.com')).toBe('reply+abc123@acme.zendesk.com');
    expect(email('support@acme.com')).toBeUndefined();
    knowVendorMail(VENDOR_MAIL);
    expect(email('reply+abc123@acme.zendesk.com')).toBeUndefined();
    expect(email('123@hs-inbox.com')).toBeUndefined();
    expect(email('jane@zendesk-fans.example')).toBe('jane@zendesk-fans.example');
  });
});

describe('identity normalisation', () => {
  beforeAll(() => knowVendorMail(VENDOR_MAIL));

  it('emails are trimmed, lower-cased and validated', () => {
    expect(email('  Jane.Doe@Example.COM ')).toBe('jane.doe@example.com');
    expect(email("o'brien+tickets@example.ie")).toBe("o'brien+tickets@example.ie");
    for (const bad of [
      'jane',
      'jane@',
      '@example.com',
      'jane@example',
      'a..b@example.com',
      'jane doe@example.com',
      'jane@exa mple.com',
      'x'.repeat(250) + '@example.com',
      42,
      null,
    ]) {
      expect(email(bad), String(bad)).toBeUndefined();
    }
  });

  it('the helpdesk’s own addresses are never the customer', () => {
    for (const own of [
      'support@acme.com',
      'help@acme.com',
      'helpdesk@acme.com',
      'noreply@acme.com',
      'no-reply@acme.com',
      'do-not-reply@acme.com',
      'donotreply@acme.com',
      'mailer-daemon@googlemail.com',
      'postmaster@acme.com',
      'notifications@acme.com',
      'support@acme.zendesk.com',
      'reply+abc123@acme.zendesk.com',
      'acme@emailmg.freshdesk.com',
      'help@acme.freshservice.com',
      'x7f@mail.helpscout.net',
      'abc@intercom-mail.com',
      'hi@acme.intercom.io',
      'team@frontapp.com',
      'support@acme.gorgias.io',
      '123@hs-inbox.com',
      'desk@acme.zohodesk.com',
      'support@desk.zoho.eu',
      'acme@zammad.com',
      'acme@mail.kustomerapp.com',
      'reply@crisp.chat',
      'chat@livechatinc.com',
      'jira@acme.atlassian.net',
      'case@x1y2.case.salesforce.com',
    ]) {
      expect(email(own), own).toBeUndefined();
    }
    expect(email('supporter@example.com')).toBe('supporter@example.com');
    expect(email('jane@zendeskfan.example')).toBe('jane@zendeskfan.example');
  });

  it('the signed-in agent is never the customer', () => {
    expect(email('joe.smith@acme.com', 'joe.smith@acme.com')).toBeUndefined();
    expect(
      emailIn('From: Joe <joe.smith@acme.com>, Jane <jane@example.com>', 'joe.smith@acme.com'),
    ).toBe('jane@example.com');
  });

  it('the first customer address in text, skipping system ones', () => {
    expect(emailIn('mailto:support@acme.com mailto:Jane@Example.com?subject=Hi')).toBe(
      'jane@example.com',
    );
    expect(emailIn('no address here')).toBeUndefined();
  });

  it('lookup codes only when written as one', () => {
    expect(lookupCode('Hi, my code is 4821')).toBe('4821');
    expect(lookupCode('PIN: 4821.')).toBe('4821');
    expect(lookupCode('The code on my screen says 4821, thanks')).toBe('4821');
    expect(lookupCode('Order 2024 is stuck, call 0207 946 0000')).toBeUndefined();
    expect(lookupCode('my code is 48210')).toBeUndefined();
    expect(lookupCode('zipcode 10001')).toBeUndefined();
    expect(lookupCode(4821)).toBeUndefined();
  });

  it('ids are trimmed visible ASCII within bounds; names are collapsed and bounded', () => {
    expect(normalise({ helpdeskUserId: 3901, externalId: ' user-1001 ' })).toEqual({
      helpdeskUserId: '3901',
      externalId: 'user-1001',
    });
    expect(normalise({ helpdeskUserId: 'has space', externalId: 'é' })).toBeNull();
    expect(normalise({ helpdeskUserId: 'x'.repeat(129) })).toBeNull();
    expect(normalise({ name: `  Jane \n  Doe ${'x'.repeat(200)}` })!.name).toHaveLength(128);
    expect(normalise({ name: '   ' })).toBeNull();
    expect(normalise({ email: {}, name: ['x'], externalId: { toString: () => 'x' } })).toBeNull();
  });

  it('whatever is sent passes the worker’s own schema unchanged', () => {
    const samples = [
      { email: 'JANE@EXAMPLE.COM', name: '<img src=x onerror=alert(1)>', text: 'code 4821' },
      { helpdeskUserId: 12, externalId: 'u:1/2', name: ' A  B ' },
      { email: "o'brien+x@sub.example.co.uk" },
    ];
    for (const found of samples) {
      const ids = normalise(found)!;
      expect(IdentitiesSchema.parse(ids)).toEqual(ids);
    }
  });
});
