#!/usr/bin/env node
// The message catalogues (src/i18n/messages/*.json) are read at run time beside
// the built i18n module, so the build copies them to dist/i18n/messages (tsc
// copies only what is imported). package.json `files` ships dist with them.
import { cpSync } from 'node:fs';

cpSync(new URL('../src/i18n/messages', import.meta.url), new URL('../dist/i18n/messages', import.meta.url), { recursive: true });
