/**
 * Runs async tasks one after another. Check-then-write rules (one first
 * supervisor, last active supervisor, one open shift) span an await between the
 * read and the transaction; serialising those tasks keeps the check true until
 * the write lands.
 */
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(task, task);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}
