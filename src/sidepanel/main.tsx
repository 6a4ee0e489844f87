import '../popup/styles';
import { render } from 'preact';
import { localiseDocument } from '../wording/i18n';
import { App } from '../popup/app';
import { followActiveTab } from './active-tab';

// The side panel (Firefox: the sidebar) is the popup's page kept open beside the helpdesk: the
// same components, speaking about whichever tab is active in its window.

localiseDocument('popupTitle');

const { boot, watch } = followActiveTab();
render(<App place="panel" start={boot} follow={watch} />, document.getElementById('app')!);
