import type { SessionState } from '../../../src-shared/contract/index.js';
import { appendAudit } from '../audit.js';
import type { Services } from '../context.js';
import type { LockReason } from '../session-lock.js';
import { actorName, readSettings } from '../records/settings.js';
import type { AreaHandlers } from '../handler.js';

export function sessionState(services: Services): SessionState {
  return services.lock.state(readSettings(services.db).idleLockMinutes);
}

/** Tells every console the lock as it is now. */
export function announceSession(services: Services): SessionState {
  const state = sessionState(services);
  services.emit('session.changed', state);
  return state;
}

/** Locks every doctor console; the patient screen goes neutral at once (F5 resumes after unlocking). */
export function lockSession(services: Services, reason: LockReason): SessionState {
  services.presentation.stop();
  services.lock.lock(reason);
  return announceSession(services);
}

function audit(services: Services, action: string): void {
  appendAudit(services.db, { at: services.clock().toISOString(), actor: actorName(services.db), action });
}

export const sessionApi: AreaHandlers<'session'> = {
  'session.state': (_input, { services }) => sessionState(services),

  'session.lock': ({ reason }, { services }) => lockSession(services, reason),

  'session.unlock': ({ pin }, { services }) => {
    services.lock.unlock(pin);
    return announceSession(services);
  },

  'session.setPin': ({ pin, currentPin }, { services }) => {
    services.lock.setPin(pin, currentPin);
    // That a PIN was set or removed, never the PIN.
    audit(services, pin === null ? 'session.pinRemoved' : 'session.pinSet');
    return announceSession(services);
  },
};
