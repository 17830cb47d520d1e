/**
 * What the physician should see before signing a record: every open warning,
 * computed in one pure function so the sign dialog, the bar above it and the
 * tests all agree. `blocking` warnings cannot be acknowledged (signing is
 * impossible until they are fixed); every other one must be acknowledged.
 */
import type { Decision, Findings, RisksView, SignWarningId } from './contract/index.js';

export type { SignWarningId };
import { redFlagLabels } from './labels.js';

export interface SignWarning {
  id: SignWarningId;
  text: string;
  blocking: boolean;
}

export interface SignInput {
  findings: Findings;
  decision: Pick<Decision, 'path' | 'augmentation' | 'followUpDate'>;
  risks: Pick<RisksView, 'items' | 'reviewedAt'>;
  physicianName: string;
}

/** Every open warning, the most serious first. Empty when nothing needs a second look. */
export function signWarnings({ findings, decision, risks, physicianName }: SignInput): SignWarning[] {
  const list: SignWarning[] = [];
  const add = (id: SignWarningId, text: string, blocking = false): void => {
    list.push({ id, text, blocking });
  };
  if (!physicianName.trim())
    add('physician-missing', 'Your name is missing: enter it in Settings, it signs the record.', true);
  if (findings.redFlags.length > 0) {
    const flags = findings.redFlags.map((f) => redFlagLabels[f].toLowerCase()).join('; ');
    add('red-flags', `Red flags are recorded (${flags}): work-up is needed before treatment.`);
  }
  const augmentation = decision.path === 'augmentation';
  if (augmentation && !risks.items.some((i) => i.confirmed))
    add('augmentation-no-risks', 'Augmentation is chosen, but no risk is confirmed as discussed.');
  if (augmentation && decision.augmentation.procedure === null)
    add('augmentation-no-procedure', 'Augmentation is chosen, but no procedure (kyphoplasty or vertebroplasty).');
  if (augmentation && decision.augmentation.levels.length === 0)
    add('augmentation-no-levels', 'Augmentation is chosen, but no level to treat.');
  if (risks.reviewedAt === null && risks.items.some((i) => i.suggested))
    add('risks-not-reviewed', 'Risk slides were shown, but the risks discussed are not confirmed yet.');
  if (decision.path === 'undecided') add('undecided', 'No decision: the path is still “undecided”.');
  if (findings.fracturedLevels.length === 0) add('no-levels', 'No fractured level is recorded.');
  if (findings.painNow === null) add('pain-missing', 'Pain now (0–10) is not recorded.');
  if (decision.followUpDate === null) add('follow-up-missing', 'No follow-up date is set.');
  return list;
}

/** Signing is allowed when nothing blocks and every other warning is acknowledged. */
export function canSign(warnings: readonly SignWarning[], acknowledged: ReadonlySet<SignWarningId>): boolean {
  return warnings.every((w) => !w.blocking && acknowledged.has(w.id));
}
