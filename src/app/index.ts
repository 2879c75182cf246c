// The App's entry: dist/app/index.js. Configured from the environment (see config.ts).
import { runApp } from './run-app.js';

void runApp(process.env).then((code) => {
  if (code !== undefined) process.exit(code);
});
