import type { ComponentChildren, Ref } from 'preact';
import { useRef } from 'preact/hooks';
import { t } from '../wording/i18n';
import type { ErrorInfo, Visitor } from '../shared/page-send';
import { Fact } from '../ui/fact';
import { Notice } from '../ui/notice';
import { SafeLink } from '../ui/safe-link';
import {
  deviceText,
  locationText,
  presenceOf,
  visitorEmail,
  visitorLabel,
} from '../wording/visitor';
import { errorText, needsSettings } from '../wording/errors';
import { CopyInvite } from './invite';
import { MoreMenu, type MenuItem } from './more-menu';
import { Presence } from './presence';
import { clockTime, startLabel } from './start-words';
import { Confirm } from './confirm';
import { IdentityChips, Support, Tags } from './card-facts';

export interface CardProps {
  visitor: Visitor;
  /** Why starting is not possible now, or null. */
  blocker: string | null;
  /** For a possible match: what it was found by, for the agent to check before starting. */
  matchNote?: string | null;
  starting: boolean;
  startError: ErrorInfo | null;
  /** What the session will let the agent do (the permissions preset), said near Start. */
  sessionLine?: string | null;
  confirmingForget: boolean;
  forgetting: boolean;
  forgetError: ErrorInfo | null;
  /** The question whether to end the visitor's session is open. */
  confirmingEnd?: boolean;
  ending?: boolean;
  endError?: ErrorInfo | null;
  detailsButton: Ref<HTMLButtonElement>;
  onStart(): void;
  onDetails(): void;
  onForget(): void;
  onConfirmForget(): void;
  onCancelForget(): void;
  /** Without it the card offers no "End session" (nothing to end it with). */
  onEnd?(): void;
  onConfirmEnd?(): void;
  onCancelEnd?(): void;
  onOpenSettings(): void;
  /** When a session with this visitor was opened from here (ms), or null. */
  started?: number | null;
  /** Shows the tab of the session opened from here. */
  onGoToSession?(): void;
  /** The next step the card offers when the visitor is offline (notify when back). */
  children?: ComponentChildren;
}

/**
 * What the card's footer offers in place of Start when Start cannot work for this visitor:
 * the next step, with the reason said once (the presence line already says "Offline").
 */
function NextSteps(props: {
  visitor: Visitor;
  children?: ComponentChildren;
  menu: ComponentChildren;
}) {
  if (presenceOf(props.visitor) === 'unsupported') {
    return (
      <div class="action-row">
        <p id="start-why" class="why grow">
          {t('supportedBrowsers')}
        </p>
        {props.menu}
      </div>
    );
  }
  return (
    <>
      {props.children}
      <div class="action-row">
        <CopyInvite />
        {props.menu}
      </div>
    </>
  );
}

