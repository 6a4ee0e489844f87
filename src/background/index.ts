import browser from 'webextension-polyfill';

// Listeners must be registered synchronously at start-up: the worker is stopped when idle and only
// events whose listeners exist in the first turn wake it again.
browser.runtime.onInstalled.addListener(({ reason }) => {
  if (reason === 'install') void browser.runtime.openOptionsPage();
});
