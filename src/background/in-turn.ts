/**
 * Runs jobs for one key (a tab) one after another, in the order they were asked for: two
 * messages about the same tab must not read the same old state, nor finish out of order.
 * A failed job does not stop the ones after it.
 */
export function inTurn<K>(): <T>(key: K, job: () => Promise<T>) => Promise<T> {
  const queues = new Map<K, Promise<unknown>>();
  return (key, job) => {
    const previous = queues.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(job);
    queues.set(key, next);
    void next
      .catch(() => undefined)
      .finally(() => {
        if (queues.get(key) === next) queues.delete(key);
      });
    return next;
  };
}
