import { fakeBrowser } from '@webext-core/fake-browser';
import type { Runtime } from 'webextension-polyfill';
import { afterAll, beforeAll, beforeEach, vi } from 'vitest';
import { chromeManifest } from '../../../scripts/manifest';
import english from '../../../public/_locales/en/messages.json';
import { originMatchesPattern, type SenderPolicy } from '../../../src/background/sender';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/settings';
import { setFallbackMessages } from '../../../src/wording/i18n';
import { FakeUpscope, startFakeUpscopeServer, type FakeUpscopeServer } from '../../fake-upscope';

const manifest = chromeManifest();

/** A key no payload, page or log may ever contain. */
export const SENTINEL_KEY = 'SENTINEL-KEY-5e1f0c2a9b';
export const EXTENSION_ID = fakeBrowser.runtime.id;
export const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}`;

export const policy: SenderPolicy = {
  runtimeId: EXTENSION_ID,
  extensionOrigin: EXTENSION_ORIGIN,
  isHelpdeskOrigin: (origin) =>
    manifest.content_scripts.some((s) => s.matches.some((p) => originMatchesPattern(origin, p))),
};

export const popupSender: Runtime.MessageSender = {
  id: EXTENSION_ID,
  url: `${EXTENSION_ORIGIN}/src/popup/index.html`,
  origin: EXTENSION_ORIGIN,
} as Runtime.MessageSender;

export function ticketSender(
  tabId = 7,
  origin = 'https://acme.zendesk.com',
  frameId = 0,
): Runtime.MessageSender {
  return {
    id: EXTENSION_ID,
    url: `${origin}/agent/tickets/123`,
    origin,
    frameId,
    tab: {
      id: tabId,
      index: 2,
      windowId: 1,
      active: true,
      highlighted: true,
      incognito: false,
      pinned: false,
    },
  } as Runtime.MessageSender;
}

export interface Background {
  fake: FakeUpscope;
  server: FakeUpscopeServer;
  /** Everything sent to the top frame's content script with tabs.sendMessage. */
  sentToTabs: unknown[];
  /** Messages sent to every frame of a tab (no frameId): badge words for any iframe. */
  sentToEveryFrame: unknown[];
  openPopup: ReturnType<typeof vi.fn>;
  configure(patch?: Partial<Settings>, key?: string | null): Promise<void>;
  apiCalls(): { method: string; path: string; query: Record<string, string> }[];
}

/**
 * The worker's modules on an in-memory browser, talking to the fake Upscope server over real
 * HTTP on 127.0.0.1.
 */
export function useBackground(): Background {
  const bg = {
    sentToTabs: [] as unknown[],
    sentToEveryFrame: [] as unknown[],
  } as unknown as Background;
  beforeAll(async () => {
    // No i18n API here: the worker's badge and toolbar words are the English ones that ship.
    setFallbackMessages(english as Record<string, { message: string }>);
    bg.fake = new FakeUpscope({ apiKeys: { [SENTINEL_KEY]: 'ok', 'other-key': 'ok' } });
    bg.server = await startFakeUpscopeServer(bg.fake);
  });
  beforeEach(async () => {
    fakeBrowser.reset();
    bg.fake.reset();
    bg.sentToTabs.length = 0;
    bg.sentToEveryFrame.length = 0;
    const tabs = fakeBrowser.tabs as unknown as Record<string, unknown>;
    tabs.sendMessage = vi.fn(
      async (_tabId: number, message: unknown, options?: { frameId?: number }) => {
        (options?.frameId === 0 ? bg.sentToTabs : bg.sentToEveryFrame).push(message);
      },
    );
    bg.openPopup = vi.fn(async () => undefined);
    (fakeBrowser.action as unknown as Record<string, unknown>).openPopup = bg.openPopup;
    (fakeBrowser.runtime as unknown as Record<string, unknown>).getManifest = () => manifest;
    // Chrome closes storage.local to content scripts; the key then lives there.
    (fakeBrowser.storage.local as unknown as Record<string, unknown>).setAccessLevel = vi.fn(
      async () => undefined,
    );
    // The ticket tab the sender fixtures point at.
    await fakeBrowser.tabs.create({ url: 'https://acme.zendesk.com/agent/tickets/123' });
  });
  afterAll(async () => {
    await bg.server.close();
  });
  bg.configure = async (patch = {}, key = SENTINEL_KEY) => {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      apiBaseUrl: bg.server.baseUrl,
      agentId: 'agent-7',
      agentName: 'Joe Smith',
      ...patch,
    };
    await fakeBrowser.storage.local.set({ settings });
    if (key !== null)
      await fakeBrowser.storage.local.set({ apiKey: { value: key, rejected: null } });
  };
  bg.apiCalls = () => bg.fake.requests.map(({ method, path, query }) => ({ method, path, query }));
  return bg;
}

/**
 * The APIs the worker's entry point registers on that the in-memory browser lacks: commands,
 * context menus and permission changes, each recording its listeners.
 */
export function stubEntryPointApis() {
  const listening = () => {
    const event = {
      addListener: vi.fn(),
      hasListeners: () => event.addListener.mock.calls.length > 0,
    };
    return event;
  };
  (fakeBrowser.commands as unknown as Record<string, unknown>).onCommand = listening();
  const permissions = fakeBrowser.permissions as unknown as Record<string, unknown>;
  permissions.onAdded = listening();
  permissions.onRemoved = listening();
  Object.assign(fakeBrowser, {
    contextMenus: {
      onClicked: listening(),
      removeAll: vi.fn(async () => undefined),
      create: vi.fn(),
    },
  });
}
