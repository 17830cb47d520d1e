/**
 * `npm run package:check` (part of `npm test`): builds the desktop package as
 * electron-builder.yml says, unpacked for linux-x64, against a stand-in
 * Electron (these machines cannot download Electron; the package's contents
 * do not depend on it), then checks what a physician would install: every
 * file the app needs is inside, nothing else is, the native module loads, the
 * fuses are set, and core runs from the package on a temp data folder. It also
 * validates electron-builder.yml for every target against app-builder-lib's schema.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import * as asar from '@electron/asar';
import { makeStandInElectron, readFuseWire } from './stand-in-electron.js';
import { validateBuilderConfig } from './validate-config.js';

const root = path.resolve(import.meta.dirname, '../..');
/** Resources (asar + unpacked), Electron itself excluded. */
export const BUDGET_BYTES = 40 * 1024 * 1024;
const LANGUAGES = ['en', 'fr', 'de'];
/** RunAsNode off, cookie encryption on, NODE_OPTIONS off, inspect off, asar integrity on, only from asar. */
const EXPECTED_FUSES = '010011';

const failures: string[] = [];
const check = (ok: boolean, what: string): void => {
  if (!ok) failures.push(what);
};
const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

function sizeOf(target: string): number {
  const stat = fs.lstatSync(target);
  if (!stat.isDirectory()) return stat.size;
  return fs.readdirSync(target).reduce((sum, name) => sum + sizeOf(path.join(target, name)), 0);
}

function listFiles(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full, base) : [path.relative(base, full).split(path.sep).join('/')];
  });
}

function build(work: string): string {
  const dist = makeStandInElectron(path.join(work, 'electron-dist'));
  const output = path.join(work, 'out');
  const bin = path.join(root, 'node_modules', '.bin', 'electron-builder');
  const result = spawnSync(
    bin,
    ['--linux', 'dir', '--x64', `-c.electronDist=${dist}`, `-c.directories.output=${output}`],
    { cwd: root, encoding: 'utf8', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } },
  );
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    throw new Error('electron-builder failed');
  }
  return path.join(output, 'linux-unpacked');
}

