import { describe, expect, it } from 'vitest';
import { buildWatchUrlBody } from '../../../src/api/watch-url';
import {
  permissionsFor,
  ticketAddress,
  watchRequestFor,
  type SessionTicket,
} from '../../../src/background/session-request';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/settings';

// The watch_url body a team's settings produce, as the client sends it (snake_case).

const settings = (patch: Partial<Settings> = {}): Settings => ({
  ...DEFAULT_SETTINGS,
  agentId: 'agent-7',
  agentName: 'Joe Smith',
  ...patch,
});

const ticket: SessionTicket = {
  helpdesk: 'zendesk',
  ticketId: '123',
  url: 'https://acme.zendesk.com/agent/tickets/123',
};

const body = (s: Settings, from: SessionTicket | null) =>
  buildWatchUrlBody(watchRequestFor(s, from));

describe('permission presets', () => {
  it('Full control (the default) sends no permissions at all: the site’s own settings apply', () => {
    expect(DEFAULT_SETTINGS.permissionsPreset).toBe('full');
    expect(DEFAULT_SETTINGS.allowConsole).toBe(false);
    expect(body(settings(), ticket)).not.toHaveProperty('permissions');
  });

  it('Full control with the console switch grants only the console', () => {
    expect(body(settings({ allowConsole: true }), ticket).permissions).toEqual({
      allow_console: true,
    });
  });

  it('Guide allows drawing and scrolling and refuses every other control', () => {
    expect(body(settings({ permissionsPreset: 'guide' }), ticket).permissions).toEqual({
      allow_click: false,
      allow_type: false,
      allow_scroll: true,
      allow_draw: true,
      allow_audio: false,
      allow_agent_redirect: false,
      allow_console: false,
    });
  });

  it('View only refuses everything, scrolling included', () => {
    const sent = body(settings({ permissionsPreset: 'view' }), ticket).permissions;
    expect(sent).toEqual({
      allow_click: false,
      allow_type: false,
      allow_scroll: false,
      allow_draw: false,
      allow_audio: false,
      allow_agent_redirect: false,
      allow_console: false,
    });
  });

  it('the console switch applies on top of any preset', () => {
    for (const preset of ['view', 'guide'] as const) {
      expect(permissionsFor({ permissionsPreset: preset, allowConsole: true })).toMatchObject({
        allowConsole: true,
      });
    }
  });
});

describe('the ticket on the session', () => {
  it('a start from a ticket carries helpdesk, ticket id and ticket URL as flat metadata', () => {
    expect(body(settings(), ticket).metadata).toEqual({
      helpdesk: 'zendesk',
      ticket_id: '123',
      ticket_url: 'https://acme.zendesk.com/agent/tickets/123',
    });
  });

  it('a start from a search carries no metadata', () => {
    expect(body(settings(), null)).not.toHaveProperty('metadata');
  });

  it('leaves out a ticket id or an address it does not have', () => {
    expect(body(settings(), { helpdesk: 'gmail', ticketId: null, url: null }).metadata).toEqual({
      helpdesk: 'gmail',
    });
  });

  it('sends only an https address, without credentials, keeping where hash-routed helpdesks put the ticket', () => {
    expect(ticketAddress('http://acme.zendesk.com/agent/tickets/1')).toBeNull();
    expect(ticketAddress('chrome-extension://abc/page.html')).toBeNull();
    expect(ticketAddress('not a url')).toBeNull();
    expect(ticketAddress('https://user:pw@help.acme.com/#ticket/zoom/12')).toBe(
      'https://help.acme.com/#ticket/zoom/12',
    );
    expect(ticketAddress(`https://acme.zendesk.com/${'a'.repeat(1000)}`)).toBeNull();
  });
});

describe('back to the ticket', () => {
  it('is off by default: no on_end_url', () => {
    expect(DEFAULT_SETTINGS.returnToTicket).toBe(false);
    expect(body(settings(), ticket).branding).not.toHaveProperty('on_end_url');
  });

  it('sends the ticket’s address as branding.on_end_url when switched on', () => {
    expect(body(settings({ returnToTicket: true }), ticket).branding).toMatchObject({
      on_end_url: 'https://acme.zendesk.com/agent/tickets/123',
    });
  });

  it('never for a start from a search, nor for a ticket without an https address', () => {
    const on = settings({ returnToTicket: true });
    expect(body(on, null).branding).not.toHaveProperty('on_end_url');
    const plain = { ...ticket, url: 'http://help.local/tickets/1' };
    expect(body(on, plain).branding).not.toHaveProperty('on_end_url');
  });
});

describe('the session screen', () => {
  it('sends naked: "page_only" and keeps no_bottom_bar', () => {
    const s = settings({ branding: { naked: 'page_only', noBottomBar: true, retryUrl: null } });
    expect(body(s, ticket).branding).toEqual({
      naked: 'page_only',
      no_bottom_bar: true,
      retry_url: null,
    });
  });
});
