import { join, type Adapter } from '../adapter';

const cookie = (name: string) => new RegExp(`(?:^|; )${name}=([^;]+)`).exec(document.cookie)?.[1];

// The app's own CRM API: GETs carry the CSRF header. Its token is in the `hubspotapi-csrf`
// cookie where public scripts read it, in `csrf.app` where another extension does.
export const hubspot: Adapter = {
  id: 'hubspot',
  url: /^\/(?:help-desk|contacts)\/(?<portal>\d+)\/(?:.*\/ticket|record\/0-5)\/(?<id>\d+)(?:[/?#]|$)/,
  async api(ticket, get) {
    const headers = {
      'X-HubSpot-CSRF-hubspotapi': cookie('hubspotapi-csrf') ?? cookie('csrf\\.app') ?? '',
    };
    const portal = `portalId=${ticket.parts.portal}`;
    const json = await get(
      `/api/crm/v3/objects/tickets/${ticket.id}?associations=contacts&${portal}`,
      headers,
    );
    if (!json) return;
    const contactId = json.associations?.contacts?.results?.[0]?.id;
    if (!/^\d+$/.test(contactId)) return {};
    const contact = (
      await get(
        `/api/crm/v3/objects/contacts/${contactId}?properties=email,firstname,lastname&${portal}`,
        headers,
      )
    )?.properties;
    return {
      email: contact?.email,
      name: join(contact?.firstname, contact?.lastname),
      helpdeskUserId: contactId,
    };
  },
};
