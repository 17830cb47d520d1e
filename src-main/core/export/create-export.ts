/**
 * One export call: read every record into a summary, render the documents in
 * memory, then write them all (or none). Rendering comes before any write, so a
 * failed render leaves no file either. The audit names each file twice (issue
 * 11, M6): `export.started` before the first byte is written, `export` (done)
 * or `export.failed` after, so a crash mid-export never leaves a file on disk
 * that the audit does not know of. Temp files a killed export left are removed
 * at the start of the next one (and when core starts).
 */
import type { ExportKind, ExportedFile } from '../../../src-shared/contract/index.js';
import { ApiError } from '../../../src-shared/errors.js';
import { appendAudit } from '../audit.js';
import type { Services } from '../context.js';
import { localDate } from '../records/dates.js';
import { actorName, readSettings } from '../records/settings.js';
import { clinicianHtml, clinicianPage } from './clinician-html.js';
import { visitHtml, visitPage } from './visit-html.js';
import { loadFollowUp } from '../records/follow-ups.js';
import { clinicianText, type ClinicianText } from './clinician-text/index.js';
import { fhirBundle } from './fhir.js';
import { leafletHtml } from './leaflet-html.js';
import type { PdfRenderer } from './pdf-renderer.js';
import { recordText } from './record-text.js';
import { registerCsv } from './register-csv.js';
import { loadSummary, type ExportSummary } from './summary.js';
import { checkExportFolder, safeNamePart, writeAuditedFiles, type PendingFile } from './write-files.js';

/** Two documents print at once: the machines have two cores, and Chromium prints each in its own renderer. */
const PDF_CONCURRENCY = 2;

export interface ExportRequest {
  consultationIds: readonly string[];
  kind: ExportKind;
  pseudonymize: boolean;
  /** Chosen in the desktop app's folder dialog for this run. */
  folder?: string;
}

const baseName = (s: ExportSummary): string => `${s.day}_${safeNamePart(s.patient.code)}`;

function requirePdf(services: Services): PdfRenderer {
  if (!services.pdf) throw new ApiError('INTERNAL', 'PDF export is not available in this window of ConsultDeck.');
  return services.pdf;
}

/** Runs `task` over `items`, at most `limit` at a time, keeping the order of the results. */
async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * The words of the clinician's documents: the console's language at the moment of export (issue 14).
 * The leaflet follows the patient's language; FHIR and the register CSV stay English (data, not letters).
 */
function documentText(services: Services): ClinicianText {
  return clinicianText(readSettings(services.db).consoleLanguage);
}

/** The files of one export, in memory. */
export async function renderExport(
  services: Services,
  summaries: readonly ExportSummary[],
  kind: ExportKind,
  exportedAt: string,
): Promise<PendingFile[]> {
  switch (kind) {
    case 'clinician-pdf': {
      const pdf = requirePdf(services);
      const t = documentText(services);
      return mapLimited(summaries, PDF_CONCURRENCY, async (s) => ({
        name: `${baseName(s)}_kyphoplasty-consult.pdf`,
        data: await pdf.render(clinicianHtml(s, t), s.clinic.paperSize, clinicianPage(s, t)),
      }));
    }
    case 'patient-leaflet-pdf': {
      const pdf = requirePdf(services);
      return mapLimited(summaries, PDF_CONCURRENCY, async (s) => ({
        name: `${baseName(s)}_patient-leaflet-${s.language}.pdf`,
        data: await pdf.render(leafletHtml(s), s.clinic.paperSize),
      }));
    }
    case 'record-text': {
      const t = documentText(services);
      return summaries.map((s) => ({ name: `${baseName(s)}_record.md`, data: Buffer.from(recordText(s, t), 'utf8') }));
    }
    case 'fhir-json':
      return summaries.map((s) => ({
        name: `${baseName(s)}_fhir.json`,
        data: Buffer.from(`${JSON.stringify(fhirBundle(s, exportedAt), null, 2)}\n`, 'utf8'),
      }));
    case 'register-csv': {
      const day = localDate(new Date(exportedAt));
      return [
        {
          name: `${day}_register_${summaries.length}-consultations.csv`,
          data: Buffer.from(registerCsv(summaries), 'utf8'),
        },
      ];
    }
  }
}

