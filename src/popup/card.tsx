import type { ComponentChildren, Ref } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../wording/i18n';
import type { ErrorInfo, Visitor } from '../shared/page-send';
import { Fact } from '../ui/fact';
import { Notice } from '../ui/notice';
import { SafeLink } from '../ui/safe-link';
import {
  agentNames,
  deviceText,
  locationText,
  openSession,
  presenceOf,
  visitorEmail,
  visitorLabel,
} from '../wording/visitor';
import { errorText, needsSettings } from '../wording/errors';
import { Presence } from './presence';

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
  /** More the card offers for this visitor, under the start button. */
  children?: ComponentChildren;
}

function Support({ visitor }: { visitor: Visitor }) {
  if (visitor.is_supported === false) {
    return (
      <span class="support no">
        <span aria-hidden="true">⚠ </span>
        {t('browserNotSupported')}
      </span>
    );
  }
  if (visitor.is_supported === true) {
    return (
      <span class="support yes">
        <span aria-hidden="true">✓ </span>
        {t('browserSupported')}
      </span>
    );
  }
  return null;
}

function IdentityChips({ visitor, label }: { visitor: Visitor; label: string }) {
  const chips = new Set<string>();
  for (const identity of visitor.identities ?? []) {
    if (identity.trim() && identity !== label) chips.add(identity);
  }
  if (visitor.unique_id) chips.add(`id:${visitor.unique_id}`);
  if (visitor.lookup_code) chips.add(t('lookupCodeChip', String(visitor.lookup_code)));
  if (chips.size === 0) return null;
  return (
    <ul class="chips">
      {[...chips].map((chip) => (
        <li class="chip" key={chip} title={chip}>
          {chip}
        </li>
      ))}
    </ul>
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
  const joining = state === 'in_session' ? agentNames(openSession(visitor)?.agents) : [];
  const endButton = useRef<HTMLButtonElement>(null);

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
        {(visitor.browser_name || visitor.is_supported != null) && (
          <Fact label={t('factBrowser')}>
            {visitor.browser_name && <span class="browser">{visitor.browser_name} </span>}
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
            <ul class="chips">
              {tags.map((tag) => (
                <li class="chip" key={tag} title={tag}>
                  {tag}
                </li>
              ))}
            </ul>
          </Fact>
        )}
      </dl>

      <div class="start">
        {props.matchNote && (
          <p class="why" data-testid="possible-match">
            {props.matchNote}
          </p>
        )}
        <button
          type="button"
          class="primary big"
          disabled={props.blocker !== null || props.starting}
          aria-describedby={props.blocker ? 'start-why' : undefined}
          aria-busy={props.starting}
          onClick={props.onStart}
        >
          {props.starting ? t('starting') : t('startCobrowse')}
        </button>
        {props.blocker ? (
          <p id="start-why" class="why">
            {props.blocker}
          </p>
        ) : (
          joining.length > 0 && <p class="why">{t('joinHint', joining.join(', '))}</p>
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
      {props.children}

      <div class="more">
        <button type="button" class="link" ref={props.detailsButton} onClick={props.onDetails}>
          {t('showDetails')}
        </button>
        {state === 'in_session' && props.onEnd && (
          <button
            type="button"
            class="link danger-link"
            aria-expanded={props.confirmingEnd ?? false}
            aria-controls="end-confirm"
            ref={endButton}
            onClick={props.onEnd}
          >
            {t('endSession')}
          </button>
        )}
        <button
          type="button"
          class="link danger-link"
          aria-expanded={props.confirmingForget}
          aria-controls="forget-confirm"
          onClick={props.onForget}
        >
          {t('forgetVisitor')}
        </button>
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
            // Back to where the question was asked, for the keyboard to carry on from there.
            endButton.current?.focus();
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
          onCancel={props.onCancelForget}
        />
      )}
    </article>
  );
}

/** A question before something that cannot be undone: `<id>-confirm`, with its own words. */
function Confirm(props: {
  id: string;
  question: string;
  explain: string;
  confirm: string;
  busy: boolean;
  error: ErrorInfo | null;
  onConfirm(): void;
  onCancel(): void;
}) {
  const cancel = useRef<HTMLButtonElement>(null);
  // The safe choice takes focus: Enter right after opening must not do it.
  useEffect(() => cancel.current?.focus(), []);
  const { id } = props;
  return (
    <div
      id={`${id}-confirm`}
      class="confirm"
      role="group"
      aria-labelledby={`${id}-question`}
      aria-describedby={`${id}-explain`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          props.onCancel();
        }
      }}
    >
      <p id={`${id}-question`} class="question">
        {props.question}
      </p>
      <p id={`${id}-explain`} class="muted">
        {props.explain}
      </p>
      <div class="row">
        <button type="button" class="danger" disabled={props.busy} onClick={props.onConfirm}>
          {props.confirm}
        </button>
        <button type="button" ref={cancel} onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
      {props.error && <Notice tone="error" alert inline text={errorText(props.error)} />}
    </div>
  );
}
