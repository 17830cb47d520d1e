/**
 * Pages of a clinic's PDF deck, drawn by pdf.js into a canvas. The document
 * is loaded once per URL; eval is off (strict CSP).
 */
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

type PdfDocument = Awaited<ReturnType<(typeof import('pdfjs-dist'))['getDocument']>['promise']>;

const documents = new Map<string, Promise<PdfDocument>>();

async function load(url: string): Promise<PdfDocument> {
  let doc = documents.get(url);
  if (!doc) {
    doc = import('pdfjs-dist').then((pdfjs) => {
      pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
      return pdfjs.getDocument({ url, isEvalSupported: false, disableFontFace: false }).promise;
    });
    doc.catch(() => documents.delete(url));
    documents.set(url, doc);
  }
  return doc;
}

export async function renderPdfPage(host: HTMLElement, url: string, pageNumber: number): Promise<void> {
  if (host.dataset.rendered === String(pageNumber)) return;
  host.dataset.rendered = String(pageNumber);
  host.classList.add('pdf-page');
  const page = await (await load(url)).getPage(pageNumber);
  const viewport = page.getViewport({ scale: 1 });
  const scale = Math.min(1920 / viewport.width, 1080 / viewport.height);
  const scaled = page.getViewport({ scale });
  const canvas = document.createElement('canvas');
  canvas.width = Math.floor(scaled.width);
  canvas.height = Math.floor(scaled.height);
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', `Page ${pageNumber}`);
  host.replaceChildren(canvas);
  await page.render({ canvas, viewport: scaled }).promise;
}
