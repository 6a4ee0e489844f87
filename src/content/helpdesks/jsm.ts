import type { Adapter } from '../adapter';

// Queues, issue views and /browse/ all name the issue key; the request API knows the reporter.
export const jsm: Adapter = {
  id: 'jsm',
  url: /(?:^\/browse\/|^\/jira\/servicedesk\/projects\/[^/]+\/(?:queues\/.*\/|issues\/)|[?&]selectedIssue=)(?<id>[A-Z][A-Z0-9_]+-\d+)(?:[/?#&]|$)/,
  async api(ticket, get) {
    const reporter = (await get(`/rest/servicedeskapi/request/${ticket.id}`))?.reporter;
    return (
      reporter && {
        email: reporter.emailAddress,
        name: reporter.displayName,
        helpdeskUserId: reporter.accountId,
      }
    );
  },
};
