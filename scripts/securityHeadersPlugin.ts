import type { Connect, Plugin } from 'vite';
import { SECURITY_HEADERS } from '../mock/server/securityHeaders.ts';
import { contentSecurityPolicyHeader } from './contentSecurityPolicy.ts';

/** What every page, script, style, asset and error answer of the dev and preview servers carries. */
export const PAGE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  ...SECURITY_HEADERS,
  'Content-Security-Policy': contentSecurityPolicyHeader,
  // The policy's frame-ancestors, for browsers older than it.
  'X-Frame-Options': 'SAMEORIGIN',
};

/**
 * Sets the security headers on every response of `npm start` (vite preview) and `npm run dev`,
 * the 404s and the embedded backend's answers included; the backend replaces the page's CSP with
 * its stricter API one. Vite's own `headers` option reaches files and index.html only, so a
 * middleware ahead of all others does it, whether or not the mock backend is embedded.
 */
export function securityHeadersPlugin(): Plugin {
  const setHeaders: Connect.NextHandleFunction = (_request, response, next) => {
    for (const [name, value] of Object.entries(PAGE_SECURITY_HEADERS)) response.setHeader(name, value);
    next();
  };
  return {
    name: 'safe-border-security-headers',
    configureServer: (server) => void server.middlewares.use(setHeaders),
    configurePreviewServer: (server) => void server.middlewares.use(setHeaders),
  };
}
