/**
 * Page counts of PDF decks with pdf.js. pdf.js only has an async API, but the
 * DeckLibrary interface is synchronous (list/reload return the listing), so
 * the counting runs in a worker thread while this thread waits on a shared
 * flag. It happens once per changed file (the library caches by size+mtime)
 * and reading a PDF's page tree takes milliseconds.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads';

export type PageCount = { pages: number } | { error: string };

/** Longest wait for the worker; a PDF that takes longer is reported as unreadable. */
const TIMEOUT_MS = 30_000;

// Plain CommonJS run with `eval`, so the same code works from the TypeScript
// sources (tests) and the compiled output without a separate worker file.
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
// pdf.js leaves some rejections of damaged files unhandled: they must not end the worker.
process.on('unhandledRejection', () => {});
const { readFile } = require('node:fs/promises');
const { port, files, pdfUrl, flag } = workerData;
const message = (error) => String((error && error.message) || error);
(async () => {
  const results = {};
  try {
    const pdfjs = await import(pdfUrl);
    for (const file of files) {
      try {
        const data = new Uint8Array(await readFile(file));
        const task = pdfjs.getDocument({ data, isEvalSupported: false, disableFontFace: true, verbosity: 0 });
        const doc = await task.promise;
        results[file] = { pages: doc.numPages };
        await task.destroy();
      } catch (error) {
        results[file] = { error: message(error) };
      }
    }
  } catch (error) {
    for (const file of files) results[file] = { error: 'pdf.js did not load: ' + message(error) };
  }
  port.postMessage(results);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
})();
`;

/** Count the pages of each file; never throws, a failure is per file. */
export function countPdfPagesSync(files: readonly string[]): Map<string, PageCount> {
  const counts = new Map<string, PageCount>();
  if (files.length === 0) return counts;
  const pdfUrl = pathToFileURL(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.mjs')).href;
  const { port1, port2 } = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  // stdout/stderr are kept from the console: pdf.js warns about missing canvas support we do not need.
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { port: port2, files: [...files], pdfUrl, flag },
    transferList: [port2],
    stdout: true,
    stderr: true,
  });
  // A worker that dies anyway is reported per file below, never as an uncaught error in the app.
  worker.on('error', () => undefined);
  const waited = Atomics.wait(flag, 0, 0, TIMEOUT_MS);
  const received = receiveMessageOnPort(port1) as { message: Record<string, PageCount> } | undefined;
  void worker.terminate();
  port1.close();
  for (const file of files) {
    const result = received?.message[file];
    counts.set(
      file,
      result ?? { error: waited === 'timed-out' ? 'reading the PDF timed out' : 'the PDF could not be read' },
    );
  }
  return counts;
}
