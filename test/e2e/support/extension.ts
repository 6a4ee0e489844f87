import type { Worker } from '@playwright/test';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/settings';
import { DEMO_API_KEY } from '../../fake-upscope';

export const DEMO_AGENT = { agentId: 'agent-7', agentName: 'Joe Smith' };

/**
 * Puts settings (and a key) straight into the extension's storage, as if the agent had saved
 * them in the options page, so tests that are about something else start configured.
 */
export async function configureExtension(
  serviceWorker: Worker,
  options: { apiKey?: string | null; settings?: Partial<Settings> } = {},
): Promise<void> {
  const settings: Settings = { ...DEFAULT_SETTINGS, ...DEMO_AGENT, ...options.settings };
  const apiKey = options.apiKey === undefined ? DEMO_API_KEY : options.apiKey;
  await serviceWorker.evaluate(
    async ({ settings, apiKey }) => {
      await chrome.storage.local.set({ settings });
      if (apiKey) await chrome.storage.local.set({ apiKey: { value: apiKey, rejected: null } });
      else await chrome.storage.local.remove('apiKey');
    },
    { settings, apiKey },
  );
}
