import type { Adapter } from '../adapter';

// Server-rendered: the first `.contact-main` is the conversation's main address.
export const freescout: Adapter = {
  id: 'freescout',
  url: /\/conversation\/(\d+)(?:[/?#]|$)/,
  email: '.customer-email .contact-main',
  name: '.customer-snippet .customer-name',
  uid: (root) =>
    /\/customers\/(\d+)\//.exec(
      root.querySelector('.customer-snippet a.customer-name')?.getAttribute('href') ?? '',
    )?.[1],
  anchor: '.customer-snippet .customer-name',
};
