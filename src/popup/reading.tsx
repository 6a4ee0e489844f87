import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { HELPDESK_NAMES } from '../shared/helpdesk-names';
import { send, type Reading } from '../shared/page-send';
import { Fact } from '../ui/fact';
import { t } from '../wording/i18n';
import { identitiesText } from './ticket-panel';

// "What was read on this page": when the badge is wrong or missing, the agent sees what the
// extension understood of the tab (the helpdesk, the ticket, where the customer was read, which
// addresses it set aside) and can copy it into a bug report. No key, and none of the ticket's
// text, is in it: only what the worker was told.

type Load = { phase: 'closed' | 'loading' } | { phase: 'ready'; reading: Reading | null };

const FROM = {
  api: 'readingFromApi',
  page: 'readingFromPage',
  none: 'readingFromNone',
} as const;

/** The facts shown, as label and value, in the order they are read. */
export function readingFacts(reading: Reading): [string, string][] {
  return [
    [t('readingHelpdesk'), HELPDESK_NAMES[reading.helpdesk]],
    [t('readingTicket'), reading.ticketId ? `#${reading.ticketId}` : t('readingTicketUnnamed')],
    [t('readingFrom'), t(FROM[reading.from])],
    [
      t('readingFound'),
      reading.identities ? identitiesText(reading.identities, reading.helpdesk) : t('readingNone'),
    ],
    [t('readingIgnored'), reading.ignored.length ? reading.ignored.join(', ') : t('readingNone')],
  ];
}

/** The report as plain text: the extension's version, the browser, and the facts. */
export function readingReport(reading: Reading | null, userAgent: string): string {
  const { version } = browser.runtime.getManifest();
  const lines = reading
    ? readingFacts(reading).map(([label, value]) => `${label}: ${value}`)
    : [t('readingNothing')];
  return [t('readingReportTitle', version), ...lines, `${t('readingBrowser')}: ${userAgent}`].join(
    '\n',
  );
}

export function ReadingPanel({ tabId }: { tabId: number | null }) {
  const [load, setLoad] = useState<Load>({ phase: 'closed' });
  const [copied, setCopied] = useState('');

  async function open(isOpen: boolean) {
    if (!isOpen || tabId === null) return setLoad({ phase: 'closed' });
    setLoad({ phase: 'loading' });
    const reply = await send({ type: 'tab/reading', tabId });
    setLoad({ phase: 'ready', reading: reply.ok ? reply.data : null });
  }

  async function copy(reading: Reading | null) {
    try {
      await navigator.clipboard.writeText(readingReport(reading, navigator.userAgent));
      setCopied(t('readingCopied'));
    } catch {
      setCopied(t('readingCopyFailed'));
    }
  }

  return (
    <details
      class="reading"
      onToggle={(event) => void open((event.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>{t('readingTitle')}</summary>
      {load.phase === 'ready' && (
        <div class="reading-body" data-testid="reading">
          {load.reading ? (
            <dl class="facts">
              {readingFacts(load.reading).map(([label, value]) => (
                <Fact key={label} label={label}>
                  {value}
                </Fact>
              ))}
            </dl>
          ) : (
            <p>{t('readingNothing')}</p>
          )}
          <button type="button" class="secondary" onClick={() => void copy(load.reading)}>
            {t('readingCopy')}
          </button>
          <p class="reading-copied" role="status">
            {copied}
          </p>
        </div>
      )}
    </details>
  );
}
