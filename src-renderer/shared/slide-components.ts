/**
 * Pictures the app draws inside slides (`<div data-component=…>`): icon
 * arrays for risks, the patient's own spine. Built with DOM calls, not HTML
 * strings, so no slide text can inject markup.
 */
import { spineLevels, type PatientSpineLevel } from '../../src-shared/contract/index.js';

const SVG = 'http://www.w3.org/2000/svg';

function svgEl<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, String(value));
  return el;
}

/**
 * What a highlighted dot means sets its colour (`data-tone`): red is kept for harms, so good news is never
 * drawn in the colour of danger; a calm blue-green for good outcomes; a neutral blue for plain facts
 * (the default, so an undeclared array is never red).
 */
export const ICON_TONES = { harm: '#b3261e', good: '#1b7f79', neutral: '#3d5a80' } as const;
export type IconTone = keyof typeof ICON_TONES;
const REST_COLOUR = '#c9ced6';

export interface IconArrayModel {
  total: 100 | 1000;
  highlight: number;
  tone: IconTone;
  /** Fill of every dot, highlighted ones first. */
  fills: string[];
  label: string;
}

/** The icon array a slide declares, from its `data-*` attributes (already sanitized). */
export function iconArrayModel(data: DOMStringMap): IconArrayModel {
  const total = Number(data.total) === 1000 ? 1000 : 100;
  const highlight = Math.max(0, Math.min(total, Math.round(Number(data.highlight) || 0)));
  const tone: IconTone = data.tone === 'harm' || data.tone === 'good' ? data.tone : 'neutral';
  const fills = Array.from({ length: total }, (_, i) => (i < highlight ? ICON_TONES[tone] : REST_COLOUR));
  return { total, highlight, tone, fills, label: data.label ?? `${highlight} in ${total}` };
}

export function drawIconArray(host: HTMLElement): void {
  if (host.dataset.drawn === 'icon-array') return;
  host.dataset.drawn = 'icon-array';
  const { total, tone, fills, label: words } = iconArrayModel(host.dataset);
  const columns = total === 1000 ? 50 : 20;
  const rows = total / columns;
  // The picture is described once by its label; its many dots are hidden from
  // assistive technology (and from reveal.js's status-text walk, which is slow).
  const svg = svgEl('svg', { viewBox: `0 0 ${columns * 10} ${rows * 10}`, 'aria-hidden': 'true' });
  fills.forEach((fill, i) => {
    const x = (i % columns) * 10 + 5;
    const y = Math.floor(i / columns) * 10 + 5;
    svg.append(svgEl('circle', { cx: x, cy: y, r: 3.8, fill }));
  });
  // The legend: a dot in the highlight colour before the words, so colour and meaning are read together.
  const label = document.createElement('div');
  label.className = 'label';
  const swatch = svgEl('svg', { class: 'swatch', viewBox: '0 0 10 10', 'aria-hidden': 'true' });
  swatch.append(svgEl('circle', { cx: 5, cy: 5, r: 4.5, fill: ICON_TONES[tone] }));
  label.append(swatch, words);
  host.classList.add('icon-array');
  host.dataset.tone = tone;
  host.replaceChildren(svg, label);
}

const GRADE_COLOURS: Record<number, string> = { 1: '#c77c00', 2: '#c2410c', 3: '#a01c1c' };
/** Loss of front height drawn for each Genant grade (mild 20–25 %, moderate 25–40 %, severe > 40 %). */
const GRADE_LOSS: Record<number, number> = { 1: 0.22, 2: 0.33, 3: 0.5 };

/**
 * Where each vertebra of T1–L5 sits in a side view (front of the body on the left): the thoracic spine
 * curves back (kyphosis), the lumbar spine forward (lordosis), as a healthy spine does.
 */
export interface VertebraPlace {
  level: (typeof spineLevels)[number];
  x: number;
  y: number;
  angle: number;
  height: number;
}

