// Timing of the phases of long work (an import's parse, staging, comparison, writes …), for the
// benchmarks to print where the time goes. A no-op unless a recorder is installed.

/** Wall time and this process's CPU time (all threads), in milliseconds. */
type Recorder = (phase: string, ms: number, cpuMs: number) => void;
let recorder: Recorder | null = null;

/** Installs a recorder (one at a time); returns the function that removes it. */
export function recordPhases(record: Recorder): () => void {
  recorder = record;
  return () => {
    if (recorder === record) recorder = null;
  };
}

/** Runs `work`, reporting its duration as `phase` when a recorder is installed. */
export async function timed<T>(phase: string, work: () => Promise<T> | T): Promise<T> {
  const record = recorder;
  if (!record) return work();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  try {
    return await work();
  } finally {
    const c = process.cpuUsage(c0);
    record(phase, performance.now() - t0, (c.user + c.system) / 1000);
  }
}
