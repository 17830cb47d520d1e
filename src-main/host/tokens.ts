/**
 * Per-run secrets of browser mode. Each window role has its own token, so a
 * patient-screen session can never be used to read records. A token never goes
 * on a command line or into a URL (launch-codes.ts): a page holds it only in
 * its HttpOnly session cookie, named per port (a cookie is shared by every
 * port of 127.0.0.1, so another local service must not find a name it knows).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Role } from '../../src-shared/contract/index.js';

export interface RunTokens {
  doctor: string;
  patient: string;
}

const ROLES: readonly Role[] = ['doctor', 'patient'];

export function createTokens(): RunTokens {
  const make = (): string => crypto.randomBytes(32).toString('base64url');
  return { doctor: make(), patient: make() };
}

/**
 * The sessions of a host on a fixed port, kept across a restart of the host in a private file of the data folder
 * (0600, like the database): the windows that stay open while the host restarts keep their cookie, reconnect and
 * take a fresh snapshot by themselves. On an automatic port (0) a restart gets another address, so the tokens
 * live only as long as the run.
 */
export function sessionTokens(dataDir: string, port: number): RunTokens {
  if (port === 0) return createTokens();
  const file = path.join(dataDir, `browser-sessions-${port}.json`);
  try {
    const kept = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<RunTokens>;
    if (
      typeof kept.doctor === 'string' &&
      kept.doctor.length >= 40 &&
      typeof kept.patient === 'string' &&
      kept.patient.length >= 40
    )
      return { doctor: kept.doctor, patient: kept.patient };
  } catch {
    // None kept yet, or unreadable: a new pair (the open windows then need a new launch code).
  }
  const tokens = createTokens();
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(tokens), { mode: 0o600 });
  fs.chmodSync(temp, 0o600);
  fs.renameSync(temp, file);
  return tokens;
}

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}

/** The role a token grants, or null for a missing or wrong token. */
export function roleOf(tokens: RunTokens, token: string | null | undefined): Role | null {
  if (!token) return null;
  if (same(token, tokens.doctor)) return 'doctor';
  if (same(token, tokens.patient)) return 'patient';
  return null;
}

export function sessionCookieName(port: number, role: Role): string {
  return `consultdeck-${port}-${role}`;
}

/** The Set-Cookie value of a window's session after its launch code was used. */
export function sessionCookie(tokens: RunTokens, port: number, role: Role): string {
  return `${sessionCookieName(port, role)}=${tokens[role]}; HttpOnly; SameSite=Strict; Path=/`;
}

function cookieValue(cookieHeader: string | undefined, name: string): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** Whether the request carries this port's valid session cookie for the role. */
export function hasSession(tokens: RunTokens, port: number, role: Role, cookieHeader: string | undefined): boolean {
  return roleOf(tokens, cookieValue(cookieHeader, sessionCookieName(port, role))) === role;
}

/**
 * The role of a call. `claim` is what the page sends (header or WebSocket
 * query): its role name, proved by the session cookie; tools that hold the
 * token itself (tests, benches) may send it instead.
 */
export function callerRole(
  tokens: RunTokens,
  port: number,
  claim: string | null | undefined,
  cookieHeader: string | undefined,
): Role | null {
  const named = ROLES.find((role) => role === claim);
  if (named) return hasSession(tokens, port, named, cookieHeader) ? named : null;
  return roleOf(tokens, claim);
}

/** Static files need a session of either window on this port. */
export function hasAnySession(tokens: RunTokens, port: number, cookieHeader: string | undefined): boolean {
  return ROLES.some((role) => hasSession(tokens, port, role, cookieHeader));
}
