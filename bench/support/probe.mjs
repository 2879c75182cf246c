// Preloaded with --import: at exit, writes to $AETHR_BENCH_PROBE_FILE the process's peak RSS
// (KiB) and the files it loaded as modules (the bundle and each chunk it imported), so a
// benchmark can tell from outside what a run paid for.
import { writeFileSync } from 'node:fs';
import { registerHooks } from 'node:module';

const loaded = [];
registerHooks({
  load(url, context, next) {
    if (url.startsWith('file:')) loaded.push(url);
    return next(url, context);
  },
});
process.on('exit', () => {
  if (process.env.AETHR_BENCH_PROBE_FILE)
    writeFileSync(
      process.env.AETHR_BENCH_PROBE_FILE,
      JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, loaded }),
    );
});
