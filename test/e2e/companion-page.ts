import type { Page } from 'puppeteer-core';
import { type LaunchedBrowser, waitInPage } from '../support/browsers.js';

/**
 * What the end-to-end flows do with the companion's pages, by the data-testids the pages carry:
 * one place that knows the selectors, so the flows read as the Owner's steps.
 */
export function companionPages(launched: LaunchedBrowser) {
  // Each co-sign window has its own ticket in its URL: remember the ones handled, so the next flow never
  // mistakes the previous window (still closing itself) for its own.
  const handledWindows = new Set<string>();
  const testid = (id: string) => `[data-testid="${id}"]`;

  async function click(page: Page, selector: string): Promise<void> {
    // A background tab renders no frames, and input events wait for one: bring the page forward first.
    await page.bringToFront();
    await page.waitForSelector(selector, { visible: true, timeout: 15_000 });
    await page.click(selector);
  }

  /** Evaluated in an extension page: the extension APIs are there (`browser` in Firefox, `chrome` in Chromium). */
  const extensionApi = `(globalThis.browser ?? globalThis.chrome)`;

  return {
    testid,
    click,

    async openOptions(): Promise<Page> {
      const page = await launched.openExtensionPage('options.html');
      await page.waitForSelector('main', { timeout: 15_000 });
      return page;
    },

    async openPopup(): Promise<Page> {
      const page = await launched.openExtensionPage('popup.html');
      // The popup's own width; Firefox's BiDi has no viewport emulation for extension tabs, so there the
      // popup renders in the tab's default width (its 360 px layout is checked in Chromium).
      if (launched.kind === 'chromium') await page.setViewport({ width: 360, height: 640 });
      await page.waitForSelector(testid('connection'), { timeout: 15_000 });
      return page;
    },

    /** Fills the pairing form with the code `waiaas pair` printed and waits until the companion is connected. */
    async pair(options: Page, signerUrl: string, code: string): Promise<void> {
      await options.waitForSelector(testid('pair-signer-url'), { timeout: 15_000 });
      await options.$eval(testid('pair-signer-url'), (el) => ((el as HTMLInputElement).value = ''));
      await options.type(testid('pair-signer-url'), signerUrl);
      await options.type(testid('pair-code'), code);
      await click(options, testid('pair-submit'));
      await waitInPage(options, () => document.querySelector('[data-testid="pairing-status"]')?.getAttribute('data-state') === 'paired', { timeoutMs: 20_000 }).catch(async (error: unknown) => {
        throw new Error(`pairing did not complete: ${String(error)}\n${await options.evaluate(() => document.body.innerText)}`);
      });
    },

    /** The connection state the popup shows (`connected`, `disconnected`, …). */
    connectionOf: (page: Page) => page.$eval(testid('connection'), (el) => el.getAttribute('data-state')),

    async waitForConnection(page: Page, state: string, timeoutMs = 30_000): Promise<void> {
      await waitInPage(page, (s: string) => document.querySelector('[data-testid="connection"]')?.getAttribute('data-state') === s, { args: [state], timeoutMs });
    },

    async selectTab(page: Page, tab: 'approvals' | 'sessions' | 'stop' | 'activity'): Promise<void> {
      await click(page, `[data-tab="${tab}"]`);
    },

    /** Waits for the approval card of `approvalId` (or any card) and returns its id. */
    async waitForApproval(page: Page, transactionHint?: string, timeoutMs = 20_000): Promise<string> {
      return waitInPage(
        page,
        (hint: string) => {
          const cards = Array.from(document.querySelectorAll('[data-testid="approval"]'));
          const card = cards.find((c) => !hint || (c.textContent ?? '').includes(hint)) ?? (hint ? undefined : cards[0]);
          return card?.getAttribute('data-approval-id') ?? null;
        },
        { args: [transactionHint ?? ''], timeoutMs },
      );
    },

    approvalCard: (approvalId: string) => `[data-testid="approval"][data-approval-id="${approvalId}"]`,

    /** Polls the toolbar badge until it reads `text` ('' = no badge). */
    async waitForBadge(page: Page, text: string, timeoutMs = 15_000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      let last = '';
      while ((last = (await page.evaluate(`${extensionApi}.action.getBadgeText({})`)) as string) !== text) {
        if (Date.now() > deadline) throw new Error(`the badge reads "${last}", expected "${text}"`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },

    /** Ids of the desktop notifications the companion shows and has not cleared (`approval:<id>`, `notice:<id>`). */
    async notificationIds(page: Page): Promise<string[]> {
      return Object.keys((await page.evaluate(`${extensionApi}.notifications.getAll()`)) as Record<string, unknown>);
    },

    /**
     * The co-sign window the companion opens: waits for it, picks the wallet whose id starts with
     * `walletPrefix` (standard: for Wallet Standard, eip6963: for EIP-6963, phantom: for the legacy
     * provider) and waits for the page's verdict (registration signs twice with the same wallet: connect,
     * then the message). Fails if the verdict it reads does not contain `expected`; returns it.
     */
    async cosign(walletPrefix: 'standard:' | 'eip6963:' | 'phantom:', expected: string, screenshotName?: string): Promise<string> {
      const page = await launched.waitForPage((url) => url.includes('/v1/owner/cosign#') && !handledWindows.has(url), 20_000);
      handledWindows.add(await launched.urlOf(page));
      const wallet = `button[data-wallet^="${walletPrefix}"]`;
      await page.waitForSelector(wallet, { visible: true, timeout: 15_000 });
      if (screenshotName) await launched.screenshot(page, screenshotName);
      await page.click(wallet);
      // The page closes itself ~2 s after the verdict; under load the close can beat our read. Then the
      // verdict is not asserted here, and each flow still checks the outcome on the signer's side.
      const verdict = page
        .waitForSelector('main[data-step="done"], main[data-step="declined"]', { timeout: 30_000 })
        .then(() => page.$eval('main', (main) => `${main.getAttribute('data-step')}: ${document.getElementById('status')?.textContent ?? ''}`));
      const text = await verdict.catch(async (error: unknown) => {
        if (page.isClosed() || (await page.evaluate(() => document.readyState).catch(() => null)) === null) return null;
        const body = await page.evaluate(() => document.body.innerText).catch(() => '(unreadable)');
        throw new Error(`the co-sign window gave no verdict: ${String(error)}\n${body}`);
      });
      if (text !== null && !text.includes(expected)) throw new Error(`the co-sign window said "${text}", expected "${expected}"`);
      return text ?? `(closed itself before its verdict was read; expected "${expected}")`;
    },
  };
}
