/** The team's usage as usage.json reports it, counted from the fake's visitors. */
import type { FakeJson, FakeVisitorRecord } from './seed';

/** How usage.json writes its counters: numbers as documented, or strings as some servers do. */
export type CounterType = 'number' | 'string';

export function usageReport(
  visitors: readonly FakeVisitorRecord[],
  nowDate: Date,
  counters: CounterType = 'number',
): unknown {
  const now = nowDate.getTime();
  const startOfDay = new Date(nowDate);
  startOfDay.setUTCHours(0, 0, 0, 0);
  const dayStart = startOfDay.getTime();
  const day = 24 * 3_600_000;
  const month = 30 * day;

  const seenWithin = (v: FakeVisitorRecord, ms: number): boolean => {
    if (v.is_online === true) return true;
    const t = typeof v.last_seen_at === 'string' ? Date.parse(v.last_seen_at) : NaN;
    return Number.isFinite(t) && now - t <= ms;
  };

  const agentsToday = new Set<string>();
  const agentsMonth = new Set<string>();
  const counts = { today: 0, month: 0 };
  const seconds = { today: 0, month: 0 };
  for (const v of visitors) {
    for (const s of v.sessions ?? []) {
      const started = typeof s.started_at === 'string' ? Date.parse(s.started_at) : NaN;
      if (!Number.isFinite(started)) continue;
      const len = typeof s.length_seconds === 'number' ? s.length_seconds : 0;
      const agentIds = (Array.isArray(s.agents) ? s.agents : []).map((a) =>
        String((a as FakeJson | null)?.id ?? (a as FakeJson | null)?.name ?? '?'),
      );
      if (now - started <= month) {
        counts.month += 1;
        seconds.month += len;
        agentIds.forEach((id) => agentsMonth.add(id));
      }
      if (started >= dayStart) {
        counts.today += 1;
        seconds.today += len;
        agentIds.forEach((id) => agentsToday.add(id));
      }
    }
  }

  const n = (value: number): number | string => (counters === 'string' ? String(value) : value);
  return {
    usage: {
      visitors: {
        online_now: n(visitors.filter((v) => v.is_online === true).length),
        last_24_hrs: n(visitors.filter((v) => seenWithin(v, day)).length),
        last_30_days: n(visitors.filter((v) => seenWithin(v, month)).length),
      },
      agents: { today: n(agentsToday.size), last_30_days: n(agentsMonth.size) },
      session_counts: {
        now: n(visitors.filter((v) => v.is_in_session === true).length),
        today: n(counts.today),
        last_30_days: n(counts.month),
      },
      session_seconds: { today: n(seconds.today), last_30_days: n(seconds.month) },
    },
  };
}
