import type { ChildProcess } from 'node:child_process';

/** Resolves with the URL the web host prints as `CLEARWAY_URL=<url>`; rejects if it exits first. */
export function waitForServeUrl(child: ChildProcess, timeoutMs = 30_000): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error(`web host printed no CLEARWAY_URL within ${timeoutMs} ms`)), timeoutMs);
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      buffered += chunk;
      const match = /^CLEARWAY_URL=(\S+)$/m.exec(buffered);
      if (match?.[1]) {
        clearTimeout(timer);
        resolvePromise(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with code ${code} before printing CLEARWAY_URL`));
    });
  });
}
