import type { Ref } from 'preact';
import type { PageEvent, Pageview, Session } from '../api/schemas';
import { t, type MessageKey } from '../wording/i18n';
import type { ErrorInfo, Visitor } from '../shared/page-send';
import { clampSize, safeHttpsUrl, shortUrl } from '../shared/safe-url';
import { Fact } from '../ui/fact';
import { Notice } from '../ui/notice';
import { SafeLink } from '../ui/safe-link';
import { errorText } from '../wording/errors';
import { absoluteTime, agentNames, ago, lengthText, visitorLabel, words } from '../wording/visitor';

export type DetailsLoad =
  | { status: 'loading' }
  | { status: 'done'; visitor: Visitor }
  | { status: 'error'; error: ErrorInfo };

const VIDEO_STATUS: Record<string, MessageKey> = {
  pending: 'videoPending',
  recording: 'videoRecording',
  not_available: 'videoNotAvailable',
  ready: 'videoReady',
  expired: 'videoExpired',
  removed: 'videoRemoved',
};

/** Upscope's names of what a session used, as an agent says them. */
const FEATURES: Record<string, MessageKey> = {
  click: 'featureClick',
  scroll: 'featureScroll',
  remote_typing: 'featureRemoteTyping',
  draw: 'featureDraw',
};

/** How a session was started (Upscope's documented sources), as an agent says it. */
const SOURCES: Record<string, MessageKey> = {
  api: 'sourceApi',
  search: 'sourceSearch',
  'lookup code': 'sourceLookupCode',
  'personal link': 'sourcePersonalLink',
  'agent request': 'sourceAgentRequest',
  integration: 'sourceIntegration',
};

/** A known code in the agent's words; an unknown one read as words ("screen_share"). */
function said(table: Record<string, MessageKey>, code: string): string {
  return Object.hasOwn(table, code) ? t(table[code]!) : words(code);
}

function When({ iso }: { iso: string | null | undefined }) {
  const when = ago(iso);
  if (!when || !iso) return null;
  return (
    <time dateTime={iso} title={absoluteTime(iso) ?? undefined}>
      {when}
    </time>
  );
}

function SessionItem({ session }: { session: Session }) {
  const length = lengthText(session.length_seconds, session.formatted_length);
  const call =
    typeof session.call_length_seconds === 'number' && session.call_length_seconds > 0
      ? lengthText(session.call_length_seconds, session.formatted_call_length)
      : null;
  const agents = agentNames(session.agents);
  const features = (session.features_used ?? []).filter((f) => f.trim());
  const running = !session.ended_at;
  const statusKey = session.video_status ? VIDEO_STATUS[session.video_status] : undefined;
  const videoStatus = statusKey
    ? t(statusKey)
    : session.video_status
      ? words(session.video_status)
      : null;
  const video = safeHttpsUrl(session.public_video_url) ?? safeHttpsUrl(session.secret_video_url);
  return (
    <li class="session">
      <p class="session-head">
        <When iso={session.started_at} />
        {length && <span> · {length}</span>}
        {running && (
          <span class="live-tag">
            {' · '}
            <span aria-hidden="true">◉ </span>
            {t('sessionRunning')}
          </span>
        )}
      </p>
      <dl class="facts small">
        <Fact label={t('sessionCall')}>{call ?? t('sessionNoCall')}</Fact>
        {agents.length > 0 && <Fact label={t('sessionAgents')}>{agents.join(', ')}</Fact>}
        {features.length > 0 && (
          <Fact label={t('sessionFeatures')}>
            <ul class="chips">
              {features.map((feature) => (
                <li class="chip" key={feature}>
                  {said(FEATURES, feature)}
                </li>
              ))}
            </ul>
          </Fact>
        )}
        {session.went_live != null && (
          <Fact label={t('sessionWentLive')}>
            {session.went_live ? (
              <span>
                <span aria-hidden="true">✓ </span>
                {t('yes')}
              </span>
            ) : (
              <span>
                <span aria-hidden="true">✗ </span>
                {t('no')}
              </span>
            )}
          </Fact>
        )}
        {(videoStatus || video) && (
          <Fact label={t('sessionRecording')}>
            {videoStatus}
            {video && (
              <>
                {videoStatus ? ' · ' : ''}
                <a href={video} target="_blank" rel="noopener noreferrer">
                  {t('watchRecording')}
                </a>
              </>
            )}
          </Fact>
        )}
        {session.source != null && session.source !== '' && (
          <Fact label={t('sessionSource')}>{said(SOURCES, String(session.source))}</Fact>
        )}
        {session.start_url && (
          <Fact label={t('sessionStartedOn')}>
            <SafeLink url={session.start_url} class="ellipsis" />
          </Fact>
        )}
      </dl>
    </li>
  );
}

