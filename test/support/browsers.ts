import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export type BrowserKind = 'chromium' | 'firefox';
export const BROWSER_KINDS: readonly BrowserKind[] = ['chromium', 'firefox'];

const BINARIES: Record<BrowserKind, string> = { chromium: '/usr/bin/chromium', firefox: '/usr/bin/firefox-esr' };
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCREENSHOTS = join(ROOT, 'test-artifacts', 'screenshots');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** Which browsers are installed, for `describe.skipIf`. CI (.ci/run) installs both, so CI never skips. */
export function browsersAvailable(): Record<BrowserKind, boolean> {
  return { chromium: existsSync(BINARIES.chromium), firefox: existsSync(BINARIES.firefox) };
}

/** The built Owner companion for `kind` (`pnpm build:extension` builds both; `npm test` runs it first). */
export function companionDir(kind: BrowserKind): string {
  const dir = join(ROOT, 'extension', '.output', kind === 'chromium' ? 'chrome-mv3' : 'firefox-mv3');
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`${dir} is missing: run "pnpm build:extension" first (npm test does).`);
  return dir;
}

export interface LaunchedBrowser {
  readonly kind: BrowserKind;
  readonly browser: Browser;
  /** chrome-extension://<id> or moz-extension://<uuid> of the Owner companion (no trailing slash). */
  readonly extensionOrigin: string;
  /** Milliseconds from launch to every extension installed (and the companion's worker up in Chromium). */
  readonly launchMs: number;
  /** The origin of any extension dir passed to launchBrowser. */
  originOf(dir: string): string;
  /** Opens `<origin>/<path>` in a new tab, the companion's origin unless another is given. */
  openExtensionPage(path: string, origin?: string): Promise<Page>;
  /** The document's real URL (Firefox's page.url() can lag or stay at about:blank). */
  urlOf(page: Page): Promise<string>;
  /** The first tab or window whose URL satisfies `predicate`, including windows an extension opens. */
  waitForPage(predicate: (url: string) => boolean, timeoutMs?: number): Promise<Page>;
  /** Saves test-artifacts/screenshots/<browser>-<name>.png and returns its path. */
  screenshot(page: Page, name: string): Promise<string>;
  /** Closes the browser (killing it if it hangs) and always removes its temp profile. */
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** `location.href` as the document sees it, or page.url() while no document answers (mid-navigation). */
async function locationOf(page: Page): Promise<string> {
  const answer = page.evaluate(() => location.href).catch(() => null);
  const late = sleep(2_000).then(() => null);
  return (await Promise.race([answer, late])) ?? page.url();
}

/**
 * Polls `fn` in the page until it returns a truthy value, and returns that value. Use it instead of
 * page.waitForFunction in Firefox on pages whose CSP forbids eval (extension pages, the co-sign page):
 * there puppeteer's Function() is blocked, while page.evaluate, waitForSelector and click still work.
 */
export async function waitInPage<Params extends unknown[], R>(
  page: Page,
  fn: (...args: Params) => R | Promise<R>,
  options: { args?: Params; timeoutMs?: number } = {},
): Promise<NonNullable<Awaited<R>>> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  const args = (options.args ?? []) as Params;
  let last: unknown;
  for (;;) {
    try {
      const value = (await page.evaluate(fn as (...a: unknown[]) => R, ...args)) as Awaited<R>;
      if (value) return value as NonNullable<Awaited<R>>;
    } catch (error) {
      // A navigation or a page still loading is not a failure yet.
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`waitInPage: ${fn.toString().slice(0, 120)} stayed falsy on ${page.url()}${last ? ` (last error: ${String(last)})` : ''}`);
    await sleep(100);
  }
}

function geckoIdOf(dir: string): string {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { browser_specific_settings?: { gecko?: { id?: unknown } } };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (typeof id !== 'string') throw new Error(`${dir}/manifest.json has no browser_specific_settings.gecko.id, which Firefox needs.`);
  return id;
}

async function startChromium(profile: string, dirs: string[]): Promise<{ browser: Browser; origins: Map<string, string> }> {
  const browser = await puppeteer.launch({ executablePath: BINARIES.chromium, headless: true, pipe: true, enableExtensions: true, userDataDir: profile, args: CHROMIUM_ARGS });
  const origins = new Map<string, string>();
  try {
    // Installed one by one rather than with `enableExtensions: [dirs]`, whose installs puppeteer does not await.
    for (const dir of dirs) origins.set(dir, `chrome-extension://${await browser.installExtension(dir)}`);
  } catch (error) {
    await closeBrowser(browser);
    throw error;
  }
  return { browser, origins };
}

