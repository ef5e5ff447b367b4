/** Helpers shared by the port view's end-to-end specs. */
import type { Page } from '@playwright/test';

// The functions given to page.evaluate run in the page; the Node test program has no DOM types.
interface PageImage {
  src: string;
  decode(): Promise<void>;
}
interface Canvas2D {
  width: number;
  height: number;
  getContext(kind: '2d'): {
    drawImage(image: PageImage, x: number, y: number, w: number, h: number): void;
    getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> };
  } | null;
}
declare const document: { createElement(tag: 'canvas'): Canvas2D };
declare const Image: new () => PageImage;

export interface CanvasLook {
  /** Distinct colours (5 bits a channel) in a 96×60 reduction. */
  colours: number;
  /** Brightest minus darkest luma. */
  spread: number;
  /** Share of pixels that are the still's sky blue (a light, blue-dominant colour). */
  sky: number;
}

/** What the compositor shows for the port canvas (an element screenshot, decoded in the page). */
export async function canvasLook(page: Page, testId = 'port-canvas'): Promise<CanvasLook> {
  const png = (await page.getByTestId(testId).screenshot()).toString('base64');
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const probe = document.createElement('canvas');
    probe.width = 96;
    probe.height = 60;
    const context = probe.getContext('2d');
    if (!context) throw new Error('no 2D context');
    context.drawImage(image, 0, 0, probe.width, probe.height);
    const { data } = context.getImageData(0, 0, probe.width, probe.height);
    const colours = new Set<number>();
    let min = 255;
    let max = 0;
    let sky = 0;
    for (let i = 0; i < data.length; i += 4) {
      const r = data[i] ?? 0;
      const g = data[i + 1] ?? 0;
      const b = data[i + 2] ?? 0;
      colours.add(((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3));
      const luma = (r + g + b) / 3;
      min = Math.min(min, luma);
      max = Math.max(max, luma);
      if (b > 120 && b > r + 15 && b >= g) sky += 1;
    }
    return { colours: colours.size, spread: max - min, sky: sky / (data.length / 4) };
  }, png);
}

/** Picks a camera in the port toolbar's camera list. */
export async function chooseCamera(page: Page, label: string): Promise<void> {
  await page.getByTestId('port-camera-select').click();
  await page.locator(`.ant-select-item-option[title="${label}"]`).click();
}

declare const location: { protocol: string; host: string };

/**
 * Calls a service channel from the page over its own WebSocket to the web host
 * (the page's cookie authenticates it), so a test can prepare data the UI under
 * test does not create itself.
 */
export async function invokeFromPage<T>(page: Page, channel: string, input?: unknown): Promise<T> {
  return page.evaluate(
    ({ channel, input }) =>
      new Promise<T>((resolve, reject) => {
        const socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`);
        const id = 1;
        socket.onopen = () => socket.send(JSON.stringify({ id, channel, input }));
        socket.onerror = () => reject(new Error(`WebSocket to the web host failed for ${channel}`));
        socket.onmessage = (event) => {
          const message = JSON.parse(String(event.data)) as {
            id?: number;
            envelope?: { ok: boolean; value?: T; error?: { message: string } };
          };
          if (message.id !== id || !message.envelope) return;
          socket.close();
          if (message.envelope.ok) resolve(message.envelope.value as T);
          else reject(new Error(`${channel}: ${message.envelope.error?.message}`));
        };
      }),
    { channel, input },
  );
}

/**
 * Starts listening, from the page, for the next service event whose payload has
 * `field` equal to `value`; await the returned promise after the action that should emit it.
 */
export async function nextEventFromPage(page: Page, event: string, field: string, value: string): Promise<() => Promise<void>> {
  await page.evaluate(
    ({ event, field, value }) => {
      const holder = globalThis as unknown as { __cwEvent?: Promise<void> };
      holder.__cwEvent = new Promise<void>((resolve, reject) => {
        const socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`);
        socket.onerror = () => reject(new Error(`WebSocket to the web host failed while waiting for ${event}`));
        socket.onmessage = (message) => {
          const data = JSON.parse(String(message.data)) as { event?: string; payload?: Record<string, unknown> };
          if (data.event === event && data.payload?.[field] === value) {
            socket.close();
            resolve();
          }
        };
      });
      return new Promise<void>((resolve) => setTimeout(resolve, 300));
    },
    { event, field, value },
  );
  return () => page.evaluate(() => (globalThis as unknown as { __cwEvent?: Promise<void> }).__cwEvent);
}
