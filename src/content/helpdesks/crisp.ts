import type { Adapter } from '../adapter';

export const crisp: Adapter = {
  id: 'crisp',
  url: /^\/website\/[^/]+\/inbox\/(session_[0-9a-f-]+)/,
  email: '.c-conversation-profile__email',
  name: '.c-conversation-profile__name',
};
