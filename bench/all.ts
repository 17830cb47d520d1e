/**
 * `npm run bench`: every benchmark in turn, then one table of every figure
 * next to its same-run baseline and its goal. Each benchmark runs as its own
 * process (as `npm run bench:<name>` does) and appends its figures to a file.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot, type BenchFigure } from './lib.js';

const started = Date.now();
const elapsedMinutes = (): string => ((Date.now() - started) / 60_000).toFixed(1);
const BENCHES = (process.env.BENCHES ?? 'present,draw,store,timeline,export,start,soak').split(',');
const results = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-bench-')), 'figures.jsonl');
const failed: string[] = [];
for (const name of BENCHES) {
  const file = path.join(repoRoot, 'bench', `${name}.ts`);
  if (!fs.existsSync(file)) continue;
  console.log(`\n=== bench:${name}`);
  const run = spawnSync('npm', ['exec', '--', 'tsx', file], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, BENCH_RESULTS: results },
  });
  if (run.status !== 0) failed.push(name);
}

const figures = fs.existsSync(results)
  ? fs
      .readFileSync(results, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as BenchFigure)
  : [];
const num = (value: number, unit: string): string => `${value.toFixed(value >= 100 ? 0 : 1)} ${unit}`;
const rows = figures.map((f) => [
  f.bench,
  f.figure,
  num(f.value, f.unit),
  f.baseline ? `${num(f.baseline.value, f.unit)} (${f.baseline.label})` : '',
  f.goal ?? '',
  f.met === undefined ? '' : f.met ? 'met' : 'MISSED',
  f.load === undefined ? '' : f.load.toFixed(1),
]);
const header = ['bench', 'figure', 'value', 'baseline, same run', 'goal', '', 'load'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
const title = `ConsultDeck benchmarks, ${os.cpus().length} cores, ${new Date().toISOString()}, ${elapsedMinutes()} min (load: the 1-minute load average when each figure was taken; N as each figure names it)`;
const table = [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
console.log(`\n${title}`);
for (const row of table) console.log(row);
// The same table as markdown, for the lead to paste (bench/results/ is not committed).
const resultsDir = path.join(repoRoot, 'bench', 'results');
fs.mkdirSync(resultsDir, { recursive: true });
fs.writeFileSync(path.join(resultsDir, 'latest.md'), `# ${title}\n\n${table.join('\n')}\n`);
console.log(`\nWritten to ${path.relative(repoRoot, path.join(resultsDir, 'latest.md'))}`);
if (failed.length > 0) {
  console.log(`\nFailed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
