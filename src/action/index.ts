// The Action's entry: dist/index.js. All the work is in run().
import { run } from './main.js';

void run();
