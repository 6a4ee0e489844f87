import type { Adapter } from '../adapter';

// Queues name the issue key at any depth (…/queues/custom/1/KEY-1, …/section/…/custom/4/KEY-1,
// …/issues/KEY-1), as do /browse/ and a selected issue. The request API knows the reporter; a
// profile set to hide the email leaves the account id (the helpdesk's own id for them) and the
// name, which alone is only a possible match.
export const jsm: Adapter = {
  id: 'jsm',
  url: /(?:^\/browse\/|^\/jira\/servicedesk\/projects\/[^/?#]+\/(?:[^?#]*\/)?|[?&]selectedIssue=)(?<id>[A-Z][A-Z0-9_]+-\d+)(?:[/?#&]|$)/,
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
