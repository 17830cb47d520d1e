/**
 * What `npm test` needs from the machine besides node_modules, and what to do
 * when something is missing: install it where the machine allows (Debian-like
 * and root, as on CI), or stop with the one command to run on this system.
 * Pure: the caller probes the machine; tests cover every branch.
 */

/** Chromium (e2e tests, PDF printing), poppler's pdftotext/pdftoppm (PDF checks), any font (Chromium's text). */
export type Tool = 'chromium' | 'poppler' | 'fonts';

export interface Machine {
  platform: NodeJS.Platform;
  /** /etc/os-release ID and ID_LIKE, lower-case ('' and [] elsewhere). */
  osId: string;
  osLike: readonly string[];
  isRoot: boolean;
}

export type Plan =
  { kind: 'ready' } | { kind: 'install'; packages: string[]; command: string } | { kind: 'stop'; message: string };

const LABELS: Record<Tool, string> = {
  chromium: 'Chromium (or Chrome)',
  poppler: 'pdftotext and pdftoppm (poppler)',
  fonts: 'a font (fontconfig found none)',
};

const DEBIAN_PACKAGES: Record<Tool, string> = {
  chromium: 'chromium',
  poppler: 'poppler-utils',
  fonts: 'fonts-dejavu-core',
};

type Family = 'debian' | 'ubuntu' | 'fedora' | 'arch' | 'macos' | 'windows' | 'other';

export function family(machine: Machine): Family {
  if (machine.platform === 'darwin') return 'macos';
  if (machine.platform === 'win32') return 'windows';
  const ids = [machine.osId, ...machine.osLike];
  // Ubuntu before Debian: it is Debian-like, but its `chromium` package is a snap.
  if (ids.includes('ubuntu')) return 'ubuntu';
  if (ids.includes('debian')) return 'debian';
  if (ids.some((id) => ['fedora', 'rhel', 'centos'].includes(id))) return 'fedora';
  if (ids.includes('arch')) return 'arch';
  return 'other';
}

/** The exact command(s) a person runs on this system to get what is missing. */
export function manualCommand(missing: readonly Tool[], machine: Machine): string {
  const has = (tool: Tool): boolean => missing.includes(tool);
  const sudo = machine.isRoot ? '' : 'sudo ';
  const lines: string[] = [];
  switch (family(machine)) {
    case 'debian':
      lines.push(`${sudo}apt-get install -y ${missing.map((t) => DEBIAN_PACKAGES[t]).join(' ')}`);
      break;
    case 'ubuntu': {
      const apt = missing.filter((t) => t !== 'chromium').map((t) => DEBIAN_PACKAGES[t]);
      if (has('chromium')) lines.push(`${sudo}snap install chromium`);
      if (apt.length > 0) lines.push(`${sudo}apt-get install -y ${apt.join(' ')}`);
      break;
    }
    case 'fedora': {
      const names = { chromium: 'chromium', poppler: 'poppler-utils', fonts: 'dejavu-sans-fonts' };
      lines.push(`${sudo}dnf install -y ${missing.map((t) => names[t]).join(' ')}`);
      break;
    }
    case 'arch': {
      const names = { chromium: 'chromium', poppler: 'poppler', fonts: 'ttf-dejavu' };
      lines.push(`${sudo}pacman -S --needed ${missing.map((t) => names[t]).join(' ')}`);
      break;
    }
    case 'macos':
      if (has('chromium')) lines.push('npx playwright install chromium');
      if (has('poppler')) lines.push('brew install poppler');
      break;
    case 'windows':
      if (has('chromium')) lines.push('npx playwright install chromium');
      if (has('poppler')) lines.push('choco install -y poppler');
      break;
    case 'other':
      if (has('chromium')) lines.push('npx playwright install --with-deps chromium');
      if (has('poppler') || has('fonts'))
        lines.push("install poppler's command-line tools and a font with your package manager");
      break;
  }
  return lines.join('\n  ');
}

export function plan(missing: readonly Tool[], machine: Machine): Plan {
  if (missing.length === 0) return { kind: 'ready' };
  // Installing is only safe without asking where we are root on Debian's own
  // apt (CI containers); everywhere else a person decides.
  if (machine.isRoot && family(machine) === 'debian') {
    const packages = missing.map((t) => DEBIAN_PACKAGES[t]);
    return { kind: 'install', packages, command: `apt-get install -y ${packages.join(' ')}` };
  }
  return { kind: 'stop', message: stopMessage(missing, machine) };
}

export function stopMessage(missing: readonly Tool[], machine: Machine): string {
  return [
    `npm test needs ${missing.map((t) => LABELS[t]).join(', ')}, not found on this machine. Run:`,
    `  ${manualCommand(missing, machine)}`,
    'then `npm test` again.' +
      (missing.includes('chromium') ? ' (Or point CHROMIUM_PATH at a Chromium or Chrome executable.)' : ''),
  ].join('\n');
}
