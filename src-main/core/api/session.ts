import type { Services } from '../context.js';
import type { AreaHandlers } from '../handler.js';

/** Locks every doctor console; the patient screen goes neutral at once (F5 resumes after unlocking). */
export function lockSession(services: Services, reason: 'idle' | 'manual' | 'os'): void {
  services.presentation.stop();
  services.emit('session.locked', { reason });
}

export const sessionApi: AreaHandlers<'session'> = {
  'session.lock': ({ reason }, { services }) => {
    lockSession(services, reason);
    return { locked: true };
  },
};
