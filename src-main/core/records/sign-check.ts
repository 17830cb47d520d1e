/**
 * Signing is checked by core, not only by the sign dialog: the open warnings are computed from the stored
 * record with the same pure function the dialog uses (`src-shared/sign-warnings.ts`), and a record is signed
 * only when every one was acknowledged. A window that skips the dialog (an old console, a script with the
 * doctor's session) cannot sign past a red flag unseen.
 */
import type { SignWarningId } from '../../../src-shared/contract/index.js';
import { ApiError } from '../../../src-shared/errors.js';
import { signWarnings } from '../../../src-shared/sign-warnings.js';
import { appendAudit } from '../audit.js';
import type { Services } from '../context.js';
import { readRecord } from './record.js';
import { readSettings } from './settings.js';

/** The warnings open on the record now; refused unless each was acknowledged. */
export function requireAcknowledged(
  services: Services,
  id: string,
  acknowledged: readonly SignWarningId[],
): SignWarningId[] {
  const record = readRecord(services, id);
  const { physicianName } = readSettings(services.db);
  const open = signWarnings({
    findings: record.current.findings,
    decision: record.current.decision,
    risks: record.risks,
    physicianName,
  });
  // A blocking warning (no physician name) is refused by finalizing itself, naming the setting to fill in.
  const given = new Set(acknowledged);
  const missing = open.filter((w) => !w.blocking && !given.has(w.id));
  if (missing.length > 0) {
    throw new ApiError(
      'CONFLICT',
      `Not signed: please look at ${missing.length === 1 ? 'this warning' : 'these warnings'} first — ${missing.map((w) => w.text).join(' ')}`,
      'acknowledged',
    );
  }
  return open.filter((w) => !w.blocking).map((w) => w.id);
}

/** The warnings the physician acknowledged when signing, kept in the audit log (ids only, no record text). */
export function auditAcknowledged(services: Services, id: string, warnings: readonly SignWarningId[]): void {
  if (warnings.length === 0) return;
  appendAudit(services.db, {
    at: services.clock().toISOString(),
    actor: readSettings(services.db).physicianName || 'doctor',
    action: 'consultation.sign-warnings',
    consultationId: id,
    detail: `acknowledged=${warnings.join(',')}`,
  });
}
