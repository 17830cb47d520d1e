/**
 * Pictures the app draws inside slides (`<div data-component=…>`): icon
 * arrays for risks, the patient's own spine. Built with DOM calls, not HTML
 * strings, so no slide text can inject markup.
 */
import { spineLevels, type FracturedLevel } from '../../src-shared/contract/index.js';

const SVG = 'http://www.w3.org/2000/svg';

function svgEl<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, String(value));
  return el;
}

export function drawIconArray(host: HTMLElement): void {
  if (host.dataset.drawn === 'icon-array') return;
  host.dataset.drawn = 'icon-array';
  const total = Number(host.dataset.total) === 1000 ? 1000 : 100;
  const highlight = Math.max(0, Math.min(total, Math.round(Number(host.dataset.highlight) || 0)));
  const columns = total === 1000 ? 50 : 20;
  const rows = total / columns;
  // The picture is described once by its label; its many dots are hidden from
  // assistive technology (and from reveal.js's status-text walk, which is slow).
  const svg = svgEl('svg', { viewBox: `0 0 ${columns * 10} ${rows * 10}`, 'aria-hidden': 'true' });
  for (let i = 0; i < total; i += 1) {
    const x = (i % columns) * 10 + 5;
    const y = Math.floor(i / columns) * 10 + 5;
    svg.append(svgEl('circle', { cx: x, cy: y, r: 3.8, fill: i < highlight ? '#b3261e' : '#c9ced6' }));
  }
  const label = document.createElement('div');
  label.className = 'label';
  label.textContent = host.dataset.label ?? `${highlight} in ${total}`;
  host.classList.add('icon-array');
  host.replaceChildren(svg, label);
}

const GRADE_COLOURS: Record<number, string> = { 1: '#e8a317', 2: '#d9631e', 3: '#b3261e' };

/** The spine from T1 to L5; fractured levels coloured by Genant grade. */
export function drawSpine(
  host: HTMLElement,
  levels: readonly FracturedLevel[] | null,
  gradeNames: readonly string[],
): void {
  const byLevel = new Map((levels ?? []).map((l) => [l.level, l.grade]));
  const svg = svgEl('svg', { viewBox: '0 0 460 760', 'aria-hidden': 'true' });
  const described = [...byLevel].map(([level, grade]) => `${level}: ${gradeNames[grade - 1] ?? grade}`).join(', ');
  host.setAttribute('role', 'img');
  host.setAttribute('aria-label', described || 'Spine T1 to L5');
  spineLevels.forEach((level, i) => {
    const lumbar = level.startsWith('L');
    const h = lumbar ? 44 : 36;
    const y = i * 44 + (lumbar ? (i - 12) * 0 : 0) + 10;
    const x = 130 + Math.sin((i / 16) * Math.PI) * 40;
    const grade = byLevel.get(level);
    const w = lumbar ? 120 : 96;
    svg.append(
      svgEl('rect', {
        x,
        y,
        width: w,
        height: h - 8,
        rx: 8,
        fill: grade ? (GRADE_COLOURS[grade] ?? '#b3261e') : '#e7e2d6',
        stroke: '#14213d',
        'stroke-width': 2,
      }),
    );
    const text = svgEl('text', { x: x - 20, y: y + h / 2, 'text-anchor': 'end', 'font-size': 30, fill: '#14213d' });
    text.textContent = level;
    svg.append(text);
    if (grade) {
      const note = svgEl('text', { x: x + w + 16, y: y + h / 2, 'font-size': 30, 'font-weight': 700, fill: '#14213d' });
      note.textContent = gradeNames[grade - 1] ?? String(grade);
      svg.append(note);
    }
  });
  host.classList.add('patient-spine');
  host.replaceChildren(svg);
}

export interface SlideComponentData {
  spine: readonly FracturedLevel[] | null;
  gradeNames: readonly string[];
  renderPdfPage?: (host: HTMLElement, page: number) => void;
}

export function drawSlideComponents(root: HTMLElement, data: SlideComponentData): void {
  for (const host of root.querySelectorAll<HTMLElement>('[data-component]')) {
    const kind = host.dataset.component;
    if (kind === 'icon-array') drawIconArray(host);
    else if (kind === 'patient-spine') drawSpine(host, data.spine, data.gradeNames);
    else if (kind === 'pdf-page') data.renderPdfPage?.(host, Number(host.dataset.page) || 1);
  }
}

/** Genant grade names in the patient's language. */
export const GRADE_NAMES: Record<string, readonly string[]> = {
  en: ['mild', 'moderate', 'severe'],
  fr: ['léger', 'modéré', 'sévère'],
  de: ['leicht', 'mittel', 'schwer'],
};
