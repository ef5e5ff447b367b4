/**
 * The web host's Node entry (out/main/serve.js; `npx tsx main/serve.ts` from source).
 * It runs the real services without Electron and serves the built renderer on
 * 127.0.0.1, for e2e tests, kiosks and machines without the Electron binary.
 *
 *   node out/main/serve.js [--data-dir <dir>] [--port <n>] [--renderer <dir>] [--open]
 *
 * stdout carries exactly one machine-readable line, `CLEARWAY_URL=<launch url>`,
 * and one line for people; everything else goes to stderr.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { version } from '../package.json';
import { startWebHost } from './host/web';
import { createServices } from './services';
import { createConfSettingsBackend } from './services/settings/conf-backend';

interface ServeArgs {
  dataDir: string;
  port: number;
  rendererDir: string;
  open: boolean;
}

const usage = 'usage: serve [--data-dir <dir>] [--port <n>] [--renderer <dir>] [--open]';

/** Electron's userData for productName "Clearway", so both hosts share one profile. */
function defaultDataDir(): string {
  const home = homedir();
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Clearway');
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', 'Clearway');
  return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Clearway');
}

/** Built: out/main/serve.js → out/renderer. From source via tsx: main/serve.ts → out/renderer. */
function defaultRendererDir(): string {
  return __filename.endsWith('.ts') ? resolve(__dirname, '..', 'out', 'renderer') : resolve(__dirname, '..', 'renderer');
}

/** Built: out/main/serve.js → resources/. From source via tsx: main/serve.ts → resources/. */
function defaultResourcesDir(): string {
  return __filename.endsWith('.ts') ? resolve(__dirname, '..', 'resources') : resolve(__dirname, '..', '..', 'resources');
}

function parseServeArgs(argv: string[]): ServeArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      renderer: { type: 'string' },
      open: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const port = Number(values.port ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0-65535, got ${values.port}`);
  return {
    dataDir: resolve(values['data-dir'] ?? defaultDataDir()),
    port,
    rendererDir: resolve(values.renderer ?? defaultRendererDir()),
    open: values.open ?? false,
  };
}

/** Chromium in app mode with a throw-away profile, so it shares nothing with the user's browser. */
/** `newLaunchUrl` gives a fresh single-use link when the user must open the app by hand. */
function openChromium(url: string, onClosed: () => void, newLaunchUrl: () => string): ChildProcess | null {
  const binary = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(binary)) {
    console.error(`Chromium not found at ${binary} (set CHROMIUM_PATH); open this link once in a Chromium-based browser:`);
    console.log(`CLEARWAY_URL=${newLaunchUrl()}`);
    return null;
  }
  const profile = mkdtempSync(join(tmpdir(), 'clearway-chromium-'));
  const args = [
    `--app=${url}`,
    `--user-data-dir=${profile}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  // Chromium refuses to start as root with its sandbox on.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const child = spawn(binary, args, { stdio: 'ignore' });
  const cleanUp = (): void => rmSync(profile, { recursive: true, force: true });
  process.on('exit', cleanUp);
  child.on('error', (error) => {
    console.error(`could not start Chromium: ${error.message}`);
    cleanUp();
  });
  child.on('exit', (code, signal) => {
    // Chromium's helpers may still write to the profile just after it exits; remove it a moment later.
    setTimeout(cleanUp, 1000).unref();
    // Closing the window exits 0; a crash or a missing display must not take the host down with it.
    if (code === 0) onClosed();
    else {
      console.error(`Chromium exited (${signal ?? `code ${code}`}); the web host keeps serving. Open this link once to go on:`);
      console.log(`CLEARWAY_URL=${newLaunchUrl()}`);
    }
  });
  return child;
}

async function main(): Promise<void> {
  let args: ServeArgs;
  try {
    args = parseServeArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(1);
  }
  if (!existsSync(join(args.rendererDir, 'index.html'))) {
    console.error(`The built renderer is missing at ${args.rendererDir}: run npm run build first (or pass --renderer <dir>).`);
    process.exit(1);
  }

  const services = await createServices({
    dataDir: args.dataDir,
    host: 'web',
    version,
    resourcesDir: defaultResourcesDir(),
    settingsBackend: createConfSettingsBackend(args.dataDir),
  });
  const web = await startWebHost({
    host: services,
    rendererDir: args.rendererDir,
    port: args.port,
    log: (err, context) => services.logger.error({ err, ...context }, 'web host call failed'),
  });

  let browser: ChildProcess | null = null;
  let stopping = false;
  const stop = async (code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    browser?.kill();
    try {
      await web.close();
      await services.close();
    } catch (error) {
      console.error('error while shutting down', error);
      code = 1;
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  if (args.open) {
    // The launch link stays off the terminal when the host opens the browser itself.
    console.log(
      `Clearway web host on http://127.0.0.1:${web.port} (data in ${args.dataDir}); opening Chromium. Ctrl+C stops it.`,
    );
  } else {
    console.log(`CLEARWAY_URL=${web.url}`);
    console.log(
      `Clearway web host on http://127.0.0.1:${web.port} (data in ${args.dataDir}); open the URL above once (it works once, for five minutes). Ctrl+C stops it.`,
    );
  }

  // In --open mode the Chromium window is the app: closing it quits, like the Electron window.
  if (args.open)
    browser = openChromium(
      web.url,
      () => void stop(0),
      () => web.newLaunchUrl(),
    );
}

main().catch((error: unknown) => {
  console.error('Clearway web host failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