export function VisitorCard(props: CardProps) {
  const { visitor } = props;
  const label = visitorLabel(visitor);
  const email = visitorEmail(visitor);
  const state = presenceOf(visitor);
  const device = deviceText(visitor);
  const location = locationText(visitor);
  const tags = (visitor.tags ?? []).filter((tag) => tag.trim());
  const menuButton = useRef<HTMLButtonElement>(null);
  // Offline or a browser that cannot be co-browsed: no Start to press, a next step instead.
  const cannotStart = state === 'offline' || state === 'unsupported';
  const startWords = startLabel(visitor);

  const items: MenuItem[] = [];
  if (state === 'in_session' && props.onEnd) {
    items.push({ label: t('endSession'), danger: true, onSelect: props.onEnd });
  }
  items.push({ label: t('forgetVisitor'), danger: true, onSelect: props.onForget });
  const menu = <MoreMenu items={items} buttonRef={menuButton} />;
  // After a question is answered "Cancel", the keyboard carries on from where it was asked.
  const backToMenu = () => menuButton.current?.focus();

  return (
    <article class={`card card-${state}`} data-testid="visitor" aria-labelledby="visitor-name">
      {state === 'waiting' && (
        <p class="callout">
          <span aria-hidden="true">☎ </span>
          {t('calloutWaiting')}
        </p>
      )}
      <div class="who">
        <h3 id="visitor-name" class="name">
          {label}
        </h3>
        {email && <p class="email">{email}</p>}
      </div>
      <Presence visitor={visitor} />

      <dl class="facts">
        {device && <Fact label={t('factDevice')}>{device}</Fact>}
        {visitor.browser_name && (
          <Fact label={t('factBrowser')}>
            <span class="browser">{visitor.browser_name} </span>
            <Support visitor={visitor} />
          </Fact>
        )}
        {location && <Fact label={t('factLocation')}>{location}</Fact>}
        {visitor.last_url && (
          <Fact label={t('factLastPage')}>
            <SafeLink url={visitor.last_url} class="ellipsis" />
          </Fact>
        )}
        {((visitor.identities ?? []).length > 0 || visitor.unique_id || visitor.lookup_code) && (
          <Fact label={t('factIdentities')}>
            <IdentityChips visitor={visitor} label={label} />
          </Fact>
        )}
        {tags.length > 0 && (
          <Fact label={t('factTags')}>
            <Tags tags={tags} />
          </Fact>
        )}
      </dl>
      <p class="more">
        <button type="button" class="link" ref={props.detailsButton} onClick={props.onDetails}>
          {t('showDetails')}
        </button>
      </p>

      <div class="card-actions" data-testid="card-actions">
        {props.matchNote && (
          <p class="why" data-testid="possible-match">
            {props.matchNote}
          </p>
        )}
        {cannotStart ? (
          <NextSteps visitor={visitor} menu={menu}>
            {props.children}
          </NextSteps>
        ) : props.started !== null && props.started !== undefined && props.onGoToSession ? (
          <>
            <div class="action-row">
              <button type="button" class="primary big grow" onClick={props.onGoToSession}>
                {t('goToSession')}
              </button>
              {menu}
            </div>
            <p class="why" aria-live="polite" data-testid="started">
              {t('sessionStartedAt', label, clockTime(props.started))}
            </p>
          </>
        ) : (
          <>
            <div class="action-row">
              <button
                type="button"
                class="primary big grow"
                title={startWords}
                disabled={props.blocker !== null || props.starting}
                aria-describedby={props.blocker ? 'start-why' : undefined}
                aria-busy={props.starting}
                onClick={props.onStart}
              >
                {props.starting ? t('starting') : startWords}
              </button>
              {menu}
            </div>
            {props.blocker && (
              <p id="start-why" class="why">
                {props.blocker}
              </p>
            )}
          </>
        )}
        {!props.blocker && props.sessionLine && (
          <p class="why" data-testid="session-preset">
            {props.sessionLine}
          </p>
        )}
        {props.startError && (
          <Notice
            tone="error"
            alert
            text={errorText(props.startError)}
            onSettings={needsSettings(props.startError.kind) ? props.onOpenSettings : undefined}
          />
        )}
      </div>
      {props.confirmingEnd && state === 'in_session' && (
        <Confirm
          id="end"
          question={t('endSessionQuestion', label)}
          explain={t('endSessionExplain')}
          confirm={props.ending ? t('endingSession') : t('endSessionConfirm')}
          busy={props.ending ?? false}
          error={props.endError ?? null}
          onConfirm={() => props.onConfirmEnd?.()}
          onCancel={() => {
            props.onCancelEnd?.();
            backToMenu();
          }}
        />
      )}
      {props.confirmingForget && (
        <Confirm
          id="forget"
          question={t('forgetQuestion', label)}
          explain={t('forgetExplain')}
          confirm={props.forgetting ? t('forgetting') : t('forgetConfirm', label)}
          busy={props.forgetting}
          error={props.forgetError}
          onConfirm={props.onConfirmForget}
          onCancel={() => {
            props.onCancelForget();
            backToMenu();
          }}
        />
      )}
    </article>
  );
}
