/**
 * The Content-Security-Policy of every page, the same in Electron (protocol
 * response header) and browser mode (HTTP header): our own scripts only, no
 * remote origin of any kind. Styles allow inline because reveal.js and
 * Svelte set layout styles on elements; scripts never do.
 */
export function contentSecurityPolicy(options: { connect: readonly string[] }): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self' ${options.connect.join(' ')}`.trim(),
    "worker-src 'self' blob:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
