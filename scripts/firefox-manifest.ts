// The Chrome manifest is the single source; Firefox gets a variant derived from it so the two can
// never drift apart by hand.
export const GECKO_ID = 'helpdesk-cobrowse@upscope-extension';
// Why these numbers: test/build/min-versions.test.ts derives them from the APIs and manifest keys
// used and fails when a value is stale either way. data_collection_permissions is read from
// Firefox 140 on desktop and 142 on Android. Desktop stays at 140 so Firefox ESR 140, the line
// companies deploy to their agents, can install it; Android states its own minimum in
// gecko_android rather than raising the desktop one.
export const FIREFOX_MIN_VERSION = '140.0';
export const FIREFOX_ANDROID_MIN_VERSION = '142.0';

type Manifest = Record<string, unknown>;

export function toFirefoxManifest(chrome: Manifest): Manifest {
  // Firefox ignores or warns about these Chrome-only keys; it has no cross-extension messaging to
  // close off, and its minimum version lives in browser_specific_settings. It needs no schema for
  // storage.managed: it reads policies.json (3rdparty → Extensions → the add-on id) as given. Its sidebar is the
  // side panel's page under its own key, and needs no permission.
  const {
    minimum_chrome_version: _min,
    externally_connectable: _ext,
    storage: _storage,
    side_panel: sidePanel,
    permissions,
    background,
    ...rest
  } = chrome;
  const panel = sidePanel as { default_path: string } | undefined;
  const action = rest.action as { default_title?: string; default_icon?: unknown } | undefined;
  const { service_worker: worker, ...backgroundRest } = (background ?? {}) as Record<
    string,
    unknown
  >;
  return {
    ...rest,
    // Firefox runs MV3 background code as an event page, not a service worker.
    background: { ...backgroundRest, scripts: [worker] },
    permissions: ((permissions ?? []) as string[]).filter((p) => p !== 'sidePanel'),
    ...(panel && {
      sidebar_action: {
        default_panel: panel.default_path,
        default_title: action?.default_title,
        default_icon: action?.default_icon,
        // Opened by the agent (the popup's "Open in side panel", or Firefox's sidebar menu).
        open_at_install: false,
      },
    }),
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        // The customer's email or id is sent to Upscope to find them; nothing else leaves.
        data_collection_permissions: { required: ['personallyIdentifyingInfo'] },
      },
      gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
    },
  };
}
