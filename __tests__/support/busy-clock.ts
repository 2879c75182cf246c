/**
 * How long local stand-in servers spent answering: the union of the intervals from a request's
 * arrival to the end of its response, over every server tracked by one clock (overlapping
 * requests are counted once). Benchmarks subtract it from a client's wall time to get the
 * client's own time.
 */
import type { Server } from 'node:http';

export interface BusyClock {
  track(server: Server): void;
  /** Milliseconds during which at least one tracked request was being answered. */
  busyMs(): number;
  reset(): void;
}

export function createBusyClock(): BusyClock {
  let open = 0;
  let since = 0n;
  let total = 0n;
  return {
    track(server) {
      server.on('request', (_req, res) => {
        if (open++ === 0) since = process.hrtime.bigint();
        res.once('close', () => {
          if (--open === 0) total += process.hrtime.bigint() - since;
        });
      });
    },
    busyMs: () => Number(total + (open > 0 ? process.hrtime.bigint() - since : 0n)) / 1e6,
    reset() {
      total = 0n;
      if (open > 0) since = process.hrtime.bigint();
    },
  };
}
