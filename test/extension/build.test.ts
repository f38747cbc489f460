import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const OUTPUT = fileURLToPath(new URL('../../extension/.output/', import.meta.url));

function manifest(target: 'chrome-mv3' | 'firefox-mv3') {
  const path = `${OUTPUT}${target}/manifest.json`;
  if (!existsSync(path)) throw new Error(`${path} is missing: run "pnpm build:extension" first (npm test does).`);
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown> & {
    action?: { default_popup?: string };
    background?: { service_worker?: string; scripts?: string[] };
    browser_specific_settings?: { gecko?: { id?: string } };
    content_security_policy?: { extension_pages?: string };
    host_permissions?: string[];
  };
}

describe('the built Owner companion extension', () => {
  it('Chrome: an MV3 service worker and a popup, reaching only loopback', () => {
    const m = manifest('chrome-mv3');
    expect(m.manifest_version).toBe(3);
    expect(m.name).toBe('WAIaaS Owner companion');
    expect(m.background?.service_worker).toBeTruthy();
    expect(existsSync(`${OUTPUT}chrome-mv3/${m.action?.default_popup}`)).toBe(true);
    expect(m.host_permissions).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
  });

  it('Firefox: MV3 with a gecko id and a CSP that lets the background reach ws://127.0.0.1', () => {
    const m = manifest('firefox-mv3');
    expect(m.manifest_version).toBe(3);
    expect(m.browser_specific_settings?.gecko?.id).toBe('owner-companion@waiaas.local');
    expect(m.content_security_policy?.extension_pages).toBe("script-src 'self'; object-src 'self'");
    expect(m.background?.scripts?.length).toBeGreaterThan(0);
    expect(existsSync(`${OUTPUT}firefox-mv3/${m.action?.default_popup}`)).toBe(true);
  });
});
