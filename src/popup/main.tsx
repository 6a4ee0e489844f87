import { render } from 'preact';
import browser from 'webextension-polyfill';

function Popup() {
  return (
    <main>
      <h1>Helpdesk Co-browse</h1>
      <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
        Open settings
      </button>
    </main>
  );
}

render(<Popup />, document.getElementById('app')!);
