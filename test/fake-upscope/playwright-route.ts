/**
 * Mounts a FakeUpscope inside a Playwright browser context, so the browser's
 * requests to the real vendor hosts are answered by the fake. Since Playwright
 * 1.55, `context.route()` also intercepts an extension service worker's own
 * fetches, so the extension under test keeps its production host permissions.
 */
import type { BrowserContext, Route } from '@playwright/test';
import type { FakeRequest } from './http';
import { SCREENSHOT_ORIGIN } from './screenshots';
import type { FakeUpscope } from './server';

export const DEFAULT_API_ORIGIN = 'https://api.upscope.io';

export async function routeFakeUpscope(
  context: BrowserContext,
  fake: FakeUpscope,
  options: { apiOrigin?: string } = {},
): Promise<void> {
  const apiOrigin = new URL(options.apiOrigin ?? DEFAULT_API_ORIGIN).origin;
  const handler = (route: Route): Promise<void> => answer(fake, route);
  await context.route((url) => url.origin === apiOrigin, handler);
  await context.route((url) => url.origin === SCREENSHOT_ORIGIN, handler);
  // Read at match time: the watch origin can be changed after routing.
  await context.route((url) => url.origin === fake.watchOrigin, handler);
}

async function answer(fake: FakeUpscope, route: Route): Promise<void> {
  const request = route.request();
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(await request.allHeaders())) {
    // HTTP/2 pseudo-headers are not request headers a server would see.
    if (!name.startsWith(':')) headers[name.toLowerCase()] = value;
  }
  const fakeRequest: FakeRequest = {
    method: request.method(),
    url: request.url(),
    headers,
    body: request.postData(),
  };
  const response = await fake.handle(fakeRequest);
  if (response.delayMs && response.delayMs > 0) {
    await new Promise((resolve) => setTimeout(resolve, response.delayMs));
  }
  try {
    if (response.drop) {
      await route.abort('connectionreset');
      return;
    }
    await route.fulfill({
      status: response.status,
      headers: { 'access-control-allow-origin': '*', ...response.headers },
      body: response.bodyBytes ? Buffer.from(response.bodyBytes) : response.body,
    });
  } catch {
    // The page, worker or context went away during the delay; nobody is waiting for an answer.
  }
}
