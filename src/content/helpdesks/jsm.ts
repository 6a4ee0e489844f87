import type { Adapter } from '../adapter';

// Queues, issue views and /browse/ all name the issue key; the request API knows the reporter.
export const jsm: Adapter = {
  id: 'jsm',
  url: /(?:^\/browse\/|^\/jira\/servicedesk\/projects\/[^/]+\/(?:queues\/.*\/|issues\/)|[?&]selectedIssue=)(?<id>[A-Z][A-Z0-9_]+-\d+)(?:[/?#&]|$)/,
  async api(t, get) {
    const r = (await get(`/rest/servicedeskapi/request/${t.id}`))?.reporter;
    return r && { email: r.emailAddress, name: r.displayName, helpdeskUserId: r.accountId };
  },
};
