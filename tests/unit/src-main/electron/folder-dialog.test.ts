import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFolderPicker } from '../../../../src-main/electron/folder-dialog.js';

let dir = '';
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function picker(answers: Array<string | null>) {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-folders-'));
  const dialog = {
    showOpenDialog: vi.fn(async () => {
      const next = answers.shift() ?? null;
      return { canceled: next === null, filePaths: next === null ? [] : [next] };
    }),
  };
  const file = path.join(dir, 'export-folders.json');
  return { dialog, file, pick: createFolderPicker({ dialog: dialog as never, parent: {} as never, file }) };
}

const openedAt = (dialog: { showOpenDialog: { mock: { calls: unknown[][] } } }, n: number): unknown =>
  (dialog.showOpenDialog.mock.calls[n]?.[1] as { defaultPath?: string } | undefined)?.defaultPath;

describe('folder dialog for exports', () => {
  it('opens on the export folder first, then on the folder last chosen for the same kind', async () => {
    const { dialog, pick } = picker(['/srv/letters', '/srv/fhir', '/srv/letters-2']);
    expect(await pick.choose('clinician-pdf', '/data/exports')).toBe('/srv/letters');
    expect(await pick.choose('fhir-json', '/data/exports')).toBe('/srv/fhir');
    expect(await pick.choose('clinician-pdf', '/data/exports')).toBe('/srv/letters-2');
    expect([0, 1, 2].map((n) => openedAt(dialog, n))).toEqual(['/data/exports', '/data/exports', '/srv/letters']);
    expect((dialog.showOpenDialog.mock.calls as unknown[][])[0]?.[1]).toMatchObject({
      properties: ['openDirectory', 'createDirectory'],
    });
  });

  it('remembers across restarts, and a cancel changes nothing', async () => {
    const first = picker(['/srv/register']);
    await first.pick.choose('register-csv', '/data/exports');
    const again = createFolderPicker({ dialog: first.dialog as never, parent: {} as never, file: first.file });
    expect(await again.choose('register-csv', '/data/exports')).toBeNull();
    expect(openedAt(first.dialog, 1)).toBe('/srv/register');
    expect(JSON.parse(fs.readFileSync(first.file, 'utf8'))).toEqual({ 'register-csv': '/srv/register' });
  });
});
