import type { Adapter } from '../adapter';

/** A Case field by its API name, which does not change with the org's language or labels. */
const field = (name: string) => `[data-target-selection-name$=".Case.${name}"]`;

// Lightning record pages. In a console app every open Case stays in the DOM: the one in view is
// the panel of the selected workspace tab, then of its selected subtab. The address is the
// Contact's email or the Web Email the case arrived with (SuppliedEmail), first on the layout.
export const salesforce: Adapter = {
  id: 'salesforce',
  url: /^\/lightning\/r\/Case\/(500[A-Za-z0-9]{12,15})\/view/,
  scope() {
    let root: ParentNode = document;
    for (let level = 0; level < 3; level++) {
      const id = root
        .querySelector('li.slds-is-active[role=presentation] a[role=tab]')
        ?.getAttribute('aria-controls');
      const panel = id && document.getElementById(id);
      if (!panel || panel == root) break;
      root = panel;
    }
    return root;
  },
  email: `${field('ContactEmail')} a[href^="mailto:"], ${field('SuppliedEmail')} a[href^="mailto:"]`,
  name: `${field('ContactId')} a`,
};
