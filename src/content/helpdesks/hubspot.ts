import { join, type Adapter } from '../adapter';

// The app's own CRM API: GETs carry the CSRF header from the `hubspotapi-csrf` cookie.
export const hubspot: Adapter = {
  id: 'hubspot',
  url: /^\/(?:help-desk|contacts)\/(?<portal>\d+)\/(?:.*\/ticket|record\/0-5)\/(?<id>\d+)(?:[/?#]|$)/,
  async api(t, get) {
    const csrf = /(?:^|; )hubspotapi-csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '';
    const h = { 'X-HubSpot-CSRF-hubspotapi': csrf };
    const q = `portalId=${t.g.portal}`;
    const ticket = await get(`/api/crm/v3/objects/tickets/${t.id}?associations=contacts&${q}`, h);
    if (!ticket) return;
    const cid = ticket.associations?.contacts?.results?.[0]?.id;
    if (!/^\d+$/.test(cid)) return {};
    const p = (
      await get(`/api/crm/v3/objects/contacts/${cid}?properties=email,firstname,lastname&${q}`, h)
    )?.properties;
    return { email: p?.email, name: join(p?.firstname, p?.lastname), helpdeskUserId: cid };
  },
};