/** Relative imports of the bundle resolve inside it; bare ones are node builtins or packaged modules. */
function checkImports(appDir: string, files: string[]): void {
  const allowedBare = new Set(['electron', 'better-sqlite3']);
  for (const file of files.filter((f) => f.startsWith('out/app/') && f.endsWith('.js'))) {
    const text = fs.readFileSync(path.join(appDir, file), 'utf8');
    for (const [, spec] of text.matchAll(/^import\s[^'"]*["']([^"']+)["']/gm)) {
      if (!spec) continue;
      if (spec.startsWith('.')) {
        check(
          fs.existsSync(path.resolve(path.dirname(path.join(appDir, file)), spec)),
          `${file} imports missing ${spec}`,
        );
      } else {
        check(spec.startsWith('node:') || allowedBare.has(spec), `${file} imports ${spec}, not in the package`);
      }
    }
  }
}

function checkContents(appDir: string, files: string[]): void {
  const has = (file: string): boolean => files.includes(file);
  const pkg = JSON.parse(fs.readFileSync(path.join(appDir, 'package.json'), 'utf8')) as { main?: string };
  check(!!pkg.main && has(pkg.main), `main entry ${pkg.main} is in the package`);
  checkImports(appDir, files);
  for (const role of ['doctor', 'patient']) check(has(`out/preload/${role}.cjs`), `preload ${role}.cjs`);
  for (const page of ['doctor', 'patient', 'identify']) {
    const html = `out/renderer/${page}/index.html`;
    check(has(html), `renderer page ${html}`);
    if (!has(html)) continue;
    for (const [, src] of fs.readFileSync(path.join(appDir, html), 'utf8').matchAll(/(?:src|href)="\/([^"]+)"/g)) {
      if (src) check(has(`out/renderer/${src}`), `${html} needs ${src}`);
    }
  }
  for (const sql of fs.readdirSync(path.join(root, 'db')).filter((f) => f.endsWith('.sql'))) {
    check(has(`db/${sql}`), `migration db/${sql}`);
  }
  for (const deck of fs
    .readdirSync(path.join(root, 'slides'), { withFileTypes: true })
    .filter((d) => d.isDirectory())) {
    for (const file of listFiles(path.join(root, 'slides', deck.name))) {
      check(has(`slides/${deck.name}/${file}`), `deck file slides/${deck.name}/${file}`);
    }
    for (const language of LANGUAGES)
      check(has(`slides/${deck.name}/${language}.md`), `deck ${deck.name} in ${language}`);
  }
  const stray = files.filter(
    (f) =>
      /\.(ts|map|tsx|svelte)$/.test(f) ||
      /^(tests|bench|src-main|src-renderer|src-shared|scripts)\//.test(f) ||
      /(^|\/)(test|tests|__tests__)\//.test(f),
  );
  check(stray.length === 0, `no test, bench, source or map files (found: ${stray.slice(0, 5).join(', ')})`);
  const forbidden = files.filter((f) =>
    /^node_modules\/(playwright-core|ws|@napi-rs|zod|marked|sanitize-html|yaml)\//.test(f),
  );
  check(
    forbidden.length === 0,
    `no browser-mode or bundled dependency in node_modules (found: ${forbidden.slice(0, 3).join(', ')})`,
  );
}

function checkNative(resources: string, files: string[]): void {
  const unpacked = path.join(resources, 'app.asar.unpacked');
  const binary = path.join(unpacked, 'node_modules/better-sqlite3/prebuilds/linux-x64.node');
  check(fs.existsSync(binary), 'better-sqlite3 linux-x64 binary unpacked beside the asar');
  const natives = [
    ...files.filter((f) => f.endsWith('.node')),
    ...(fs.existsSync(unpacked) ? listFiles(unpacked).filter((f) => f.endsWith('.node')) : []),
  ];
  const others = [...new Set(natives)].filter((f) => !f.endsWith('prebuilds/linux-x64.node'));
  check(others.length === 0, `no other platform's native binary (found: ${others.join(', ')})`);
  if (!fs.existsSync(binary)) return;
  // Loaded from the unpacked path by the project's Node 22, as Electron's main would.
  const Database = createRequire(path.join(unpacked, 'node_modules/better-sqlite3/package.json'))(
    path.join(unpacked, 'node_modules/better-sqlite3'),
  ) as typeof import('better-sqlite3');
  const db = new Database(':memory:');
  const version = (db.prepare('select sqlite_version() as v').get() as { v: string }).v;
  db.close();
  check(/^3\./.test(version), 'unpacked better-sqlite3 opens a database');
}

function runCore(work: string, extracted: string): string {
  const dataDir = fs.mkdtempSync(path.join(work, 'data-'));
  const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
  const result = spawnSync(tsx, [path.join(import.meta.dirname, 'core-smoke.ts'), extracted, dataDir], {
    cwd: work,
    encoding: 'utf8',
    // Nothing from the project's own node_modules: resolution starts in the extracted package.
    env: { ...process.env, NODE_PATH: '' },
  });
  if (result.status !== 0) {
    failures.push(`core from the package failed: ${result.stderr.trim().split('\n').slice(-5).join(' | ')}`);
    return '';
  }
  const report = JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}') as {
    userVersion: number;
    decks: string[];
    slides: Record<string, number>;
    export: { file: string; hasNote: boolean };
  };
  const migrations = fs.readdirSync(path.join(root, 'db')).filter((f) => f.endsWith('.sql')).length;
  check(report.userVersion === migrations, `database migrated to ${migrations} (got ${report.userVersion})`);
  const bundled = fs.readdirSync(path.join(root, 'slides'), { withFileTypes: true }).filter((d) => d.isDirectory());
  check(
    bundled.every((d) => report.decks.includes(d.name)),
    'every bundled deck listed by the packaged core',
  );
  check(
    Object.values(report.slides).every((n) => n > 0),
    'every deck loads in en, fr and de',
  );
  check(report.export.hasNote, 'record export written with the saved note');
  return `core from the package: schema ${report.userVersion}, ${report.decks.length} decks × 3 languages, note saved, ${report.export.file} written`;
}

async function main(): Promise<number> {
  const started = Date.now();
  const schemaErrors = await validateBuilderConfig(path.join(root, 'electron-builder.yml'));
  for (const error of schemaErrors) failures.push(`electron-builder.yml: ${error}`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-package-'));
  try {
    const appOut = build(work);
    const resources = path.join(appOut, 'resources');
    const extracted = path.join(work, 'extracted');
    asar.extractAll(path.join(resources, 'app.asar'), extracted);
    const files = listFiles(extracted);
    checkContents(extracted, files);
    checkNative(resources, files);
    const wire = readFuseWire(path.join(appOut, 'consultdeck'));
    check(wire.startsWith(EXPECTED_FUSES), `fuses set as electron-builder.yml says (wire ${wire})`);
    const coreLine = runCore(work, extracted);
    const size = sizeOf(resources);
    check(size <= BUDGET_BYTES, `resources ${mib(size)} within the ${mib(BUDGET_BYTES)} budget`);
    console.log(`package: ${files.length} files, resources ${mib(size)} (budget ${mib(BUDGET_BYTES)}), fuses ${wire}`);
    if (coreLine) console.log(coreLine);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  if (failures.length > 0) {
    console.error(`package:check failed:\n- ${failures.join('\n- ')}`);
    return 1;
  }
  console.log(`package:check passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

process.exitCode = await main();
