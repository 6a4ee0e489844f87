import type { ComponentChildren } from 'preact';
import browser from 'webextension-polyfill';

/** One titled part of the settings page. */
export function Section(props: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="panel" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.children}
    </section>
  );
}

/** Asks for a host permission. Call it straight from a click: browsers only prompt during one. */
export function requestOrigins(pattern: string | null): Promise<boolean> {
  if (!pattern) return Promise.resolve(true);
  try {
    return browser.permissions.request({ origins: [pattern] }).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}
