/**
 * `npm run bench:export`: time to export the clinician summary PDF through
 * `exports.create` (record read, HTML, print, atomic write, audit) for one
 * consultation (p50 over ≥ 20) and for 100 in one batch, with peak memory of
 * this process and of the Chromium processes under it (sampled from /proc).
 * Baseline in the same run: the same HTML printed the simple way, one
 * `chromium --headless --print-to-pdf` process per document.
 */
import { spawn } from 'node:child_process';
import { signWarningIds } from '../src-shared/contract/index.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { clinicianHtml } from '../src-main/core/export/clinician-html.js';
import { loadSummary } from '../src-main/core/export/summary.js';
import { createChromiumPdfRenderer } from '../src-main/host/chromium-pdf.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../src-main/host/chromium-flags.js';
import { closeCores, draftConsultation, exportCore } from '../tests/unit/src-main/core/export/export-fixture.js';
import { fmt, record, summary } from './lib.js';

const SINGLE_RUNS = Number(process.env.BENCH_RUNS ?? 20);
const BATCH = 100;
const CHROMIUM = CHROMIUM_PATH;

/**
 * Memory in MiB: this process's RSS, and the PSS of every process below it
 * (Chromium). PSS, not RSS, for the children: Chromium's processes share most
 * of their pages, and adding up their RSS would count those pages many times.
 */
function rssNow(): { node: number; children: number } {
  const parents = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name may hold spaces: the parent pid comes after its closing parenthesis.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  const below = new Set<number>([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (below.has(ppid) && !below.has(pid)) {
        below.add(pid);
        grew = true;
      }
    }
  }
  let children = 0;
  for (const pid of below) {
    if (pid === process.pid) continue;
    try {
      const kb = /^Pss:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1];
      children += Number(kb ?? 0) / 1024;
    } catch {
      // Gone.
    }
  }
  return { node: process.memoryUsage().rss / 2 ** 20, children };
}

/** Time of one run, nothing else measured (reading /proc costs CPU the printer needs). */
async function timed(task: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await task();
  return performance.now() - start;
}

/**
 * Runs `task`, sampling memory every 500 ms (each sample reads smaps_rollup of
 * every Chromium process, a few ms of CPU); answers its time and the peaks.
 */
async function measured(task: () => Promise<unknown>): Promise<{ ms: number; node: number; children: number }> {
  const peak = rssNow();
  const timer = setInterval(() => {
    const now = rssNow();
    peak.node = Math.max(peak.node, now.node);
    peak.children = Math.max(peak.children, now.children);
  }, 500);
  const start = performance.now();
  await task();
  const ms = performance.now() - start;
  clearInterval(timer);
  return { ms, ...peak };
}

/** The simple way: a new headless Chromium per document, printing an HTML file. */
function printWithCli(htmlFile: string, pdfFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      CHROMIUM,
      [...CHROMIUM_ARGS, '--headless', '--no-pdf-header-footer', `--print-to-pdf=${pdfFile}`, `file://${htmlFile}`],
      { stdio: 'ignore' },
    );
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`chromium exited ${code}`))));
  });
}

const pdf = createChromiumPdfRenderer();
const t = await exportCore({ pdf });
const ids: string[] = [];
for (let i = 0; i < BATCH; i += 1) {
  const code = `BENCH-${String(i).padStart(3, '0')}`;
  const draft = await draftConsultation(t, { patient: { code, hospitalNumber: `H-${code}` } });
  // Signed, without the fixture's amendment (it moves the clock a day each time).
  await t.call('consultations.finalize', { id: draft.id, acknowledged: [...signWarningIds] });
  ids.push(draft.id);
}
const exportOne = (id: string) =>
  t.call('exports.create', { consultationIds: [id], kind: 'clinician-pdf', pseudonymize: false });

await exportOne(ids[0] ?? ''); // starts Chromium: not part of any sample
await exportOne(ids[1] ?? '');
const single: number[] = [];
for (let i = 0; i < SINGLE_RUNS; i += 1) single.push(await timed(() => exportOne(ids[i % BATCH] ?? '')));
const batch = await measured(() =>
  t.call('exports.create', { consultationIds: ids, kind: 'clinician-pdf', pseudonymize: false }),
);
await pdf.close();

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-bench-'));
const htmlFiles = ids.map((id, i) => {
  const file = path.join(work, `${i}.html`);
  fs.writeFileSync(file, clinicianHtml(loadSummary(t.core.services, id, false)));
  return file;
});
const cliSingle: number[] = [];
for (let i = 0; i < SINGLE_RUNS; i += 1) {
  const file = htmlFiles[i] ?? '';
  cliSingle.push(await timed(() => printWithCli(file, `${file}.pdf`)));
}
const cliBatch = await measured(async () => {
  for (const file of htmlFiles) await printWithCli(file, `${file}.pdf`);
});
closeCores();
fs.rmSync(work, { recursive: true, force: true });

const mib = (value: number): string => `${value.toFixed(0)} MiB`;
const one = summary(single);
const cliOne = summary(cliSingle);
console.log(
  `bench:export — clinician summary PDF (${os.cpus().length} cores), single p50/p95 over ${SINGLE_RUNS} runs`,
);
console.log(
  'case                                           single p50   single p95   100 in a batch   peak node RSS   peak chromium PSS',
);
console.log(
  `ConsultDeck exports.create (kept Chromium)     ${fmt(one.p50).padEnd(12)} ${fmt(one.p95).padEnd(12)} ${fmt(batch.ms).padEnd(16)} ${mib(batch.node).padEnd(15)} ${mib(batch.children)}`,
);
console.log(
  `baseline: chromium --print-to-pdf per document ${fmt(cliOne.p50).padEnd(12)} ${fmt(cliOne.p95).padEnd(12)} ${fmt(cliBatch.ms).padEnd(16)} ${mib(cliBatch.node).padEnd(15)} ${mib(cliBatch.children)}`,
);
console.log(
  `batch of 100: ${(cliBatch.ms / batch.ms).toFixed(1)}× faster than the baseline (baseline prints HTML only; ours also reads, writes and audits)`,
);
record(
  {
    bench: 'export',
    figure: 'clinician PDF single p50',
    value: one.p50,
    unit: 'ms',
    baseline: { label: 'chromium --print-to-pdf', value: cliOne.p50 },
  },
  {
    bench: 'export',
    figure: '100 PDFs in a batch',
    value: batch.ms,
    unit: 'ms',
    baseline: { label: 'chromium --print-to-pdf ×100', value: cliBatch.ms },
  },
  {
    bench: 'export',
    figure: 'Chromium peak for 100 PDFs',
    value: batch.children,
    unit: 'MiB',
    baseline: { label: 'chromium --print-to-pdf ×100', value: cliBatch.children },
    goal: '< 400 MiB',
    met: batch.children < 400,
  },
);
