#!/usr/bin/env node
// Thin launcher: everything lives in the built CLI (dist/), loaded lazily by command.
import { main } from '../dist/cli/main.js';

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
