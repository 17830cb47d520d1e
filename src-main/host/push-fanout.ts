/**
 * The open window sockets and core's pushes to them: each event goes to every window whose role it is
 * for (`deliversTo`). A window that stopped reading is closed rather than queued for without end; it
 * reconnects and takes a full snapshot (every connect resyncs, see http-transport.ts).
 */
import type { WebSocket } from 'ws';
import type { Role } from '../../src-shared/contract/index.js';
import { deliversTo, type Core } from '../core/create-core.js';
import { BUFFERED_BYTES_CAP } from './socket-guards.js';

export class WindowSockets {
  readonly #sockets = new Map<WebSocket, Role>();
  readonly #unsubscribe: () => void;

  constructor(core: Core) {
    this.#unsubscribe = core.subscribe((event, payload) => {
      const message = JSON.stringify({ event, payload });
      for (const [ws, role] of this.#sockets) {
        if (deliversTo(event, role)) this.#send(ws, role, message);
      }
    });
  }

  add(ws: WebSocket, role: Role): void {
    this.#sockets.set(ws, role);
    ws.on('close', () => this.#sockets.delete(ws));
  }

  /** Stops the pushes and closes every window's socket (the host is closing). */
  close(): void {
    this.#unsubscribe();
    for (const ws of this.#sockets.keys()) ws.terminate();
    this.#sockets.clear();
  }

  #send(ws: WebSocket, role: Role, message: string): void {
    // Backpressure: a window that stops reading would grow the host's memory without end.
    if (ws.bufferedAmount > BUFFERED_BYTES_CAP) {
      console.error(`[consultdeck] closing a ${role} window that stopped reading (${ws.bufferedAmount} bytes queued)`);
      this.#sockets.delete(ws);
      ws.terminate();
      return;
    }
    ws.send(message, (error) => {
      if (error) ws.terminate();
    });
  }
}
