import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isWaiaasError } from '@waiaas/protocol';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG_TOML } from '../config/default-config.js';
import { loadConfig } from '../config/load-config.js';

const SECRET = 'webhook-secret-never-printed';
const TOKEN = 'tk_ntfy_token_never_printed';

function configFile(text: string) {
  const path = join(mkdtempSync(join(tmpdir(), 'waiaas-notify-config-')), 'config.toml');
  writeFileSync(path, text);
  return path;
}

/** The issues a refused config reports, checked to hold no secret. */
function refusal(text: string, env: NodeJS.ProcessEnv = {}): string[] {
  try {
    loadConfig(configFile(text), env);
  } catch (error) {
    if (!isWaiaasError(error, 'CONFIG__INVALID')) throw error;
    const shown = `${error.message} ${JSON.stringify(error.toResponse())}`;
    expect(shown).not.toContain(SECRET);
    expect(shown).not.toContain(TOKEN);
    expect(shown).not.toContain('hunter2');
    return error.context.issues;
  }
  throw new Error('the config was accepted');
}

describe('[notify] config', () => {
  it('is off by default, with retry defaults, in the file init writes', () => {
    expect(loadConfig(configFile(DEFAULT_CONFIG_TOML), {}).notify).toEqual({ max_attempts: 8, retry_base: 5, timeout: 10 });
  });

  it('takes both channels from the file, durations in seconds', () => {
    const config = loadConfig(
      configFile(`[notify]\nntfy_url = "https://ntfy.sh/my-topic"\nntfy_token = "${TOKEN}"\nwebhook_url = "http://127.0.0.1:9000/hook"\nwebhook_secret = "${SECRET}"\nretry_base = "2s"\nmax_attempts = 3\n`),
      {},
    );
    expect(config.notify).toEqual({
      ntfy_url: 'https://ntfy.sh/my-topic', ntfy_token: TOKEN, webhook_url: 'http://127.0.0.1:9000/hook', webhook_secret: SECRET,
      max_attempts: 3, retry_base: 2, timeout: 10,
    });
  });

  it('takes every key from WAIAAS_NOTIFY_* variables', () => {
    const config = loadConfig(configFile(''), {
      WAIAAS_NOTIFY_WEBHOOK_URL: 'https://example.com/hook',
      WAIAAS_NOTIFY_WEBHOOK_SECRET: SECRET,
      WAIAAS_NOTIFY_NTFY_URL: 'https://ntfy.example/topic',
      WAIAAS_NOTIFY_MAX_ATTEMPTS: '4',
      WAIAAS_NOTIFY_RETRY_BASE: '1s',
    });
    expect(config.notify).toMatchObject({ webhook_url: 'https://example.com/hook', webhook_secret: SECRET, ntfy_url: 'https://ntfy.example/topic', max_attempts: 4, retry_base: 1 });
  });

  it('refuses a webhook without its secret, and a secret too short to be one', () => {
    expect(refusal('[notify]\nwebhook_url = "https://example.com/hook"\n')).toEqual([
      'notify.webhook_secret: required with webhook_url (the HMAC key receivers verify)',
    ]);
    expect(refusal('', { WAIAAS_NOTIFY_WEBHOOK_URL: 'https://example.com/hook', WAIAAS_NOTIFY_WEBHOOK_SECRET: 'short' })).toEqual([
      'notify.webhook_secret: use at least 16 characters',
    ]);
  });

  it('refuses URLs that are not http(s) or carry credentials, without echoing them', () => {
    expect(refusal('[notify]\nntfy_url = "ftp://ntfy.sh/topic"\n')).toEqual(['notify.ntfy_url: use an http:// or https:// URL']);
    expect(refusal(`[notify]\nwebhook_url = "https://user:hunter2@example.com/hook"\nwebhook_secret = "${SECRET}"\n`)).toEqual([
      'notify.webhook_url: put no credentials in the URL',
    ]);
    expect(refusal('[notify]\nntfy_url = "not a url"\n')).toEqual(['notify.ntfy_url: use an http:// or https:// URL']);
  });

  it('refuses a token with no ntfy topic, and a misspelt key', () => {
    expect(refusal(`[notify]\nntfy_token = "${TOKEN}"\n`)).toEqual(['notify.ntfy_token: set ntfy_url too']);
    expect(() => loadConfig(configFile(''), { WAIAAS_NOTIFY_WEBHOOK_SECRETT: SECRET })).toThrow('notify has no key "webhook_secrett"');
  });
});
