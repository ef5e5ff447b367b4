/**
 * Who may talk to the web host: only a browser that opened the per-launch token
 * URL (and so holds the cookie), addressing us by our loopback name (no DNS
 * rebinding), and for WebSockets only from our own origin.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Cookie-safe and long enough to guess never; a caller-supplied token must be too. */
export function assertUsableToken(token: string): void {
  if (!/^[A-Za-z0-9_-]{16,512}$/.test(token)) {
    throw new Error('web host token must be 16-512 characters of A-Z, a-z, 0-9, "_" or "-"');
  }
}

export function tokensEqual(given: string, expected: string): boolean {
  // Hash first: timingSafeEqual needs equal lengths, and the length must not leak either.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** Cookies ignore ports, so two hosts on 127.0.0.1 must not share one cookie name. */
export function cookieName(port: number): string {
  return `clearway_token_${port}`;
}

export function sessionCookie(port: number, token: string): string {
  return `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

export function readCookie(req: IncomingMessage, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

export function hasValidCookie(req: IncomingMessage, port: number, token: string): boolean {
  const value = readCookie(req, cookieName(port));
  return value !== null && tokensEqual(value, token);
}

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** A rebinding page reaches 127.0.0.1 under its own name, which shows in Host. */
export function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host?.toLowerCase();
  return host !== undefined && allowedHosts(port).includes(host);
}

/** Browsers always send Origin on WebSocket upgrades; it must be the page's own origin. */
export function originAllowed(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin?.toLowerCase();
  const host = req.headers.host?.toLowerCase();
  return origin !== undefined && host !== undefined && allowedHosts(port).includes(host) && origin === `http://${host}`;
}
