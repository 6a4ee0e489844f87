import { join, type Adapter } from '../adapter';

// The app's own CRM API: GETs carry the CSRF header from the `hubspotapi-csrf` cookie.
export const hubspot: Adapter = {
  id: 'hubspot',
  url: /^\/(?:help-desk|contacts)\/(?<portal>\d+)\/(?:.*\/ticket|record\/0-5)\/(?<id>\d+)(?:[/?#]|$)/,
  async api(ticket, get) {
    const csrf = /(?:^|; )hubspotapi-csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '';
    const headers = { 'X-HubSpot-CSRF-hubspotapi': csrf };
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
