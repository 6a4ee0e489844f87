// Entry point of the content script injected on helpdesk pages. It must stay one self-contained
// chunk: it imports nothing that the service worker or the extension pages import.
export {};
