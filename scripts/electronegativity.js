// Runs Electronegativity over the Electron code and the pages together, and
// fails on any finding or parse error (the tool itself always exits 0). An
// accepted exemption is written next to the code as an `eng-disable` comment
// with its reason.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'out', 'electronegativity');
const input = path.join(out, 'input');
fs.rmSync(out, { recursive: true, force: true });
// One input folder with the main-process code and the pages, so global checks
// (CSP, navigation limits, permission handler) see the whole app.
fs.cpSync(path.join(root, 'src-main'), path.join(input, 'src-main'), { recursive: true });
for (const page of ['doctor', 'patient', 'identify']) {
  fs.cpSync(path.join(root, 'src-renderer', page, 'index.html'), path.join(input, 'src-renderer', page, 'index.html'));
}
fs.copyFileSync(path.join(root, 'package.json'), path.join(input, 'package.json'));

// AvailableSecurityFixesGlobalCheck downloads Electron's release list from
// GitHub, which these machines cannot reach; `npm outdated electron` covers it.
// ElectronVersionJSONCheck only reports the Electron version for that check (JSON allows no exemption comment).
const excluded = ['AvailableSecurityFixesGlobalCheck', 'ElectronVersionJSONCheck'];
const sarif = path.join(out, 'report.sarif');
const run = spawnSync(
  path.join(root, 'node_modules', '.bin', 'electronegativity'),
  ['-i', input, '-r', '-o', sarif, '-x', excluded.join(','), '-v', 'false'],
  { encoding: 'utf8', cwd: root },
);
const log = `${run.stdout}\n${run.stderr}`;
const errors = log.split('\n').filter((line) => /error|unable to parse|failed/i.test(line));
for (const line of errors) console.log(`electronegativity: ${line.trim()}`);
let findings = 0;
if (fs.existsSync(sarif)) {
  const report = JSON.parse(fs.readFileSync(sarif, 'utf8'));
  for (const result of report.runs.flatMap((r) => r.results)) {
    const where = result.locations?.[0]?.physicalLocation;
    console.log(
      `${where?.artifactLocation?.uri}:${where?.region?.startLine ?? 0}: ${result.ruleId} ${result.message?.text ?? ''}`,
    );
    findings += 1;
  }
} else {
  errors.push('no report written');
}
console.log(`electronegativity: ${findings} findings, ${errors.length} parse errors`);
process.exit(findings + errors.length === 0 ? 0 : 1);
