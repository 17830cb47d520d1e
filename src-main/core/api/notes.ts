import { addEntry, removeEntry } from '../records/entries.js';
import { saveNotes } from '../records/notes.js';
import type { AreaHandlers } from '../handler.js';

export const notesApi: AreaHandlers<'notes'> = {
  'notes.save': (input, { services }) => saveNotes(services, input),

  'notes.addEntry': ({ consultationId, text }, { services }) => addEntry(services, consultationId, text),

  'notes.removeEntry': ({ consultationId, entryId }, { services }) => {
    removeEntry(services, consultationId, entryId);
    return { removed: entryId };
  },
};
