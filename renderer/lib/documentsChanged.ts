// The menu's signature count listens for this after any change to a document. Its own
// file, so the menu (on every first load) does not fetch the document forms with it.
export const DOCUMENTS_CHANGED = 'tanggap:documents-changed';
export const announceDocumentsChanged = () => window.dispatchEvent(new Event(DOCUMENTS_CHANGED));
