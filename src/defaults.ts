/**
 * The defaults every room shares, defined once (STYLE.md habit 17).
 * Dependency-free, like errors.ts and format.ts, so any room may import it.
 */
import { fileURLToPath } from 'node:url';

/** Anonymity threshold: groups with fewer members are never shown (ARCHITECTURE.md, "Anonymity"). */
export const DEFAULT_MIN_GROUP = 5;
/** Never show a group smaller than this, whatever the configuration says. */
export const MIN_GROUP_FLOOR = 3;
/** Relabellings for W's permutation p-value: the default, the least and the most accepted. */
export const DEFAULT_PERMUTATIONS = 10_000;
export const MIN_PERMUTATIONS = 10_000;
export const MAX_PERMUTATIONS = 10_000_000;
/** Fixed so that two runs on the same data print the same permutation p. */
export const DEFAULT_SEED = 20_250_301;
/** Rank-biased overlap's persistence. */
export const DEFAULT_RBO_P = 0.9;
/** The report templates shipped with the package (from dist/ or, under the test runner, src/: one level up). */
export const SHIPPED_TEMPLATES = fileURLToPath(new URL('../templates/', import.meta.url));
/** Delimiters align sniffs and accepts, with the names users type and read. */
export const DELIMITER_NAMES: Readonly<Record<string, string>> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };
