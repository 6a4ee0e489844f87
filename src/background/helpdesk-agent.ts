import { z } from 'zod';
import { HELPDESK_IDS, type HelpdeskId } from '../shared/helpdesks';
import type { AgentProposal, HelpdeskAgent } from '../shared/protocol';
import { agentMissing, type Settings } from '../shared/settings';
import { storageFamily } from './storage-item';

// The agent signed in to each helpdesk, as its content script read it from the helpdesk's own
// same-origin API (Zendesk /api/v2/users/me.json, Zammad /api/v1/users/me, Intercom
// /ember/admins/me.json). Kept per helpdesk in session storage: in memory, gone with the browser,
// read again on the next ticket. It becomes the agent's name and ID only when the agent says so,
// or when the organisation's policy (AgentIdentitySource "helpdesk") says the helpdesk's word is
// the one to use.

const ReportedSchema = z.strictObject({
  helpdesk: z.enum(HELPDESK_IDS),
  id: z.string(),
  name: z.string(),
  at: z.number(),
});
type Reported = z.infer<typeof ReportedSchema>;

const reported = storageFamily('session', 'agent:', ReportedSchema);
/** The helpdesk agent id the agent answered "Not now" to, per helpdesk, for this browser session. */
const declined = storageFamily('session', 'agent-declined:', z.string());

export async function recordAgent(agent: HelpdeskAgent, now = Date.now()): Promise<void> {
  await reported.set(agent.helpdesk, { ...agent, at: now });
}

/**
 * The agent ID a helpdesk agent gets: the helpdesk's id prefixed with the helpdesk's, e.g.
 * `zendesk-3412`. Sessions are filed in Upscope under this id for the whole team, and a team on
 * two helpdesks would otherwise see Zendesk's user 7 and Zammad's user 7 as one agent; the prefix
 * also tells anyone reading Upscope's session list where the id comes from.
 */
export const agentIdOf = (agent: HelpdeskAgent): string => `${agent.helpdesk}-${agent.id}`;

const plain = ({ helpdesk, id, name }: Reported): HelpdeskAgent => ({ helpdesk, id, name });

/** The agent the given helpdesk reported, else the one reported last by any; null when none. */
export async function reportedAgent(helpdesk?: HelpdeskId | null): Promise<HelpdeskAgent | null> {
  const all = [...(await reported.entries()).values()];
  const own = helpdesk ? all.find((agent) => agent.helpdesk === helpdesk) : undefined;
  const latest = all.sort((a, b) => b.at - a.at)[0];
  const agent = own ?? latest;
  return agent ? plain(agent) : null;
}

/** The settings fields a helpdesk agent decides (both empty before any was reported). */
export function agentFields(agent: HelpdeskAgent | null): Pick<Settings, 'agentName' | 'agentId'> {
  return agent
    ? { agentName: agent.name, agentId: agentIdOf(agent) }
    : { agentName: '', agentId: '' };
}

/**
 * What to offer the agent as their name and ID: the helpdesk's signed-in agent, while the agent
 * has not set both themselves and has not answered "Not now" to this same agent. Never with the
 * policy's AgentIdentitySource "helpdesk" (the helpdesk's word is used without asking).
 */
export async function agentProposal(
  settings: Pick<Settings, 'agentName' | 'agentId'>,
  fromHelpdesk: boolean,
  helpdesk?: HelpdeskId | null,
): Promise<AgentProposal | null> {
  if (fromHelpdesk || !agentMissing(settings)) return null;
  const agent = await reportedAgent(helpdesk);
  if (!agent || (await declined.get(agent.helpdesk)) === agent.id) return null;
  return { ...agent, ...agentFields(agent) };
}

export async function declineAgent(helpdesk: HelpdeskId, id: string): Promise<void> {
  await declined.set(helpdesk, id);
}
