#!/usr/bin/env node
// The `aethr` bin. Heavy modules load lazily inside each command, so start-up stays near `node -e 0`.
import { main } from './main.js';

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
