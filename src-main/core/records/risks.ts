/**
 * Risks discussed. While a draft is open, a risk counts as shown when its
 * slide of the bundled risks deck was on the patient screen during this
 * consultation (slide_views); shown long enough, it is suggested ticked. The
 * doctor confirms the list. Finalizing copies the shown times into
 * risks_discussed, so the signed record keeps both shown and confirmed.
 */
import {
  RISKS_DECK_ID,
  RISK_SUGGEST_MIN_MS,
  riskIds,
  riskSlideId,
  type RiskId,
  type RisksInput,
  type ParsedInput,
  type RisksAmendValue,
  type RisksView,
} from '../../../src-shared/contract/index.js';
import type { Services } from '../context.js';
import type { Db } from '../db/open.js';
import { recordChange, requireDraft } from './consultation-rows.js';
import { bumpSection, checkBase, sectionRevision } from './revisions.js';

interface RiskRow {
  risk: RiskId;
  confirmed: 0 | 1;
  shown_ms: number | null;
  confirmed_at: string | null;
  detail: string;
}

/**
 * Total milliseconds each risk's slide was shown in this consultation. A view
 * of no duration (the screen switched at the same instant) does not count.
 * The running view counts once the log is flushed (readRecord does that).
 */
export function shownRiskMs(db: Db, consultationId: string): Map<RiskId, number> {
  const rows = db
    .prepare(
      `SELECT slide_id, sum(duration_ms) AS ms FROM slide_views
       WHERE consultation_id = ? AND deck_id = ? GROUP BY slide_id HAVING ms > 0`,
    )
    .all(consultationId, RISKS_DECK_ID) as Array<{ slide_id: string; ms: number }>;
  const shown = new Map<RiskId, number>();
  for (const risk of riskIds) {
    const row = rows.find((r) => r.slide_id === riskSlideId(risk));
    if (row) shown.set(risk, row.ms);
  }
  return shown;
}

function riskRows(db: Db, consultationId: string): Map<RiskId, RiskRow> {
  const rows = db.prepare('SELECT * FROM risks_discussed WHERE consultation_id = ?').all(consultationId) as RiskRow[];
  return new Map(rows.map((row) => [row.risk, row]));
}

/** Live suggestions for a draft; the snapshot taken at finalizing for a signed record. */
export function readRisks(db: Db, consultationId: string, finalized: boolean): RisksView {
  const rows = riskRows(db, consultationId);
  const live = finalized ? null : shownRiskMs(db, consultationId);
  const reviewed = [...rows.values()].map((r) => r.confirmed_at).filter((at): at is string => at !== null);
  return {
    items: riskIds.map((risk) => {
      const shownMs = live ? (live.get(risk) ?? null) : (rows.get(risk)?.shown_ms ?? null);
      return {
        risk,
        shownMs,
        suggested: (shownMs ?? 0) >= RISK_SUGGEST_MIN_MS,
        confirmed: rows.get(risk)?.confirmed === 1,
      };
    }),
    otherText: rows.get('other')?.detail ?? '',
    reviewedAt: reviewed.sort().at(-1) ?? null,
  };
}

const UPSERT = `INSERT INTO risks_discussed (consultation_id, risk, confirmed, shown_ms, confirmed_at, detail)
  VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT (consultation_id, risk) DO UPDATE SET
    confirmed = excluded.confirmed, shown_ms = excluded.shown_ms,
    confirmed_at = excluded.confirmed_at, detail = excluded.detail`;

/** The doctor's confirmation: one row per risk, ticked or not. */
function writeConfirmedRisks(db: Db, consultationId: string, input: RisksInput, at: string): void {
  const shown = shownRiskMs(db, consultationId);
  const upsert = db.prepare(UPSERT);
  for (const risk of riskIds) {
    const detail = risk === 'other' ? input.otherText : '';
    upsert.run(consultationId, risk, input.confirmed.includes(risk) ? 1 : 0, shown.get(risk) ?? null, at, detail);
  }
}

/**
 * The doctor confirms which risks were discussed (the risk slide on screen counts with its time so far).
 * Confirming the same list again only marks it reviewed: no conflict, no new revision.
 */
export function confirmRisks(
  services: Services,
  { id, risks, baseRevision }: ParsedInput<'consultations.confirmRisks'>,
): void {
  const { db } = services;
  db.transaction(() => {
    requireDraft(db, id);
    if (services.presentation.views.consultationId === id) services.presentation.views.flush();
    const stored = readRisks(db, id, false);
    const before = risksAmendValue(stored);
    const after = { confirmed: riskIds.filter((r) => risks.confirmed.includes(r)), otherText: risks.otherText };
    if (JSON.stringify(before) !== JSON.stringify(after) || stored.reviewedAt === null) {
      checkBase('risks', baseRevision, { revision: sectionRevision(db, id, 'risks'), value: () => stored });
      bumpSection(db, id, 'risks');
    }
    const at = recordChange(services, id, 'consultation.update', `section=risks confirmed=${risks.confirmed.length}`);
    writeConfirmedRisks(db, id, risks, at);
  }).immediate();
}

/** Freezes the shown times at finalizing, keeping what the doctor confirmed. */
export function snapshotShownRisks(db: Db, consultationId: string): void {
  const shown = shownRiskMs(db, consultationId);
  const rows = riskRows(db, consultationId);
  const upsert = db.prepare(UPSERT);
  for (const risk of riskIds) {
    const row = rows.get(risk);
    upsert.run(
      consultationId,
      risk,
      row?.confirmed ?? 0,
      shown.get(risk) ?? null,
      row?.confirmed_at ?? null,
      row?.detail ?? '',
    );
  }
}

/** The part of the risks an amendment can change. */
export function risksAmendValue(view: RisksView): RisksAmendValue {
  return { confirmed: view.items.filter((i) => i.confirmed).map((i) => i.risk), otherText: view.otherText };
}

export function applyRisksAmendment(view: RisksView, after: RisksAmendValue): RisksView {
  return {
    ...view,
    items: view.items.map((item) => ({ ...item, confirmed: after.confirmed.includes(item.risk) })),
    otherText: after.otherText,
  };
}
