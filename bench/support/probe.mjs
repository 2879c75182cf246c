// Preloaded with --import: at exit, writes to $AETHR_BENCH_PROBE_FILE what the process paid for:
// its peak RSS (VmHWM of this process image: getrusage's maxrss also counts the RSS of the
// parent the process was forked from, so a child of a large test runner reads as large), its
// CPU time and that of the children it waited for (git, upload-pack), and the files it loaded
// as modules (the bundle and each chunk it imported).
import { readFileSync, writeFileSync } from 'node:fs';
import { registerHooks } from 'node:module';

const loaded = [];
registerHooks({
  load(url, context, next) {
    if (url.startsWith('file:')) loaded.push(url);
    return next(url, context);
  },
});

function childrenCpuMs() {
  // /proc/self/stat fields 16 and 17 (after the parenthesised name): cutime, cstime in ticks.
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
}

process.on('exit', () => {
  if (!process.env.AETHR_BENCH_PROBE_FILE) return;
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  const self = process.cpuUsage();
  writeFileSync(
    process.env.AETHR_BENCH_PROBE_FILE,
    JSON.stringify({
      maxRssKb: Number(hwm?.[1] ?? process.resourceUsage().maxRSS),
      cpuMs: (self.user + self.system) / 1000 + childrenCpuMs(),
      loaded,
    }),
  );
});
