import type { Adapter } from '../adapter';

// Lightning record pages: the Case's Contact Email, or the Web Email it arrived with.
export const salesforce: Adapter = {
  id: 'salesforce',
  url: /^\/lightning\/r\/Case\/(500[A-Za-z0-9]{12,15})\/view/,
  email:
    'records-record-layout-item[field-label="Contact Email"] a[href^="mailto:"], records-record-layout-item[field-label="Web Email"] a[href^="mailto:"]',
  name: 'records-record-layout-item[field-label="Contact Name"] a',
};
