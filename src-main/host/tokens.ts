/**
 * Per-run secrets of browser mode. Each window role has its own token, so a
 * patient-screen URL can never be used to read records; the asset cookie only
 * opens static files.
 */
import crypto from 'node:crypto';
import type { Role } from '../../src-shared/contract/index.js';

export interface RunTokens {
  doctor: string;
  patient: string;
  assets: string;
}

export function createTokens(): RunTokens {
  const make = (): string => crypto.randomBytes(32).toString('base64url');
  return { doctor: make(), patient: make(), assets: make() };
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

export function hasAssetCookie(tokens: RunTokens, cookieHeader: string | undefined): boolean {
  const match = /(?:^|;\s*)cd_assets=([^;]+)/.exec(cookieHeader ?? '');
  return match?.[1] !== undefined && same(match[1], tokens.assets);
}
