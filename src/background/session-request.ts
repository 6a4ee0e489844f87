import type { WatchUrlPermissions, WatchUrlRequest } from '../api';
import type { HelpdeskId } from '../shared/helpdesks';
import type { PermissionsPreset, Settings } from '../shared/settings';

// What a watch_url request says besides the agent: what the agent may do in the session, which
// ticket it serves, and where the agent goes when it ends. Pure, so every rule is unit-tested.

/** The ticket a session is started from, as the worker knows it (never from the page's text). */
export interface SessionTicket {
  helpdesk: HelpdeskId;
  ticketId: string | null;
  /** The ticket tab's address as the browser reported it, already checked by ticketAddress. */
  url: string | null;
}

/**
 * What each preset sends. Every preset but 'full' names every control, so the site's own
 * settings cannot widen it:
 * - 'view': the agent watches and nothing else. Scrolling is off too: it moves the customer's
 *   page under them, and what the customer scrolls the agent sees anyway. Audio is off: a call
 *   is more than watching; the team can choose Guide or Full for it.
 * - 'guide': the agent points the way (draws on the page and scrolls it) but never clicks or
 *   types for the customer, nor sends them elsewhere.
 * - 'full': nothing is sent, so the website's own Upscope settings decide.
 * Console access is a separate switch (see permissionsFor).
 */
const PRESETS: Record<PermissionsPreset, Omit<WatchUrlPermissions, 'allowConsole'> | null> = {
  view: {
    allowClick: false,
    allowType: false,
    allowScroll: false,
    allowDraw: false,
    allowAudio: false,
    allowAgentRedirect: false,
  },
  guide: {
    allowClick: false,
    allowType: false,
    allowScroll: true,
    allowDraw: true,
    allowAudio: false,
    allowAgentRedirect: false,
  },
  full: null,
};

/**
 * The permissions to send, or undefined to send none. With 'full' the console is only ever
 * granted, never refused (refusing would narrow what the site allows, which 'full' promises not
 * to do); with the other presets it is always stated, false unless the switch is on.
 */
export function permissionsFor(
  settings: Pick<Settings, 'permissionsPreset' | 'allowConsole'>,
): WatchUrlPermissions | undefined {
  const preset = PRESETS[settings.permissionsPreset];
  if (!preset) return settings.allowConsole ? { allowConsole: true } : undefined;
  return { ...preset, allowConsole: settings.allowConsole };
}

/** Metadata strings are at most this long (the client refuses longer ones). */
const MAX_METADATA_TEXT = 1000;

/**
 * The ticket tab's address as it may go to Upscope (in metadata, and as the address to return
 * to): https only, without credentials. The query and the fragment stay: some helpdesks address
 * the ticket there (Zammad's `#ticket/zoom/12`, Gmail's `#inbox/<thread>`). Null otherwise.
 */
export function ticketAddress(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  url.username = '';
  url.password = '';
  return url.href.length <= MAX_METADATA_TEXT ? url.href : null;
}

/** The flat metadata filed with the session: which ticket it served, and nothing else. */
export function ticketMetadata(ticket: SessionTicket): Record<string, string> {
  const metadata: Record<string, string> = { helpdesk: ticket.helpdesk };
  if (ticket.ticketId) metadata.ticket_id = ticket.ticketId;
  const url = ticketAddress(ticket.url);
  if (url) metadata.ticket_url = url;
  return metadata;
}

/**
 * The whole watch_url request for these settings. `ticket` is null for a session started from
 * the popup's search: then no ticket fields are sent and the agent is not sent back anywhere.
 */
export function watchRequestFor(settings: Settings, ticket: SessionTicket | null): WatchUrlRequest {
  const returnTo = settings.returnToTicket && ticket ? ticketAddress(ticket.url) : null;
  const permissions = permissionsFor(settings);
  return {
    agent: { id: settings.agentId, name: settings.agentName },
    branding: {
      naked: settings.branding.naked,
      noBottomBar: settings.branding.noBottomBar,
      retryUrl: settings.branding.retryUrl,
      ...(returnTo ? { onEndUrl: returnTo } : {}),
    },
    ...(permissions ? { permissions } : {}),
    ...(ticket ? { metadata: ticketMetadata(ticket) } : {}),
  };
}
