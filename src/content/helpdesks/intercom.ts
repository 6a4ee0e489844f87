import type { Adapter } from '../adapter';

// The Inbox's own Ember endpoint: `user_summary.user_id` is the website's own id for the user.
export const intercom: Adapter = {
  id: 'intercom',
  url: /^\/a\/inbox\/(?<app>[a-z0-9]+)\/.*\/conversations?\/(?<id>\d+)/,
  async api(ticket, get) {
    const path = `/ember/inbox/conversations/${ticket.id}?app_id=${ticket.parts.app}`;
    const user = (await get(path))?.user_summary;
    return (
      user && {
        email: user.email,
        name: user.name,
        externalId: user.user_id,
        helpdeskUserId: user.id,
      }
    );
  },
  // The signed-in teammate, from the same Ember API: {id, name, email, first_name, last_name, …}.
  agent: (get, { parts }) => get(`/ember/admins/me.json?app_id=${parts.app}`),
};
