/**
 * The local Chromium that prints `--format pdf` (and that the browser test and
 * the benchmark open the HTML report in): found once here, launched once here.
 *
 * align never downloads a browser. The one it uses is `--chromium <path>`, else
 * the first of chromium, chromium-browser, google-chrome on PATH (Debian's
 * package installs /usr/bin/chromium). It runs headless, with the sandbox on
 * unless align runs as root (a CI container), where Chromium refuses to start
 * sandboxed; the page it opens reaches no network.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { UsageError } from '../errors.js';

/** Looked up on PATH in this order when --chromium is not given. */
export const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome'] as const;

export const NO_CHROMIUM = "no Chromium found for --format pdf: install Debian's chromium (apt-get install chromium) or give --chromium <path>";

/** How long Chromium may take to start, load the report and print it. */
export const CHROMIUM_TIMEOUT_MS = 60_000;

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The Chromium executable to use: `flag` (the --chromium value, resolved
 * against `cwd`) when given, else the first of CHROMIUM_NAMES on `env.PATH`.
 * Throws UsageError naming the fix when there is none.
 */
export function findChromium(flag: string | undefined, env: NodeJS.ProcessEnv, cwd: string = process.cwd()): string {
  if (flag !== undefined) {
    const path = isAbsolute(flag) ? flag : resolve(cwd, flag);
    if (!isExecutableFile(path)) {
      throw new UsageError(`--chromium ${flag} is not an executable file; give the path of Chromium's executable, such as /usr/bin/chromium`);
    }
    return path;
  }
  const dirs = (env.PATH ?? '').split(delimiter).filter((d) => d !== '' && isAbsolute(d));
  for (const name of CHROMIUM_NAMES) {
    for (const dir of dirs) {
      const path = join(dir, name);
      if (isExecutableFile(path)) return path;
    }
  }
  throw new UsageError(NO_CHROMIUM);
}

/** Whether this process runs as root, where Chromium's sandbox cannot start. */
export function runningAsRoot(): boolean {
  return process.getuid?.() === 0;
}

/** Starts Chromium headless; a failure to start is one line naming the browser. */
export async function launchChromium(executablePath: string, timeoutMs: number = CHROMIUM_TIMEOUT_MS): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  try {
    return await chromium.launch({
      executablePath,
      headless: true,
      // --no-sandbox only as root (playwright-core would otherwise pass it always)
      chromiumSandbox: !runningAsRoot(),
      // a small /dev/shm (containers) makes Chromium crash on large pages
      args: ['--disable-dev-shm-usage'],
      timeout: timeoutMs,
    });
  } catch (e) {
    const first = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
    throw new UsageError(
      `Chromium (${executablePath}) did not start: ${first}; check it runs (${executablePath} --headless --version) or give --chromium <path>`,
    );
  }
}

/**
 * A browser context that reaches no network: offline, and every request but
 * those `allow` accepts aborted (and passed to `onBlocked`, for tests that
 * count them). JavaScript is off unless `javaScript` is true.
 */
export async function isolatedContext(
  browser: Browser,
  options: { javaScript?: boolean; allow?: (url: string) => boolean; onBlocked?: (url: string) => void; viewport?: { width: number; height: number } } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScript ?? false,
    offline: true,
    serviceWorkers: 'block',
    acceptDownloads: false,
    ...(options.viewport ? { viewport: options.viewport } : {}),
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (options.allow?.(url)) return route.continue();
    options.onBlocked?.(url);
    return route.abort('blockedbyclient');
  });
  return context;
}
