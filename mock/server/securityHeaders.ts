import type { ServerResponse } from 'node:http';

/**
 * Headers every response of the bundled server carries, page or API.
 *
 * Permissions-Policy switches off the powerful features a situational wall never uses, so a
 * script that got in cannot ask for the camera, the microphone or the position of the room.
 * Fullscreen and autoplay stay allowed (walls go fullscreen; the video panels of a later issue
 * play muted streams, which needs no permission). Only features Chromium knows are listed: an
 * unknown one (`bluetooth`) makes it log a warning on every page load.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), display-capture=(), payment=(), usb=(), serial=(), hid=(), midi=(), browsing-topics=()',
};

/**
 * The policy of a JSON or event-stream answer: nothing in it is ever to run, load or be framed,
 * so a response opened directly in a browser (or sniffed as HTML) can do nothing.
 */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Sets the API's headers on a response not yet written; the page's own are replaced. */
export function setApiSecurityHeaders(response: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
  response.setHeader('Content-Security-Policy', API_CONTENT_SECURITY_POLICY);
  // For browsers older than CSP's frame-ancestors.
  response.setHeader('X-Frame-Options', 'DENY');
}
