import type { Adapter } from '../adapter';
import { emailIn } from '../identity';

// The customer is whoever wrote the latest message in the thread that the agent did not. A
// `?…` inside the hash (#inbox/FMfc…?compose=new) is a pane over the thread, which stays open.
export const gmail: Adapter = {
  id: 'gmail',
  url: /^\/mail\/(?:u\/\d+\/)?#[^?]+\/([A-Za-z0-9]{16,})(?:\?|$)/,
  scope: '[role="main"]',
  email: '.gs span.gD[email]',
  last: true,
  text: (at) => at.closest('.gs')?.querySelector('.a3s')?.textContent,
  // Gmail's title reads "Subject - agent@example.com - Gmail".
  me: () => emailIn(/ - (\S+@\S+) - /.exec(document.title)?.[1] ?? ''),
};
