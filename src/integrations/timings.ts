import type { AstroIntegration } from 'astro';
import { TIMING_PREFIX } from '#/lib/timings.ts';

/** Logs the data layer's timed steps (see src/lib/timings.ts) once the build is done: `[papertide:timings] site model: 120 ms`. */
export default function timings(): AstroIntegration {
  return {
    name: 'papertide:timings',
    hooks: {
      'astro:build:done': ({ logger }) => {
        for (const entry of performance.getEntriesByType('measure')) {
          if (entry.name.startsWith(TIMING_PREFIX)) logger.info(`${entry.name.slice(TIMING_PREFIX.length)}: ${Math.round(entry.duration)} ms`);
        }
        performance.clearMeasures();
      },
    },
  };
}
