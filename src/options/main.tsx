import { render } from 'preact';

function Options() {
  return (
    <main>
      <h1>Helpdesk Co-browse settings</h1>
    </main>
  );
}

render(<Options />, document.getElementById('app')!);
