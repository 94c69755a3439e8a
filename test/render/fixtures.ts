/** Committed AuditResult fixtures for render tests (see fixtures/make-aw-result.py). */
import { readFileSync } from 'node:fs';
import type { AuditResult } from '../../src/audit/types.js';

/** Adventure Works: 7 leaders, 9 priorities, 2 departments shown, 3 suppressed. */
export function awResult(): AuditResult {
  return JSON.parse(readFileSync(new URL('./fixtures/aw-leaders-managers.result.json', import.meta.url), 'utf8')) as AuditResult;
}

export const ANSI = /\x1b\[/;

/** Text a renderer must never print for a missing value. */
export const LEAKS = /\bNaN\b|\bundefined\b|\bnull\b|\[object Object\]/;
