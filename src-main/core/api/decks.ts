import { ApiError } from '../../../src-shared/errors.js';
import type { AreaHandlers } from '../handler.js';

export const decksApi: AreaHandlers<'decks'> = {
  'decks.list': (_input, { services }) => services.library.list(),
  'decks.reload': (_input, { services }) => services.library.reload(),
  'decks.get': ({ id, language }, { services, caller }) => {
    // Speaker notes are for the doctor only.
    const deck = services.library.get(id, language, { withNotes: caller.role === 'doctor' });
    if (!deck) throw new ApiError('NOT_FOUND', `There is no deck "${id}".`, 'id');
    return deck;
  },
};
