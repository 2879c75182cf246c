// Preloaded with --import: writes the process's peak RSS (KiB) to $AETHR_BENCH_RSS_FILE at exit.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.AETHR_BENCH_RSS_FILE)
    writeFileSync(process.env.AETHR_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
