import { t, uiLanguage } from '../wording/i18n';
import type { Usage } from '../shared/page-send';
import { formatDuration } from '../wording/visitor';
import { Section } from './section';
import { Notice } from '../ui/notice';

type Cell = number | null | undefined;

function count(value: Cell): string {
  return typeof value === 'number' && Number.isFinite(value)
    ? new Intl.NumberFormat(uiLanguage()).format(value)
    : '–';
}

function time(value: Cell): string {
  return typeof value === 'number' && Number.isFinite(value) ? formatDuration(value) : '–';
}

/** The team's usage from usage.json: visitors, sessions, session time and agents. */
export function UsageTable({ usage }: { usage: Usage | null }) {
  if (!usage) return <p class="muted">{t('optionsUsageNone')}</p>;
  const rows: [string, string, string, string][] = [
    [
      t('optionsUsageVisitorsOnline'),
      count(usage.visitors?.online_now),
      `${count(usage.visitors?.last_24_hrs)}`,
      count(usage.visitors?.last_30_days),
    ],
    [
      t('optionsUsageSessions'),
      count(usage.session_counts?.now),
      count(usage.session_counts?.today),
      count(usage.session_counts?.last_30_days),
    ],
    [
      t('optionsUsageSessionTime'),
      '–',
      time(usage.session_seconds?.today),
      time(usage.session_seconds?.last_30_days),
    ],
    [t('optionsUsageAgents'), '–', count(usage.agents?.today), count(usage.agents?.last_30_days)],
  ];
  return (
    <>
      <p class="hint">{t('optionsUsageHint')}</p>
      <table class="usage" data-testid="usage">
        <caption class="visually-hidden">{t('optionsUsageCaption')}</caption>
        <thead>
          <tr>
            <td />
            <th scope="col">{t('optionsUsageNow')}</th>
            <th scope="col">{t('optionsUsageToday')}</th>
            <th scope="col">{t('optionsUsage30d')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, now, today, month], index) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{now}</td>
              <td>
                {today}
                {index === 0 && <span class="muted small"> ({t('optionsUsage24h')})</span>}
              </td>
              <td>{month}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function UsageSection({
  usage,
  pausedUntil = null,
}: {
  usage: Usage | null;
  /** When Upscope's pause ends, if that is why the usage was not asked for. */
  pausedUntil?: string | null;
}) {
  return (
    <Section id="usage-title" title={t('optionsUsageTitle')}>
      {!usage && pausedUntil ? (
        <Notice inline tone="warn" text={t('optionsPausedUntil', pausedUntil)} />
      ) : (
        <UsageTable usage={usage} />
      )}
    </Section>
  );
}
