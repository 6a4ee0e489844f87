// Entry point of the content script injected on helpdesk pages. The build makes it one
// self-contained file (vite.config.ts); whatever it imports counts against its size budget, so
// the helpdesk table stays in the worker, which says which helpdesk this page is.
import type { Adapter } from './adapter';
import { send, start } from './engine';
import { knowVendorMail } from './identity';
import { byId } from './registry';

// Two copies may run in this isolated world (a static and a dynamic registration, or a copy
// left by an older version of the extension): the newest one takes over.
const KEY = Symbol.for('helpdesk-cobrowse');
const slot = globalThis as unknown as Record<symbol, (() => void) | undefined>;

function boot(adapter: Adapter | undefined): void {
  if (!adapter) return;
  slot[KEY]?.();
  slot[KEY] = start(adapter);
}

// A vendor's host (the manifest's) or a custom domain the agent added: the worker knows which.
void send({ type: 'site/which' }).then((reply) => {
  if (!reply?.ok || !reply.data) return;
  knowVendorMail(reply.data.vendorMail);
  boot(byId(reply.data.helpdesk));
});
