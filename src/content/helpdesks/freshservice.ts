import type { Adapter } from '../adapter';
import { freshdesk, freshworks } from './freshdesk';

// The same Freshworks platform; its customers are requesters (employees).
export const freshservice: Adapter = {
  ...freshdesk,
  id: 'freshservice',
  api: freshworks('requesters', 'requester'),
};
