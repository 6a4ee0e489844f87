import { beforeAll, describe, expect, it } from 'vitest';
import english from '../../../public/_locales/en/messages.json';
import german from '../../../public/_locales/de/messages.json';
import { errorText, readOnSettingsPage } from '../../../src/wording/errors';
import { setFallbackMessages } from '../../../src/wording/i18n';

// On the settings page a failure names what to fix, never "in the settings": the agent is there.

const KINDS = [
  'invalid_api_key',
  'subscription_expired',
  'unauthorized',
  'redirected',
  'no_key',
  'key_other_origin',
  'no_agent',
  'endpoint_not_found',
];

describe('error words on the settings page', () => {
  beforeAll(() => readOnSettingsPage());

  it.each([
    ['English', english, /settings/i],
    ['German', german, /Einstellungen/],
  ])('never send the agent to the settings (%s)', (_name, messages, settings) => {
    setFallbackMessages(messages as Record<string, { message: string }>);
    for (const kind of KINDS) {
      const worded = errorText({ kind, message: 'Check the API endpoint in the settings.' });
      expect(worded, kind).not.toMatch(settings);
      expect(worded, kind).not.toBe(kind);
    }
  });
});
