import type { Adapter } from '../adapter';

// Staff panel, often under a sub-path (/support/scp/); `id` is the internal ticket id.
export const osticket: Adapter = {
  id: 'osticket',
  url: /\/scp\/tickets\.php\?(?:[^#]*&)?id=(\d+)(?:[&#]|$)/,
  email: 'table.ticket_info [id^="user-"][id$="-email"]',
  name: 'table.ticket_info [id^="user-"][id$="-name"]',
  uid: (root) => /^user-(\d+)-email$/.exec(root.querySelector('[id$="-email"]')?.id ?? '')?.[1],
};
