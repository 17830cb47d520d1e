import { ApiError } from '../../../src-shared/errors.js';
import type { DisplayState } from '../../../src-shared/contract/index.js';
import type { Services } from '../context.js';
import type { AreaHandlers } from '../registry.js';

/** The desktop app's control of the displays; absent in browser mode. */
export interface DisplayControl {
  state(): DisplayState;
  movePatient(displayId: number | null): DisplayState;
  identify(): DisplayState;
}

function control(services: Services): DisplayControl {
  if (!services.displays) throw new ApiError('NOT_FOUND', 'Choosing displays is only possible in the desktop app.');
  return services.displays;
}

export const displaysApi: AreaHandlers<'displays'> = {
  'displays.get': (_input, { services }) => control(services).state(),
  'displays.movePatient': ({ displayId }, { services }) => control(services).movePatient(displayId),
  'displays.identify': (_input, { services }) => control(services).identify(),
};
