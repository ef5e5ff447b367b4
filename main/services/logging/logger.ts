import { mkdirSync } from 'node:fs';
import pino from 'pino';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../file-modes';
import { createStream, type RotatingFileStream } from 'rotating-file-stream';

export type Logger = pino.Logger & {
  /** Resolves once every line logged so far is in the file (before zipping the logs). */
  flushToDisk(): Promise<void>;
  /** Flushes and closes the log file (call on shutdown). */
  close(): Promise<void>;
};

export const LOG_FILE_NAME = 'clearway.log';

/** Any of these keys, at the top level or one or two objects deep, never reach a log file. */
const SECRET_KEYS = ['password', 'passwordHash', 'password_hash', 'current', 'next', 'token'];

/**
 * Structured JSON logs in `<logDir>/clearway.log`, rotated at 5 MB, five gzipped
 * generations kept (clearway.log.1.gz … .5.gz). pino writes to the stream in
 * this thread: pino transports spawn worker threads, which the bundle cannot load.
 */
export function createLogger(
  logDir: string,
  options: { level?: pino.LevelWithSilent; base?: Record<string, unknown> } = {},
): Logger {
  mkdirSync(logDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const stream = createStream((_time, index) => (index ? `${LOG_FILE_NAME}.${index}.gz` : LOG_FILE_NAME), {
    path: logDir,
    size: '5M',
    rotate: 5,
    compress: 'gzip',
    mode: PRIVATE_FILE_MODE,
  });
  stream.on('error', () => undefined); // a full disk must not crash the workstation
  const logger = pino(
    {
      level: options.level ?? 'info',
      base: options.base ?? {},
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]), censor: '[redacted]' },
    },
    stream,
  );
  return Object.assign(logger, { flushToDisk: () => flushStream(stream), close: () => closeStream(stream) });
}

function flushStream(stream: RotatingFileStream): Promise<void> {
  // Writes are applied in order, so an empty write's callback runs after every earlier line.
  return new Promise((resolve) => {
    if (stream.writableEnded) return resolve();
    stream.write('', () => resolve());
  });
}

function closeStream(stream: RotatingFileStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.writableEnded) return resolve();
    stream.end(() => resolve());
  });
}