async function startFirefox(profile: string, dirs: string[]): Promise<{ browser: Browser; origins: Map<string, string> }> {
  // Firefox picks a random moz-extension:// UUID at install unless the profile names one up front.
  const uuids = Object.fromEntries(dirs.map((dir) => [geckoIdOf(dir), randomUUID()]));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: BINARIES.firefox,
    headless: true,
    userDataDir: profile,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify(uuids) },
  });
  try {
    for (const dir of dirs) await browser.installExtension(dir);
  } catch (error) {
    await closeBrowser(browser);
    throw error;
  }
  return { browser, origins: new Map(dirs.map((dir) => [dir, `moz-extension://${uuids[geckoIdOf(dir)]}`])) };
}

/** Ends the browser within `ms`, killing its process if a clean close hangs. */
async function closeBrowser(browser: Browser, ms = 10_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((done) => {
    timer = setTimeout(() => done('timeout'), ms);
  });
  const closed = browser.close().then(
    () => 'closed' as const,
    () => 'failed' as const,
  );
  const outcome = await Promise.race([closed, timedOut]);
  clearTimeout(timer);
  if (outcome !== 'closed') browser.process()?.kill('SIGKILL');
}

/**
 * Launches headless Chromium 156 or Firefox ESR 153 on a fresh temp profile with the Owner companion
 * (companionDir(kind) unless `companion` names another build) and the other unpacked extensions
 * installed, using the recipes measured in shared/ENVIRONMENT.md.
 */
export async function launchBrowser(kind: BrowserKind, options: { extensions: string[]; companion?: string }): Promise<LaunchedBrowser> {
  const companion = resolve(options.companion ?? companionDir(kind));
  const dirs = [...new Set([companion, ...options.extensions.map((dir) => resolve(dir))])];
  const profile = mkdtempSync(join(tmpdir(), `waiaas-${kind}-profile-`));
  const started = Date.now();
  let browser: Browser;
  let origins: Map<string, string>;
  try {
    ({ browser, origins } = kind === 'chromium' ? await startChromium(profile, dirs) : await startFirefox(profile, dirs));
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  const originOf = (dir: string): string => {
    const origin = origins.get(resolve(dir));
    if (!origin) throw new Error(`${dir} was not installed in this ${kind}.`);
    return origin;
  };
  const extensionOrigin = originOf(companion);
  if (kind === 'chromium') {
    // The companion's service worker proves its background started.
    try {
      await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`${extensionOrigin}/`), { timeout: 15_000 });
    } catch (error) {
      await closeBrowser(browser);
      rmSync(profile, { recursive: true, force: true });
      throw error;
    }
  }
  const launchMs = Date.now() - started;
  const urlOf = (page: Page): Promise<string> => (kind === 'chromium' ? Promise.resolve(page.url()) : locationOf(page));
  const waitForPage = async (predicate: (url: string) => boolean, timeoutMs = 15_000): Promise<Page> => {
    if (kind === 'chromium') {
      const target = await browser.waitForTarget((t) => t.type() === 'page' && predicate(t.url()), { timeout: timeoutMs });
      const page = await target.page();
      if (!page) throw new Error(`the chromium target at ${target.url()} has no page`);
      return page;
    }
    // Firefox's BiDi targets can keep reporting about:blank (always so for moz-extension://): ask each page.
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const page of await browser.pages()) if (predicate(await urlOf(page))) return page;
      if (Date.now() > deadline) throw new Error(`no firefox page matched within ${timeoutMs} ms`);
      await sleep(100);
    }
  };

  return {
    kind,
    browser,
    extensionOrigin,
    launchMs,
    originOf,
    urlOf,
    waitForPage,
    async openExtensionPage(path, origin = extensionOrigin) {
      const url = `${origin}/${path.replace(/^\//, '')}`;
      const page = await browser.newPage();
      if (kind === 'chromium') {
        await page.goto(url);
        return page;
      }
      // Firefox never resolves goto() for moz-extension:// (no load event reaches BiDi) and page.url()
      // stays about:blank: start the navigation and watch the document's own location instead.
      page.goto(url).catch(() => undefined);
      const deadline = Date.now() + 15_000;
      while (!(await locationOf(page)).startsWith(url)) {
        if (Date.now() > deadline) throw new Error(`firefox did not open ${url} (still at ${await locationOf(page)})`);
        await sleep(50);
      }
      await waitInPage(page, () => document.readyState !== 'loading');
      return page;
    },
    async screenshot(page, name) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      const path = join(SCREENSHOTS, `${kind}-${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    async close() {
      try {
        await closeBrowser(browser);
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
    },
  };
}
