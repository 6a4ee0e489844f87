import { beforeAll, describe, expect, it } from 'vitest';
import { canRetry, errorText, fixFor, needsSettings } from '../../../src/wording/errors';
import { safeHttpsUrl, shortUrl, clampSize } from '../../../src/shared/safe-url';
import {
  ago,
  deviceText,
  formatDuration,
  lengthText,
  locationText,
  matchedByText,
  presenceOf,
  reasonText,
  visitorEmail,
  visitorLabel,
} from '../../../src/wording/visitor';
import german from '../../../public/_locales/de/messages.json';
import { setFallbackMessages } from '../../../src/wording/i18n';
import { minutesAgo, NOW, useEnglish, visitor } from '../popup/support';

beforeAll(useEnglish);

describe('presence and ranking reasons', () => {
  it('reads presence in the worker’s order: offline, unsupported, session, waiting', () => {
    expect(presenceOf(visitor({ is_online: false, is_waiting_for_call: true }))).toBe('offline');
    expect(presenceOf(visitor({ is_supported: false, is_in_session: true }))).toBe('unsupported');
    expect(presenceOf(visitor({ is_in_session: true, is_waiting_for_call: true }))).toBe(
      'in_session',
    );
    expect(presenceOf(visitor({ is_waiting_for_call: true }))).toBe('waiting');
    expect(presenceOf(visitor())).toBe('online');
  });

  it('says why a visitor ranks there, with the device', () => {
    expect(reasonText(visitor({ device_name: 'iPhone', device_type: 'mobile' }))).toBe(
      'online on iPhone',
    );
    expect(reasonText(visitor({ is_waiting_for_call: true }))).toBe(
      'waiting for a call on desktop',
    );
    expect(reasonText(visitor({ is_in_session: true, device_type: null }))).toBe(
      'in a session on unknown device',
    );
    expect(reasonText(visitor({ is_online: false, last_seen_at: minutesAgo(5) }), NOW)).toBe(
      'seen 5m ago',
    );
    expect(reasonText(visitor({ is_online: false, last_seen_at: null }), NOW)).toBe('offline');
  });

  it('in German, a device type keeps its capital beside a name or in a sentence', () => {
    setFallbackMessages(german as Record<string, { message: string }>);
    try {
      expect(reasonText(visitor({ is_waiting_for_call: true, device_type: 'mobile' }))).toBe(
        'wartet auf einen Anruf (Mobilgerät)',
      );
      expect(deviceText(visitor({ device_name: 'iPhone', device_type: 'mobile' }))).toBe(
        'iPhone (Mobilgerät)',
      );
    } finally {
      useEnglish();
    }
  });

  it('words how a visitor was found', () => {
    expect(matchedByText({ kind: 'email' })).toBe('email');
    expect(matchedByText({ kind: 'lookup_code' })).toBe('lookup code');
    expect(matchedByText({ kind: 'helpdesk_user_id', helpdesk: 'zendesk' }, () => 'Zendesk')).toBe(
      'Zendesk user id',
    );
    expect(matchedByText({ kind: 'helpdesk_user_id', helpdesk: 'zendesk' })).toBe(
      'zendesk user id',
    );
  });
});

describe('formatting', () => {
  it('time ago at each step', () => {
    expect(ago(minutesAgo(0.5), NOW)).toBe('just now');
    expect(ago(minutesAgo(59), NOW)).toBe('59m ago');
    expect(ago(minutesAgo(60), NOW)).toBe('1h ago');
    expect(ago(minutesAgo(60 * 49), NOW)).toBe('2d ago');
    expect(ago(new Date(NOW + 60_000).toISOString(), NOW)).toBe('just now');
    expect(ago('not a date', NOW)).toBeNull();
    expect(ago(null, NOW)).toBeNull();
  });

  it('durations', () => {
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(70)).toBe('1 min 10 s');
    expect(formatDuration(240)).toBe('4 min');
    expect(formatDuration(7200)).toBe('2 h');
    expect(formatDuration(7500)).toBe('2 h 5 min');
    expect(lengthText(null, '01:10')).toBe('01:10');
    expect(lengthText(null, '-')).toBeNull();
    expect(lengthText(91, 'ignored')).toBe('1 min 31 s');
  });

  it('names, emails, devices and places', () => {
    expect(visitorLabel(visitor({ name: null, identities: ['', 'Sam'], email: 's@x.io' }))).toBe(
      'Sam',
    );
    expect(
      visitorLabel(visitor({ name: ' ', identities: null, email: null, nickname: null })),
    ).toBe('V1');
    expect(visitorEmail(visitor())).toBe('jane@example.com');
    expect(visitorEmail(visitor({ name: null, identities: null }))).toBeNull();
    expect(deviceText(visitor({ device_name: 'iPhone', device_type: 'mobile' }))).toBe(
      'iPhone (mobile)',
    );
    expect(deviceText(visitor({ device_type: 'hologram' }))).toBe('hologram');
    expect(
      locationText(
        visitor({
          location_city: 'Madrid',
          location_country: 'ES',
          location_country_name: 'spain',
        }),
      ),
    ).toBe('Madrid, Spain');
    expect(
      locationText(visitor({ location_country: null, location_country_name: 'united kingdom' })),
    ).toBe('United Kingdom');
    expect(locationText(visitor({ location_city: null, location_country: null }))).toBeNull();
  });
});

describe('errors in the agent’s words', () => {
  it('known kinds get their sentence, unknown ones keep the worker’s', () => {
    expect(errorText({ kind: 'over_plan_limits', message: 'x' })).toMatch(/plan’s limits/);
    expect(errorText({ kind: 'network', message: 'x' })).toMatch(/Could not reach Upscope/);
    expect(errorText({ kind: 'ambiguous', message: 'Two visitors match.' })).toBe(
      'Two visitors match.',
    );
    expect(errorText({ kind: 'weird', message: '' })).toMatch(/Something went wrong/);
  });

  it('a pause says how long when Upscope said', () => {
    expect(errorText({ kind: 'rate_limited', message: '', retryAfterMs: 29_200 })).toBe(
      'Too many requests: Upscope asked for a pause of 30 s.',
    );
    expect(errorText({ kind: 'rate_limited', message: '' })).toMatch(/Try again in a minute/);
  });

  it('knows which problems need the settings and which a retry', () => {
    expect(needsSettings('invalid_api_key')).toBe(true);
    expect(needsSettings('network')).toBe(false);
    expect(canRetry('network')).toBe(true);
    expect(canRetry('rate_limited')).toBe(false);
    // One table decides for the badge, the toolbar and the pages alike.
    expect(fixFor('no_agent')).toBe('settings');
    expect(fixFor('tab_rate_limited')).toBe('wait');
    expect(fixFor('constructor')).toBe('none');
  });
});

describe('links from visitor data', () => {
  it('only absolute https without credentials', () => {
    expect(safeHttpsUrl('https://shop.example.com/a?b=1')).toBe('https://shop.example.com/a?b=1');
    for (const bad of [
      'javascript:alert(1)',
      'http://shop.example.com',
      'data:text/html,x',
      '/relative',
      'https://user:pw@example.com',
      42,
      null,
    ]) {
      expect(safeHttpsUrl(bad)).toBeNull();
    }
    expect(shortUrl('https://shop.example.com/')).toBe('shop.example.com');
    expect(clampSize(5000, 96, 96)).toBe(96);
    expect(clampSize('9', 96, 96)).toBe(96);
  });
});