function auditExport(services: Services, ids: readonly string[], detail: string, action = 'export'): void {
  const { db } = services;
  db.transaction(() => {
    const at = services.clock().toISOString();
    const actor = actorName(db);
    // Which record went out, how, and under which file names (dates and pseudonymous codes); never record text.
    for (const id of ids) appendAudit(db, { at, actor, action, consultationId: id, detail });
  }).immediate();
}

export async function createExport(services: Services, request: ExportRequest): Promise<{ files: ExportedFile[] }> {
  const exportedAt = services.clock().toISOString();
  const summaries = request.consultationIds.map((id, i) =>
    loadSummary(services, id, request.pseudonymize, `consultationIds.${i}`),
  );
  // A folder chosen for this run is checked before anything is rendered for it.
  if (request.folder) checkExportFolder(request.folder, 'folder', ' Nothing was exported.');
  const pending = await renderExport(services, summaries, request.kind, exportedAt);
  return writeAudited(services, request.consultationIds, pending, {
    detail: `kind=${request.kind} pseudonymized=${request.pseudonymize}`,
    folder: request.folder,
  });
}

/** A signed visit's own PDF, written and audited like the consultation's documents. */
export async function createVisitExport(
  services: Services,
  request: { followUpId: string; pseudonymize: boolean; folder?: string | undefined },
): Promise<{ files: ExportedFile[] }> {
  const visit = loadFollowUp(services.db, request.followUpId);
  if (visit.status !== 'finalized') {
    throw new ApiError('CONFLICT', 'Sign the visit first: only a signed visit is exported.', 'followUpId');
  }
  const summary = loadSummary(services, visit.consultationId, request.pseudonymize, 'followUpId');
  // The summary's copy of the visit: its free text scrubbed when pseudonymized.
  const shown = summary.followUps.find((v) => v.id === visit.id) ?? visit;
  if (request.folder) checkExportFolder(request.folder, 'folder', ' Nothing was exported.');
  const data = await requirePdf(services).render(
    visitHtml(summary, shown),
    summary.clinic.paperSize,
    visitPage(summary),
  );
  const name = `${visit.visitDate}_${safeNamePart(summary.patient.code)}_follow-up-visit.pdf`;
  return writeAudited(services, [visit.consultationId], [{ name, data }], {
    detail: `kind=visit-pdf followUp=${visit.id} pseudonymized=${request.pseudonymize}`,
    folder: request.folder,
  });
}

/** Writes an export's files, audited against each consultation it holds (see `writeAuditedFiles`). */
function writeAudited(
  services: Services,
  consultationIds: readonly string[],
  pending: PendingFile[],
  options: { detail: string; folder?: string | undefined },
): { files: ExportedFile[] } {
  const setting = options.folder ?? readSettings(services.db).exportFolder;
  const files = writeAuditedFiles({ setting, dataDir: services.dataDir }, pending, options.detail, (action, detail) =>
    auditExport(services, consultationIds, detail, action),
  );
  return { files };
}

/** The clinician summary or the leaflet through the system print dialog; audited like a file export when printed. */
export async function printExport(
  services: Services,
  request: { consultationId: string; document: 'clinician-summary' | 'patient-leaflet'; pseudonymize: boolean },
): Promise<{ printed: boolean }> {
  const printer = services.pdf?.print?.bind(services.pdf);
  if (!printer) {
    throw new ApiError(
      'NOT_FOUND',
      'Printing through the system dialog is only in the desktop app. Export the PDF and print it from its viewer.',
    );
  }
  const summary = loadSummary(services, request.consultationId, request.pseudonymize, 'consultationId');
  const clinician = request.document === 'clinician-summary';
  const t = documentText(services);
  const html = clinician ? clinicianHtml(summary, t) : leafletHtml(summary);
  const printed = await printer(html, summary.clinic.paperSize, clinician ? clinicianPage(summary, t) : {});
  if (printed) {
    auditExport(
      services,
      [request.consultationId],
      `kind=${request.document} target=printer pseudonymized=${request.pseudonymize}`,
    );
  }
  return { printed };
}

/** The health-record text for the clipboard; audited like a file export. */
export function exportText(services: Services, consultationId: string, pseudonymize: boolean): { text: string } {
  const text = recordText(loadSummary(services, consultationId, pseudonymize), documentText(services));
  auditExport(services, [consultationId], `kind=record-text target=clipboard pseudonymized=${pseudonymize}`);
  return { text };
}
