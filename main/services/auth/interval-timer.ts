/** Schedules a repeating tick; injected so tests drive the idle lock by hand. */
export interface IntervalTimer {
  every(ms: number, tick: () => void): () => void;
}

export const realIntervalTimer: IntervalTimer = {
  every(ms, tick) {
    const handle = setInterval(tick, ms);
    // A pending idle check must never keep the process (or a test run) alive.
    handle.unref();
    return () => clearInterval(handle);
  },
};
