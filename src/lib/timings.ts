/**
 * Times a step of the build as a performance measure named `papertide:<step>`: the timings integration
 * (src/integrations/timings.ts) logs them through Astro's logger when the build is done, and the benchmark
 * reads them from there.
 */
export function timed<T>(step: string, run: () => T): T {
  const start = performance.now();
  const result = run();
  performance.measure(`${TIMING_PREFIX}${step}`, { start });
  return result;
}

export const TIMING_PREFIX = 'papertide:';