export function spineLayout(): VertebraPlace[] {
  const out: VertebraPlace[] = [];
  let y = 50;
  spineLevels.forEach((level, i) => {
    const lumbar = level.startsWith('L');
    const height = lumbar ? 42 : 30 + i * 0.9;
    // Thoracic: a gentle bow to the back (right); lumbar: a gentle bow to the front (left).
    const t = lumbar ? (i - 12 + 0.5) / 5 : (i + 0.5) / 12;
    const bow = lumbar ? -34 : 46;
    const x = 230 + bow * Math.sin(Math.PI * t);
    // The body sits square to the curve: turned against the curve's sideways drift per level.
    const drift = (bow * Math.PI * Math.cos(Math.PI * t)) / (lumbar ? 5 : 12);
    const angle = (-Math.atan2(drift, height + 12) * 180) / Math.PI;
    out.push({ level, x, y: y + height / 2, angle, height });
    y += height + 12;
  });
  return out;
}

/** One vertebral body seen from the side; a fracture lowers its front edge (a wedge). */
function vertebraPath(width: number, height: number, loss: number): string {
  const back = height / 2;
  const front = back - height * loss;
  const w = width / 2;
  const r = 5;
  return [
    `M ${-w + r} ${-front}`,
    `L ${w - r} ${-back}`,
    `Q ${w} ${-back} ${w} ${-back + r}`,
    `L ${w} ${back - r}`,
    `Q ${w} ${back} ${w - r} ${back}`,
    `L ${-w + r} ${back}`,
    `Q ${-w} ${back} ${-w} ${back - r}`,
    `L ${-w} ${-front + r}`,
    `Q ${-w} ${-front} ${-w + r} ${-front}`,
    'Z',
  ].join(' ');
}

/** Words for the drawing, in the patient's language. */
export interface SpineWords {
  gradeNames: readonly string[];
  planned: string;
  front: string;
  /** Before the planned level on procedure steps, colon included (French puts a space before it). */
  yourLevel: string;
  yourLevels: string;
}

/** The patient's own spine, T1 to L5, side view with its natural curves; fractured levels by Genant grade. */
export function drawSpine(host: HTMLElement, levels: readonly PatientSpineLevel[] | null, words: SpineWords): void {
  const byLevel = new Map((levels ?? []).map((l) => [l.level, l]));
  const svg = svgEl('svg', { viewBox: '0 0 760 900', 'aria-hidden': 'true' });
  const described = [...byLevel.values()]
    .map((l) => `${l.level}: ${words.gradeNames[l.grade - 1] ?? l.grade}${l.planned ? ` (${words.planned})` : ''}`)
    .join(', ');
  host.setAttribute('role', 'img');
  host.setAttribute('aria-label', described || 'Spine T1 to L5');
  const front = svgEl('text', { x: 40, y: 30, 'font-size': 26, fill: '#3c4a63' });
  front.textContent = `← ${words.front}`;
  svg.append(front);
  for (const { level, x, y, angle, height } of spineLayout()) {
    const fractured = byLevel.get(level);
    const lumbar = level.startsWith('L');
    const width = lumbar ? 92 : 74;
    const group = svgEl('g', { transform: `translate(${x} ${y}) rotate(${angle})` });
    // The bony arch behind the body (towards the back, on the right).
    group.append(
      svgEl('path', {
        d: `M ${width / 2} ${-height / 4} L ${width / 2 + 34} ${-height / 8} L ${width / 2 + 34} ${height / 8} L ${width / 2} ${height / 4} Z`,
        fill: '#d8d2c4',
        stroke: '#14213d',
        'stroke-width': 2,
      }),
    );
    group.append(
      svgEl('path', {
        d: vertebraPath(width, height, fractured ? (GRADE_LOSS[fractured.grade] ?? 0.3) : 0),
        fill: fractured ? (GRADE_COLOURS[fractured.grade] ?? '#a01c1c') : '#efe9dc',
        stroke: '#14213d',
        'stroke-width': fractured ? 4 : 2,
        'data-level': level,
        'data-grade': fractured?.grade ?? 0,
      }),
    );
    svg.append(group);
    const label = svgEl('text', {
      x: x - width / 2 - 22,
      y: y + 10,
      'text-anchor': 'end',
      'font-size': fractured ? 34 : 26,
      'font-weight': fractured ? 700 : 400,
      fill: '#14213d',
    });
    label.textContent = level;
    svg.append(label);
    if (fractured) {
      const note = svgEl('text', {
        x: x + width / 2 + 52,
        y: y + 11,
        'font-size': 34,
        'font-weight': 700,
        fill: '#14213d',
      });
      note.textContent =
        (words.gradeNames[fractured.grade - 1] ?? String(fractured.grade)) +
        (fractured.planned ? ` · ${words.planned}` : '');
      svg.append(note);
    }
  }
  host.classList.add('patient-spine');
  host.replaceChildren(svg);
}

