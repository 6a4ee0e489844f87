import type { ComponentChildren } from 'preact';

/** One labelled fact in a `<dl class="facts">`: a visitor's device, a session's agents… */
export function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
