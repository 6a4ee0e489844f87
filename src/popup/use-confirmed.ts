import { useState } from 'preact/hooks';
import type { ErrorInfo, Visitor } from '../shared/page-send';
import type { Reply } from '../shared/protocol';

/**
 * An action that asks first (forget a visitor, end their session): which visitor the question is
 * open for, whether the answer is on its way, and what went wrong. A second click while the first
 * is under way sends nothing.
 */
export function useConfirmed<R>(
  ask: (visitor: Visitor) => Promise<Reply<R>>,
  done: (visitor: Visitor, data: R) => void,
) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  return {
    confirming,
    busy,
    error,
    /** Opens or closes the question for this visitor. */
    toggle(id: string) {
      setError(null);
      setConfirming(confirming === id ? null : id);
    },
    cancel() {
      setConfirming(null);
      setError(null);
    },
    async run(visitor: Visitor) {
      if (busy) return;
      setBusy(true);
      setError(null);
      const reply = await ask(visitor);
      setBusy(false);
      if (!reply.ok) {
        setError(reply.error);
        return;
      }
      setConfirming(null);
      done(visitor, reply.data);
    },
  };
}
