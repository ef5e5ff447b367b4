/**
 * Records every request a browser context makes: pages, dedicated workers and
 * service workers (context-level routing sees each one before it leaves, and the
 * request events catch what routing does not, such as worker scripts), plus
 * WebSockets. Install it before the first navigation.
 */
import type { BrowserContext, Page } from '@playwright/test';

export interface NetworkLog {
  /** Every URL requested so far, in order (duplicates kept). */
  urls: string[];
  /** Script URLs of the dedicated and service workers that ran. */
  workers: string[];
}

export async function recordNetwork(context: BrowserContext, page: Page): Promise<NetworkLog> {
  const log: NetworkLog = { urls: [], workers: [] };
  await context.route('**/*', async (route) => {
    log.urls.push(route.request().url());
    await route.fallback();
  });
  context.on('request', (request) => log.urls.push(request.url()));
  context.on('serviceworker', (worker) => log.workers.push(worker.url()));
  page.on('worker', (worker) => log.workers.push(worker.url()));
  page.on('websocket', (socket) => log.urls.push(socket.url()));
  return log;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** In-memory schemes: nothing leaves the machine. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:']);

/** The URLs that went (or would have gone) anywhere but this machine. */
export function leavingLoopback(urls: readonly string[]): string[] {
  return [
    ...new Set(
      urls.filter((value) => {
        let url: URL;
        try {
          url = new URL(value);
        } catch {
          return true;
        }
        if (LOCAL_SCHEMES.has(url.protocol)) return false;
        return !LOOPBACK_HOSTS.has(url.hostname);
      }),
    ),
  ];
}