/**
 * "Your level: L1" on a procedure step slide: the levels of the open consultation planned for augmentation, so
 * the patient sees the step happen to their own bone. Nothing (and no space taken) when none is planned.
 */
export function drawYourLevel(host: HTMLElement, spine: readonly PatientSpineLevel[] | null, words: SpineWords): void {
  const planned = (spine ?? []).filter((level) => level.planned).map((level) => level.level);
  host.classList.add('your-level');
  host.hidden = planned.length === 0;
  host.textContent =
    planned.length === 0 ? '' : `${planned.length > 1 ? words.yourLevels : words.yourLevel} ${planned.join(', ')}`;
}

export interface SlideComponentData {
  spine: readonly PatientSpineLevel[] | null;
  spineWords: SpineWords;
  renderPdfPage?: (host: HTMLElement, page: number) => void;
}

export function drawSlideComponents(root: HTMLElement, data: SlideComponentData): void {
  for (const host of root.querySelectorAll<HTMLElement>('[data-component]')) {
    const kind = host.dataset.component;
    if (kind === 'icon-array') drawIconArray(host);
    else if (kind === 'patient-spine') drawSpine(host, data.spine, data.spineWords);
    else if (kind === 'your-level') drawYourLevel(host, data.spine, data.spineWords);
    else if (kind === 'pdf-page') data.renderPdfPage?.(host, Number(host.dataset.page) || 1);
  }
  pairIconArrays(root);
}

/**
 * Icon arrays written one after the other compare two groups, so they are put in one row (the slide frame
 * stacks its children in a column, which would put the second array below the first, off a full slide).
 */
function pairIconArrays(root: HTMLElement): void {
  for (const first of root.querySelectorAll<HTMLElement>('.icon-array')) {
    if (first.parentElement?.classList.contains('icon-array-row')) continue;
    const group = [first];
    let next = first.nextElementSibling;
    while (next instanceof HTMLElement && next.classList.contains('icon-array')) {
      group.push(next);
      next = next.nextElementSibling;
    }
    if (group.length < 2) continue;
    const row = document.createElement('div');
    row.className = 'icon-array-row';
    first.before(row);
    row.append(...group);
  }
}

/** Genant grade names and the drawing's words in the patient's language. */
export const SPINE_WORDS: Record<string, SpineWords> = {
  en: {
    gradeNames: ['mild', 'moderate', 'severe'],
    planned: 'planned',
    front: 'front',
    yourLevel: 'Your bone:',
    yourLevels: 'Your bones:',
  },
  fr: {
    gradeNames: ['léger', 'modéré', 'sévère'],
    planned: 'prévu',
    front: 'devant',
    yourLevel: 'Votre vertèbre\u00a0:',
    yourLevels: 'Vos vertèbres\u00a0:',
  },
  de: {
    gradeNames: ['leicht', 'mittel', 'schwer'],
    planned: 'geplant',
    front: 'vorne',
    yourLevel: 'Ihr Wirbel:',
    yourLevels: 'Ihre Wirbel:',
  },
};

export function spineWordsFor(language: string): SpineWords {
  return SPINE_WORDS[language] ?? (SPINE_WORDS.en as SpineWords);
}
