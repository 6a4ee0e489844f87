// Entry point of the content script injected on helpdesk pages. The build makes it one
// self-contained file (vite.config.ts), so it may share import-free modules such as the helpdesk
// table with the worker and pages; whatever it imports counts against its size budget.
import type { Adapter } from './adapter';
import { send, start } from './engine';
import { byHost, byId } from './registry';

// Two copies may run in this isolated world (a static and a dynamic registration, or a copy
// left by an older version of the extension): the newest one takes over.
const KEY = Symbol.for('helpdesk-cobrowse');
const slot = globalThis as unknown as Record<symbol, (() => void) | undefined>;

function boot(adapter: Adapter | undefined): void {
  if (!adapter) return;
  slot[KEY]?.();
  slot[KEY] = start(adapter);
}

const known = byHost(location.hostname);
if (known) boot(known);
// A self-hosted or host-mapped helpdesk the agent added: the worker knows which one it is.
else
  void send({ type: 'site/which' }).then((reply) => boot(reply?.ok ? byId(reply.data) : undefined));
