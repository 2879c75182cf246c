/**
 * How long local stand-in servers spent answering: the union of the intervals from a request's
 * arrival to the end of its response, over every server tracked by one clock (overlapping
 * requests are counted once). Benchmarks subtract it from a client's wall time to get the
 * client's own time, and read `spans` to place each answer on a timeline.
 */
import type { Server } from 'node:http';

export interface BusySpan {
  /** `METHOD /path` of the request and the server's name. */
  label: string;
  /** Epoch milliseconds (sub-millisecond precision). */
  start: number;
  end: number;
}

export interface BusyClock {
  track(server: Server, name: string): void;
  /** Milliseconds during which at least one tracked request was being answered. */
  busyMs(): number;
  /** Requests answered since the last reset, in order of arrival. */
  spans(): BusySpan[];
  reset(): void;
}

const now = (): number => performance.timeOrigin + performance.now();

export function createBusyClock(): BusyClock {
  let open = 0;
  let since = 0;
  let total = 0;
  let spans: BusySpan[] = [];
  return {
    track(server, name) {
      server.on('request', (req, res) => {
        const span = {
          label: `${name} ${req.method} ${req.url?.split('?')[0]}`,
          start: now(),
          end: 0,
        };
        spans.push(span);
        if (open++ === 0) since = span.start;
        res.once('close', () => {
          span.end = now();
          if (--open === 0) total += span.end - since;
        });
      });
    },
    busyMs: () => total + (open > 0 ? now() - since : 0),
    spans: () => [...spans],
    reset() {
      total = 0;
      spans = [];
      if (open > 0) since = now();
    },
  };
}
