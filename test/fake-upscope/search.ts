/**
 * Upscope's visitor search as the fake understands it: every space-separated token must match
 * (online, -online, id:, ip:, integration_id:<name>:<id>, #tag, a four-digit lookup code, an
 * email, a short id, or a piece of a name).
 */
import type { FakeVisitorRecord } from './seed';

export function searchVisitors(
  visitors: readonly FakeVisitorRecord[],
  query: string,
): FakeVisitorRecord[] {
  const tokens = query.trim().split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return [...visitors];
  return visitors.filter((v) => tokens.every((t) => tokenMatches(v, t)));
}

function tokenMatches(v: FakeVisitorRecord, token: string): boolean {
  const lower = token.toLowerCase();
  if (lower === 'online') return v.is_online === true;
  if (lower === '-online') return v.is_online !== true;
  if (lower.startsWith('id:')) return v.unique_id != null && String(v.unique_id) === token.slice(3);
  if (lower.startsWith('ip:')) return v.ip_address === token.slice(3);
  if (lower.startsWith('integration_id:')) {
    const rest = token.slice('integration_id:'.length);
    const colon = rest.indexOf(':');
    if (colon <= 0) return false;
    const name = rest.slice(0, colon).toLowerCase();
    const id = rest.slice(colon + 1);
    return v._integrationIds?.[name] === id;
  }
  if (token.startsWith('#'))
    return (v.tags ?? []).some((t) => typeof t === 'string' && t.toLowerCase() === lower);
  if (/^\d{4}$/.test(token)) return v.lookup_code === token;
  if (token.includes('@')) {
    return [v.email, ...(v.identities ?? [])].some(
      (s) => typeof s === 'string' && s.toLowerCase() === lower,
    );
  }
  if (v.short_id.toLowerCase() === lower) return true;
  const haystack = [v.email, v.name, v.nickname, v.unique_id, ...(v.identities ?? [])];
  return haystack.some((s) => typeof s === 'string' && s.toLowerCase().includes(lower));
}
