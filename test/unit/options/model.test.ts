import { describe, expect, it } from 'vitest';
import {
  agentIdFrom,
  endpointPermission,
  endpointProblem,
  endpointSuggestion,
  formOf,
  freshnessChoices,
  isDirty,
  maskedKey,
  parseOrigin,
  retryUrlProblem,
  toggleHelpdesk,
  toPatch,
  validate,
} from '../../../src/options/model';
import { DEFAULT_SETTINGS, SettingsPatchSchema } from '../../../src/shared/settings';

const settings = { ...DEFAULT_SETTINGS, agentName: 'Joe Smith', agentId: 'agent-7' };

describe('the endpoint an agent most likely meant', () => {
  it('mends each fault the settings refuse, in turn, into an endpoint they accept', () => {
    const cases: [string, string][] = [
      ['api.userview.example/v1.1', 'https://api.userview.example/v1.1'],
      ['api.upscope.io/v1.1/', 'https://api.upscope.io/v1.1'],
      ['api.example.com:8443/v1', 'https://api.example.com:8443/v1'],
      ['http://api.example.com/v1.1', 'https://api.example.com/v1.1'],
      ['HTTP://api.example.com', 'https://api.example.com'],
      ['https://me:pw@api.example.com/v1.1', 'https://api.example.com/v1.1'],
      ['https://api.example.com/v1.1?team=1', 'https://api.example.com/v1.1'],
      ['https://api.example.com/v1.1#top', 'https://api.example.com/v1.1'],
      ['http://me@api.example.com/v1.1/?x=1', 'https://api.example.com/v1.1'],
    ];
    for (const [typed, meant] of cases) {
      expect(endpointSuggestion(typed), typed).toBe(meant);
      expect(endpointProblem(meant)).toBeNull();
    }
  });

  it('guesses nothing where no single guess is safe, or nothing is wrong', () => {
    for (const typed of [
      '',
      'nope',
      'ftp://api.example.com',
      'javascript:alert(1)',
      'mailto:team@example.com',
      'https://api.upscope.io/v1.1',
      'http://localhost:8080/v1.1',
    ]) {
      expect(endpointSuggestion(typed), typed).toBeNull();
    }
  });
});

describe('the agent ID a name gives', () => {
  it('is the name in lower case, accents off, words joined by dashes', () => {
    expect(agentIdFrom('Joe Smith')).toBe('joe-smith');
    expect(agentIdFrom('  José Müller ')).toBe('jose-muller');
    expect(agentIdFrom("O'Brien, Ann-Marie")).toBe('o-brien-ann-marie');
    expect(agentIdFrom('Ｊｏｅ')).toBe('joe');
  });

  it('keeps letters of every script, and is empty without any', () => {
    expect(agentIdFrom('山田 太郎')).toBe('山田-太郎');
    expect(agentIdFrom('Ольга Петрова')).toBe('ольга-петрова');
    expect(agentIdFrom('김민준')).toBe('김민준');
    expect(agentIdFrom(' -- ')).toBe('');
  });

  it('fits the settings: at most 64 characters, never ending in a dash', () => {
    const id = agentIdFrom(`${'a'.repeat(63)} b`);
    expect(id).toBe('a'.repeat(63));
    expect(validate({ ...formOf(settings), agentId: agentIdFrom('Ann Lee') })).toEqual({});
  });
});

describe('the API endpoint', () => {
  it('gives the reason an endpoint is refused', () => {
    expect(endpointProblem('')).toBe('optionsEndpointEmpty');
    expect(endpointProblem('api.example.com/v1.1')).toBe('optionsEndpointNotUrl');
    expect(endpointProblem('http://api.example.com/v1.1')).toBe('optionsEndpointNotHttps');
    expect(endpointProblem('ftp://api.example.com')).toBe('optionsEndpointNotHttps');
    expect(endpointProblem('https://me:pw@api.example.com')).toBe('optionsEndpointCredentials');
    expect(endpointProblem('https://api.example.com/v1.1?team=1')).toBe('optionsEndpointQuery');
    expect(endpointProblem('https://api.example.com/v1.1#x')).toBe('optionsEndpointQuery');
  });

  it('accepts what the worker’s schema accepts', () => {
    for (const ok of [
      'https://api.upscope.io/v1.1',
      ' https://api.userview.example/v1.3/ ',
      'http://localhost:8080/v1.1',
    ]) {
      expect(endpointProblem(ok)).toBeNull();
      expect(SettingsPatchSchema.safeParse({ apiBaseUrl: ok }).success).toBe(true);
    }
    for (const bad of ['http://api.example.com', 'https://a.example?x=1', 'nope']) {
      expect(endpointProblem(bad)).not.toBeNull();
      expect(SettingsPatchSchema.safeParse({ apiBaseUrl: bad }).success).toBe(false);
    }
  });

  it('asks for a host permission only for a custom https endpoint', () => {
    expect(endpointPermission('https://api.upscope.io/v1.1')).toBeNull();
    expect(endpointPermission('http://localhost:8080/v1.1')).toBe('http://localhost/*');
    expect(endpointPermission('http://127.0.0.1:4000/v1.1')).toBe('http://127.0.0.1/*');
    expect(endpointPermission('http://example.com/v1.1')).toBeNull();
    expect(endpointPermission('https://api.userview.example/v1.1/')).toBe(
      'https://api.userview.example/*',
    );
  });
});

