/**
 * Reading amendments: the rows of a record, parsed, and `currentSections`, the
 * signed sections with them applied in order. Writing one is `amendments.ts`
 * (kept apart because amending reads the whole record, and the record reads this).
 */
import {
  notesAmendSchema,
  riskIds,
  type AmendableSection,
  type Amendment,
  type ConsultationRecord,
  type RisksAmendValue,
} from '../../../src-shared/contract/index.js';
import type { Db } from '../db/open.js';
import { applyRisksAmendment } from './risks.js';
import { decisionView, parseDecision, parseFindings } from './sections.js';

interface AmendmentRow {
  id: number;
  at: string;
  author: string;
  section: AmendableSection;
  before: string;
  after: string;
  reason: string;
}

type Sections = ConsultationRecord['current'];

function parseRisks(json: string): RisksAmendValue {
  const value = JSON.parse(json) as { confirmed?: unknown; otherText?: unknown };
  const confirmed = Array.isArray(value.confirmed) ? value.confirmed : [];
  return {
    confirmed: riskIds.filter((risk) => confirmed.includes(risk)),
    otherText: typeof value.otherText === 'string' ? value.otherText : '',
  };
}

function toAmendment(row: AmendmentRow): Amendment {
  const base = { id: row.id, at: row.at, author: row.author, reason: row.reason };
  switch (row.section) {
    case 'findings':
      return { ...base, section: 'findings', before: parseFindings(row.before), after: parseFindings(row.after) };
    case 'decision': {
      const [before, after] = [row.before, row.after].map((json) => {
        const decision = JSON.parse(json) as { path?: string };
        return decisionView(parseDecision(decision.path, json));
      }) as [ReturnType<typeof decisionView>, ReturnType<typeof decisionView>];
      return { ...base, section: 'decision', before, after };
    }
    case 'risks':
      return { ...base, section: 'risks', before: parseRisks(row.before), after: parseRisks(row.after) };
    case 'notes':
      return {
        ...base,
        section: 'notes',
        before: notesAmendSchema.parse(JSON.parse(row.before)),
        after: notesAmendSchema.parse(JSON.parse(row.after)),
      };
  }
}

export function listAmendments(db: Db, consultationId: string): Amendment[] {
  const rows = db
    .prepare('SELECT * FROM amendments WHERE consultation_id = ? ORDER BY id')
    .all(consultationId) as AmendmentRow[];
  return rows.map(toAmendment);
}

/** The signed sections with every amendment applied, oldest first. */
export function currentSections(signed: Sections, amendments: readonly Amendment[]): Sections {
  const current: Sections = { ...signed };
  for (const amendment of amendments) {
    switch (amendment.section) {
      case 'findings':
        current.findings = amendment.after;
        break;
      case 'decision':
        current.decision = amendment.after;
        break;
      case 'risks':
        current.risks = applyRisksAmendment(current.risks, amendment.after);
        break;
      case 'notes':
        current.notes = { body: amendment.after.body };
        break;
    }
  }
  return current;
}