function EventItem({ event }: { event: PageEvent }) {
  const icon = safeHttpsUrl(event.icon);
  return (
    <li class="event">
      {icon && <img src={icon} alt="" width={14} height={14} referrerpolicy="no-referrer" />}
      <span class="event-title">{event.title || t('eventUntitled')}</span>{' '}
      <span class="muted">
        <When iso={event.ts} />
      </span>
    </li>
  );
}

function PageviewItem({ pageview }: { pageview: Pageview }) {
  const small = pageview.screenshot?.small ?? pageview.screenshot?.medium;
  const thumb = safeHttpsUrl(small?.url);
  const large = safeHttpsUrl(pageview.screenshot?.large?.url) ?? thumb;
  const page = safeHttpsUrl(pageview.url);
  const alt = t('screenshotOf', page ? shortUrl(page) : (pageview.url ?? ''));
  const events = pageview.events ?? [];
  return (
    <li class="pageview">
      <div class="thumb">
        {thumb ? (
          <a href={large!} target="_blank" rel="noopener noreferrer" title={t('openScreenshot')}>
            <img
              src={thumb}
              alt={alt}
              width={clampSize(small?.width, 96, 96)}
              height={clampSize(small?.height, 60, 60)}
              loading="lazy"
              referrerpolicy="no-referrer"
            />
          </a>
        ) : (
          <span class="no-thumb">{t('noScreenshot')}</span>
        )}
      </div>
      <div class="pageview-text">
        <SafeLink url={pageview.url} class="ellipsis" />
        <p class="muted">
          <When iso={pageview.ts} />
        </p>
        {events.length > 0 && (
          <ul class="events">
            {events.map((event, index) => (
              <EventItem key={event.uuid ?? index} event={event} />
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}

export function VisitorDetails(props: {
  visitor: Visitor;
  load: DetailsLoad;
  heading: Ref<HTMLHeadingElement>;
  onBack(): void;
  onRetry(): void;
}) {
  const shown = props.load.status === 'done' ? props.load.visitor : props.visitor;
  const sessions = shown.sessions ?? [];
  const history = props.load.status === 'done' ? props.load.visitor.history : undefined;
  const pages = [...(history ?? [])].sort(
    (a, b) => (Date.parse(b.ts ?? '') || 0) - (Date.parse(a.ts ?? '') || 0),
  );
  return (
    <section
      class="details"
      aria-labelledby="details-title"
      aria-busy={props.load.status === 'loading'}
    >
      <button type="button" class="link back" onClick={props.onBack}>
        <span aria-hidden="true">← </span>
        {t('back')}
      </button>
      <h2 id="details-title" class="details-title" tabIndex={-1} ref={props.heading}>
        {visitorLabel(shown)}
      </h2>
      {props.load.status === 'error' && (
        <Notice tone="error" alert text={errorText(props.load.error)} onRetry={props.onRetry} />
      )}

      <h3 class="section-title">{t('sessionsTitle')}</h3>
      {sessions.length === 0 ? (
        <p class="muted">{t('noSessions')}</p>
      ) : (
        <ol class="sessions">
          {sessions.map((session, index) => (
            <SessionItem key={String(session.id ?? index)} session={session} />
          ))}
        </ol>
      )}

      <h3 class="section-title">{t('historyTitle')}</h3>
      {props.load.status === 'loading' ? (
        <div class="skeleton-lines" aria-hidden="true">
          <span />
          <span />
        </div>
      ) : pages.length > 0 ? (
        <ol class="history">
          {pages.map((pageview, index) => (
            <PageviewItem key={pageview.pageview_id ?? index} pageview={pageview} />
          ))}
        </ol>
      ) : (
        <p class="muted">{history ? t('noHistory') : t('historyUnavailable')}</p>
      )}
      {props.load.status === 'loading' && <p class="visually-hidden">{t('loading')}</p>}
    </section>
  );
}
