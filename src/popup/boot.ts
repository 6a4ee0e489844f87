import browser from 'webextension-polyfill';
import { send } from '../shared/page-send';
import { setupOnly, type Boot } from './use-tab-state';

// How the popup window finds its tab and asks its first question. Another page (a side panel)
// finds its tab its own way and hands the panels the same Boot.

/** The tab the popup speaks about: `?tab=` when given (tests, a pinned popup), else the active tab. */
export function readTabParam(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d{1,10}$/.test(raw)) return null;
  const id = Number(raw);
  return id <= 2 ** 31 ? id : null;
}

async function currentTabId(search: string): Promise<number | null> {
  const fromParam = readTabParam(search);
  if (fromParam !== null) return fromParam;
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id ?? null;
  } catch {
    return null;
  }
}

/** Starts the first question before anything renders, so the answer is not held up by painting. */
export function boot(search: string): Boot {
  const tabId = currentTabId(search);
  const cached = tabId.then((id) =>
    id === null ? setupOnly() : send({ type: 'tab/state', tabId: id, refresh: false }),
  );
  const pending = send({ type: 'search/take-pending' }).then((reply) =>
    reply.ok ? reply.data : null,
  );
  return { tabId, cached, search: pending };
}
