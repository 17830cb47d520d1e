import { ApiError } from '../../../src-shared/errors.js';
import type { DisplayControl, Services } from '../context.js';
import type { AreaHandlers } from '../handler.js';

function control(services: Services): DisplayControl {
  if (!services.displays) throw new ApiError('NOT_FOUND', 'Choosing displays is only possible in the desktop app.');
  return services.displays;
}

export const displaysApi: AreaHandlers<'displays'> = {
  'displays.get': (_input, { services }) => control(services).state(),
  'displays.movePatient': ({ displayId }, { services }) => control(services).movePatient(displayId),
  'displays.identify': (_input, { services }) => control(services).identify(),
};
