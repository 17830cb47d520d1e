import { ApiError } from '../../../src-shared/errors.js';
import type { AreaHandlers } from '../handler.js';
import { readProgress } from '../records/progress.js';

export const presentationApi: AreaHandlers<'presentation'> = {
  'presentation.get': (_input, { services }) => services.presentation.state,
  'presentation.start': (_input, { services }) => services.presentation.start(),
  'presentation.stop': (_input, { services }) => services.presentation.stop(),
  'presentation.next': (_input, { services }) => services.presentation.next(),
  'presentation.prev': (_input, { services }) => services.presentation.prev(),
  'presentation.goto': ({ deckId, slideIndex, fragment }, { services }) => {
    const store = services.presentation;
    if (!store.state.playlist.includes(deckId)) {
      throw new ApiError('NOT_FOUND', `The deck "${deckId}" is not in the playlist.`, 'deckId');
    }
    const state = store.goto(deckId, slideIndex, fragment ?? 0);
    if (!state) throw new ApiError('NOT_FOUND', `The deck "${deckId}" has no slides.`, 'deckId');
    return state;
  },
  'presentation.setBlank': ({ blank }, { services }) => services.presentation.setBlank(blank),
  'presentation.setPlaylist': ({ playlist }, { services }) => {
    const known = new Set(services.library.list().decks.map((d) => d.id));
    const unknown = playlist.findIndex((id) => !known.has(id));
    if (unknown >= 0)
      throw new ApiError('NOT_FOUND', `There is no deck "${playlist[unknown]}".`, `playlist.${unknown}`);
    return services.presentation.setPlaylist(playlist);
  },
  'presentation.setLanguage': ({ language }, { services }) => services.presentation.setLanguage(language),
  'presentation.showSpine': ({ levels }, { services }) => services.presentation.showSpine(levels),
  'presentation.showProgress': ({ patientId }, { services }) =>
    services.presentation.showProgress(patientId === null ? null : readProgress(services.db, patientId)),
  'presentation.addStroke': ({ stroke }, { services }) => services.presentation.addStroke(stroke),
  'presentation.clearStrokes': ({ scope }, { services }) => services.presentation.clearStrokes(scope),
  'presentation.setPointer': ({ pointer }, { services }) => services.presentation.setPointer(pointer),
  'presentation.ink': ({ colour, start, points }, { services }) => services.presentation.ink(colour, start, points),
};
