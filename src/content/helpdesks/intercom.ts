import type { Adapter } from '../adapter';

// The Inbox's own Ember endpoint: `user_summary.user_id` is the website's own id for the user.
export const intercom: Adapter = {
  id: 'intercom',
  url: /^\/a\/inbox\/(?<app>[a-z0-9]+)\/.*\/conversations?\/(?<id>\d+)/,
  async api(t, get) {
    const u = (await get(`/ember/inbox/conversations/${t.id}?app_id=${t.g.app}`))?.user_summary;
    return u && { email: u.email, name: u.name, externalId: u.user_id, helpdeskUserId: u.id };
  },
};
