/**
 * Opening a window's socket (`/events`): the role from its cookie (or the token), the Host and the Origin
 * checked before the upgrade, so no other page on this machine can listen to the record or drive the
 * slides. An accepted socket receives core's pushes and may carry calls.
 */
import type { Server } from 'node:http';
import { WebSocketServer } from 'ws';
import { MAX_MESSAGE_BYTES } from '../../src-shared/envelope.js';
import { answerSocketCall } from './call-dispatch.js';
import { hostAllowed, requestUrl, type HostContext } from './host-context.js';
import type { WindowSockets } from './push-fanout.js';
import { originAllowed } from './socket-guards.js';
import { callerRole } from './tokens.js';

/** Accepts window sockets on the server's upgrades; returns the socket server (to close with the host). */
export function acceptWindowSockets(server: Server, ctx: HostContext, windows: WindowSockets): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on('upgrade', (req, socket, head) => {
    // A socket error before the upgrade completes must not end the host.
    socket.on('error', () => socket.destroy());
    const url = requestUrl(ctx, req.url);
    const role = callerRole(ctx.tokens, ctx.port, url.searchParams.get('t'), req.headers.cookie);
    // Browsers send the page's Origin with every WebSocket: only our own pages may open one.
    if (
      url.pathname !== '/events' ||
      !role ||
      !hostAllowed(ctx, req.headers.host) ||
      !originAllowed(req.headers.origin, ctx.port)
    ) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      windows.add(ws, role);
      // An oversized or malformed frame must close this socket, not end the host.
      ws.on('error', () => ws.terminate());
      ws.on('message', (data: Buffer, isBinary: boolean) => {
        void answerSocketCall(ctx, ws, role, isBinary ? null : data.toString('utf8'));
      });
    });
  });
  return wss;
}
