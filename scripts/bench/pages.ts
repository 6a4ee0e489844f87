// Pages and in-page scripts for `npm run bench`. Everything that runs in the browser is a plain
// string: tsx rewrites functions (it adds `__name(…)` helpers), so serialised functions would not
// run in a page as written.

/** The tickets of the large page, each in its own Agent Workspace tab; the first is in view. */
export const BIG_TICKETS = Array.from({ length: 10 }, (_, i) => 1001 + i);

/** Conversation entries per ticket: 10 tickets × 180 entries × 6 elements ≈ 11,000 elements. */
const ENTRIES_PER_TICKET = 180;

/** Entries added per mutation batch, replacing the last batch's. */
export const BATCH_ENTRIES = 40;
/** Each live entry: 6 elements and 5 text nodes. */
export const NODES_PER_ENTRY = 11;

function workspace(id: number, visible: boolean): string {
  const entries = Array.from(
    { length: ENTRIES_PER_TICKET },
    (_, i) =>
      `<article data-test-id="omni-log-comment-item"><div data-test-id="omni-log-item-sender">${i % 2 ? 'Joe Smith' : `Customer ${id}`}</div>` +
      `<p>Message ${i} on ticket ${id}: the checkout button <b>still</b> does nothing.</p>` +
      `<blockquote>On day ${i}, support@acme.zendesk.com wrote: <em>we are on it</em> (agent${i}@acme.com)</blockquote></article>`,
  ).join('');
  return (
    `<div class="workspace" data-ticket="${id}"${visible ? '' : ' style="display: none;"'}>` +
    `<section data-test-id="ticket-properties"><label>Requester</label>` +
    `<div data-test-id="ticket-system-field-requester-select">Jane Doe</div></section>` +
    `<div data-side-conversations-anchor-id="${id}"><h2 data-test-id="omni-header-subject">Ticket ${id}</h2>` +
    `<div class="log">${entries}</div>` +
    `<div id="editor-view-${id}"><img data-garden-id="tags.avatar" alt="jane.doe@example.com"><span>Jane Doe</span></div>` +
    `</div></div>`
  );
}

/**
 * The page's own router and activity, driven by the benchmark: `navigate` moves between tickets
 * as Zendesk does (pushState, then the matching workspace shown and the others hidden), `churn`
 * replaces a block of conversation entries in the visible ticket, one batch per task.
 */
const PAGE_SCRIPT = String.raw`
(() => {
  const panes = document.getElementById('main_panes');
  const wait = (ms) => new Promise((r) => setTimeout(r, ms));
  const show = (id) => {
    for (const ws of panes.children) ws.style.display = ws.dataset.ticket === String(id) ? '' : 'none';
  };
  const visible = () => [...panes.children].find((ws) => ws.style.display !== 'none');
  let block = null;
  const entry = (i) => {
    const a = document.createElement('article');
    const who = document.createElement('div');
    who.textContent = 'Jane Doe';
    const p = document.createElement('p');
    p.append('Live update ' + i + ': ', Object.assign(document.createElement('b'), { textContent: 'typing' }));
    const q = document.createElement('blockquote');
    q.append('support@acme.zendesk.com wrote: ', Object.assign(document.createElement('em'), { textContent: 'ok' }));
    a.append(who, p, q);
    return a;
  };
  window.__bench = {
    async navigate(ids, gap) {
      for (const id of ids) {
        history.pushState({}, '', '/agent/tickets/' + id);
        show(id);
        await wait(gap);
      }
    },
    async churn(batches, size, gap) {
      for (let b = 0; b < batches; b++) {
        const next = document.createElement('div');
        next.className = 'live';
        next.dataset.batch = String(b);
        for (let i = 0; i < size; i++) next.append(entry(i));
        block?.remove();
        visible().querySelector('.log').append(next);
        block = next;
        await wait(gap);
      }
    },
    size() {
      let nodes = 0;
      const walk = document.createTreeWalker(document.documentElement);
      while (walk.nextNode()) nodes++;
      return { elements: document.getElementsByTagName('*').length, nodes };
    },
  };
})();
`;

/**
 * The yardstick: what a naive extension does to find emails on a page. A body-wide observer of
 * children, attributes and text that re-scans the whole document on every batch.
 */
export const NAIVE_SCANNER = String.raw`
(() => {
  const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
  const scan = () => {
    const found = new Set();
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let n = walk.currentNode; n; n = walk.nextNode()) {
      if (n.nodeType === Node.TEXT_NODE) {
        for (const m of n.data.matchAll(EMAIL)) found.add(m[0].toLowerCase());
      } else {
        for (const attr of n.attributes) {
          if (attr.value.includes('@')) for (const m of attr.value.matchAll(EMAIL)) found.add(m[0].toLowerCase());
        }
      }
    }
    window.__naiveFound = found.size;
  };
  new MutationObserver(scan).observe(document.body, {
    childList: true, subtree: true, attributes: true, characterData: true,
  });
  scan();
})();
`;

/** A Zendesk Agent Workspace page with ten open tickets (10,000+ elements), optionally the yardstick. */
export function bigTicketPage(options: { naive: boolean }): string {
  const [first] = BIG_TICKETS;
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ticket #${first} – Acme Support</title></head><body>` +
    `<header data-test-id="header-toolbar"><div data-test-id="current-user">` +
    `<img data-garden-id="tags.avatar" alt="joe.smith@acme.com"> Joe Smith</div></header>` +
    `<div id="main_panes">${BIG_TICKETS.map((id) => workspace(id, id === first)).join('')}</div>` +
    `<script>${PAGE_SCRIPT}</script>` +
    (options.naive ? `<script>${NAIVE_SCANNER}</script>` : '') +
    `</body></html>`
  );
}

/** Installed before any page script: the moment the badge's host element enters the DOM. */
export const BADGE_TIMER = String.raw`
(() => {
  const seen = new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) {
      if (n.nodeName === 'COBROWSE-BADGE' && window.__badgeAt === undefined) {
        window.__badgeAt = performance.now();
        seen.disconnect();
        return;
      }
    }
  });
  seen.observe(document, { childList: true, subtree: true });
})();
`;

/** The same for the popup: when the cached visitor's card first appears (from navigation start). */
export const VISITOR_TIMER = String.raw`
(() => {
  const check = () => {
    if (window.__visitorAt === undefined && document.querySelector('[data-testid="visitor"]')) {
      window.__visitorAt = performance.now();
      seen.disconnect();
    }
  };
  const seen = new MutationObserver(check);
  seen.observe(document, { childList: true, subtree: true });
})();
`;
