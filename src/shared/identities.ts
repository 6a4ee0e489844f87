import { z } from 'zod';

/** Visible ASCII, no spaces: ids go into search queries such as `id:<value>`. */
const ID = /^[\x21-\x7e]+$/;

/**
 * Who the customer on a ticket is, as the content script read it. Every field is bounded and
 * validated here, in the worker: the page the content script runs in is not trusted.
 */
export const IdentitiesSchema = z
  .strictObject({
    email: z.email().max(254).toLowerCase(),
    /** The website's own user id (Upscope's `unique_id`), when the helpdesk carries it. */
    externalId: z.string().trim().min(1).max(128).regex(ID),
    /**
     * The helpdesk's own id for the requester, matched through `integration_id:`. Up to 128: a
     * Jira Service Management portal customer's account id (`qm:<uuid>:<uuid>`) is 76.
     */
    helpdeskUserId: z.string().trim().min(1).max(128).regex(ID),
    /** A 4-digit code the customer read out or wrote in the ticket. */
    lookupCode: z.string().regex(/^\d{4}$/),
    name: z.string().trim().min(1).max(128),
  })
  .partial()
  .refine((ids) => Object.values(ids).some((v) => v !== undefined), 'No identity given.');

export type Identities = z.infer<typeof IdentitiesSchema>;