describe('the form', () => {
  it('refuses an empty agent name or id, and a retry address that is not https', () => {
    const form = { ...formOf(settings), agentName: '  ', agentId: '', retryUrl: 'http://x.io' };
    expect(validate(form)).toEqual({
      agentName: 'optionsAgentNameEmpty',
      agentId: 'optionsAgentIdEmpty',
      retryUrl: 'optionsRetryUrlInvalid',
    });
    expect(validate(formOf(settings))).toEqual({});
    expect(retryUrlProblem('')).toBeNull();
  });

  it('saves trimmed values the settings schema accepts', () => {
    const form = {
      ...formOf(settings),
      apiBaseUrl: ' https://api.userview.example/v1.1/ ',
      agentName: ' Joe ',
      retryUrl: '  ',
      noBottomBar: true,
    };
    const patch = toPatch(form);
    expect(patch).toMatchObject({
      apiBaseUrl: 'https://api.userview.example/v1.1',
      agentName: 'Joe',
      branding: { naked: false, noBottomBar: true, retryUrl: null },
    });
    expect(SettingsPatchSchema.parse(patch)).toEqual(patch);
    expect(patch).not.toHaveProperty('customDomains');
  });

  it('saves the session choices: permissions preset, console, return to ticket, page-only screen', () => {
    const form = {
      ...formOf(settings),
      permissionsPreset: 'guide' as const,
      allowConsole: true,
      returnToTicket: true,
      naked: 'page_only' as const,
    };
    const patch = toPatch(form);
    expect(patch).toMatchObject({
      permissionsPreset: 'guide',
      allowConsole: true,
      returnToTicket: true,
      branding: { naked: 'page_only' },
    });
    expect(SettingsPatchSchema.parse(patch)).toEqual(patch);
    expect(isDirty(form, settings)).toBe(true);
  });

  it('knows when there are unsaved changes', () => {
    expect(isDirty(formOf(settings), settings)).toBe(false);
    expect(isDirty({ ...formOf(settings), openIn: 'window' }, settings)).toBe(true);
    expect(isDirty({ ...formOf(settings), agentName: 'Joe Smith ' }, settings)).toBe(false);
  });

  it('turns helpdesks on and off', () => {
    expect(toggleHelpdesk([], 'gmail', false)).toEqual(['gmail']);
    expect(toggleHelpdesk(['gmail', 'front'], 'gmail', true)).toEqual(['front']);
    expect(toggleHelpdesk(['gmail'], 'gmail', false)).toEqual(['gmail']);
  });

  it('offers freshness choices, keeping an unusual saved one', () => {
    expect(freshnessChoices(60)).toContain(60);
    expect(freshnessChoices(90)).toEqual([30, 60, 90, 120, 300, 900, 3600]);
  });

  it('shows only the end of a saved key', () => {
    expect(maskedKey('x7Qa')).toMatch(/^•+x7Qa$/);
    expect(maskedKey(null)).toMatch(/^•+$/);
  });
});

describe('custom helpdesk domains', () => {
  it('reads what an agent types as an https origin', () => {
    expect(parseOrigin('support.acme.com', [])).toEqual({ origin: 'https://support.acme.com' });
    expect(parseOrigin('https://Support.Acme.com/tickets/12?x', [])).toEqual({
      origin: 'https://support.acme.com',
    });
    expect(parseOrigin('https://desk.acme.com:8443', [])).toEqual({
      origin: 'https://desk.acme.com:8443',
    });
  });

  it('refuses what is not an https origin, a duplicate, or a full list', () => {
    for (const bad of [
      '',
      'http://support.acme.com',
      'https://me:pw@acme.com',
      'localhost',
      'ftp://a.b',
    ]) {
      expect(parseOrigin(bad, [])).toEqual({ error: 'optionsCustomInvalid' });
    }
    const existing = [{ origin: 'https://support.acme.com', helpdesk: 'zammad' as const }];
    expect(parseOrigin('support.acme.com', existing)).toEqual({ error: 'optionsCustomDuplicate' });
    expect(parseOrigin('other.acme.com', existing, 1)).toEqual({ error: 'optionsCustomTooMany' });
  });

  it('what it accepts, the settings schema accepts', () => {
    const check = parseOrigin('https://Support.Acme.com/x', []);
    expect('origin' in check).toBe(true);
    if ('origin' in check) {
      expect(
        SettingsPatchSchema.safeParse({
          customDomains: [{ origin: check.origin, helpdesk: 'zammad' }],
        }).success,
      ).toBe(true);
    }
  });
});
