// Unit tests run outside an extension, where webextension-polyfill refuses to load. They get an
// in-memory browser instead (vitest.config.ts aliases the import here).
import { fakeBrowser } from '@webext-core/fake-browser';

export default fakeBrowser;
