import { join, type Adapter } from '../adapter';

// Zoho's agent app reads its own API (/supportapi/zd/{portal}/api/v1/…) with the session cookie
// and an orgId header. The page keeps that id only in a script global (window.desk_urls), out of
// a content script's reach, and no cookie, meta tag or URL part is known to carry it. Zoho's API
// documentation says every endpoint but /organizations needs the orgId: so the organizations the
// agent belongs to are asked first, and the one whose portal the URL names gives the id. No code
// runs in the page's world. The DOM is the fallback (its hooks are unconfirmed).
export const zohodesk: Adapter = {
  id: 'zohodesk',
  url: /^\/agent\/(?<portal>[^/]+)\/[^/]+\/tickets\/details\/(?<id>\d+)(?:[/?#]|$)/,
  async api({ id, parts: { portal } }, get) {
    const base = `/supportapi/zd/${portal}/api/v1/`;
    const orgId = (await get(base + 'organizations'))?.data?.find(
      (org: { portalName?: unknown }) => org.portalName === portal,
    )?.id;
    const ticket = orgId && (await get(`${base}tickets/${id}?include=contacts`, { orgId }));
    const contact = ticket?.contact;
    return (
      ticket && {
        email: contact?.email || ticket.email,
        name: join(contact?.firstName, contact?.lastName),
        helpdeskUserId: ticket.contactId,
      }
    );
  },
  email: '[data-id="contactEmail"], [data-id="ticketContactEmail"] a[href^="mailto:"]',
  name: '[data-id="contactName"]',
};
