/** The one IPC channel that carries pushes to windows; calls use their contract names. */
export const EVENT_CHANNEL = 'consultdeck:event';
