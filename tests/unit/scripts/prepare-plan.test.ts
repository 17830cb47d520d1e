import { describe, expect, it } from 'vitest';
import { plan, type Machine } from '../../../scripts/prepare/plan.js';

const debian: Machine = { platform: 'linux', osId: 'debian', osLike: [], isRoot: true };
const ubuntu: Machine = { platform: 'linux', osId: 'ubuntu', osLike: ['debian'], isRoot: false };
const fedora: Machine = { platform: 'linux', osId: 'fedora', osLike: [], isRoot: false };
const mac: Machine = { platform: 'darwin', osId: '', osLike: [], isRoot: false };
const windows: Machine = { platform: 'win32', osId: '', osLike: [], isRoot: false };

describe('preparing the test machine', () => {
  it('does nothing where everything is there', () => {
    expect(plan([], { ...debian, isRoot: false })).toEqual({ kind: 'ready' });
  });

  it('installs with apt-get as root on Debian', () => {
    expect(plan(['chromium', 'poppler', 'fonts'], debian)).toEqual({
      kind: 'install',
      packages: ['chromium', 'poppler-utils', 'fonts-dejavu-core'],
      command: 'apt-get install -y chromium poppler-utils fonts-dejavu-core',
    });
  });

  it('stops with the sudo command on Debian when not root', () => {
    const result = plan(['chromium', 'poppler'], { ...debian, isRoot: false });
    expect(result.kind).toBe('stop');
    expect(result.kind === 'stop' && result.message).toContain('sudo apt-get install -y chromium poppler-utils');
  });

  it('never installs on Ubuntu (its chromium is a snap): says snap for Chromium, apt for the rest', () => {
    const result = plan(['chromium', 'poppler'], { ...ubuntu, isRoot: true });
    expect(result.kind).toBe('stop');
    const message = result.kind === 'stop' ? result.message : '';
    expect(message).toContain('snap install chromium');
    expect(message).toContain('apt-get install -y poppler-utils');
    expect(message).not.toContain('sudo');
  });

  it('names the command of each system', () => {
    const message = (m: Machine): string => {
      const r = plan(['chromium', 'poppler'], m);
      return r.kind === 'stop' ? r.message : '';
    };
    expect(message(fedora)).toContain('sudo dnf install -y chromium poppler-utils');
    expect(message({ ...fedora, osId: 'arch' })).toContain('sudo pacman -S --needed chromium poppler');
    expect(message(mac)).toContain('npx playwright install chromium');
    expect(message(mac)).toContain('brew install poppler');
    expect(message(windows)).toContain('choco install -y poppler');
    expect(message(windows)).toContain('CHROMIUM_PATH');
  });

  it('does not mention Chromium when only poppler is missing', () => {
    const result = plan(['poppler'], fedora);
    expect(result.kind === 'stop' && result.message).toBe(
      'npm test needs pdftotext and pdftoppm (poppler), not found on this machine. Run:\n  sudo dnf install -y poppler-utils\nthen `npm test` again.',
    );
  });
});
