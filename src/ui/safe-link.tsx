import type { ComponentChildren } from 'preact';
import { t } from '../wording/i18n';
import { safeHttpsUrl, shortUrl } from '../shared/safe-url';

/**
 * A link to an address from visitor or page data: only absolute https: addresses become links,
 * opened in a new tab with no opener and no referrer. Anything else stays visible as plain text.
 */
export function SafeLink({
  url,
  children,
  class: className,
}: {
  url: string | null | undefined;
  children?: ComponentChildren;
  class?: string;
}) {
  const href = safeHttpsUrl(url);
  if (!href) {
    if (!url) return null;
    return (
      <span class={`unsafe-url ${className ?? ''}`}>
        {url} <span class="muted">({t('linkNotHttps')})</span>
      </span>
    );
  }
  return (
    <a class={className} href={href} title={href} target="_blank" rel="noopener noreferrer">
      {children ?? shortUrl(href)}
    </a>
  );
}
