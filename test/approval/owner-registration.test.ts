import { type admin, type CosignRequest, owner } from '@waiaas/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OwnerSocket, pairAndConnect } from '../support/owner-device.js';
import { evmOwnerWallet, solanaOwnerWallet } from '../support/owner-wallet.js';
import { createTestHome, type RunningSigner, startSigner, TEST_PASSWORD, type TestHome } from '../support/signer-home.js';

type Answer = Awaited<ReturnType<OwnerSocket['command']>>;
const resultOf = <T>(answer: Answer): T => {
  if (answer.type !== 'result') throw new Error(`refused: ${JSON.stringify(answer)}`);
  return answer.result as T;
};
const codeOf = (answer: Answer) => (answer.type === 'error' ? answer.error.code : 'accepted');

describe('registering the Owner and recovering from the kill switch with their signature, over the paired channel', { timeout: 120_000 }, () => {
  let home: TestHome;
  let signer: RunningSigner;
  let socket: OwnerSocket;
  let n = 0;
  const command = (type: string, body: Record<string, unknown> = {}) => socket.command({ type, id: `c${++n}`, ...body });
  const cliJson = async (...args: string[]) => {
    const r = await home.cli(...args, '--json');
    return { code: r.code, body: r.json<Record<string, unknown> & { error?: { code: string } }>() };
  };

  beforeAll(async () => {
    home = await createTestHome();
    signer = await startSigner(home);
    ({ socket } = await pairAndConnect(home));
  }, 120_000);
  afterAll(async () => {
    socket?.close();
    await signer?.stop();
    home?.remove();
  });

  const first = solanaOwnerWallet();
  const second = evmOwnerWallet();

  it('an Owner who signs the register message is LOCKED; the master alone can no longer replace them', async () => {
    const message = resultOf<{ owner: CosignRequest; currentOwner: CosignRequest | null }>(await command('owner.register_message', { address: first.address }));
    expect(message.currentOwner).toBeNull();
    expect(message.owner.format).toBe('solana-message');
    expect(message.owner.fields.summary).toContain(`Register ${first.address} as the Owner`);
    const nonce = message.owner.fields.nonce;

    // Signed by someone else, or over another nonce: refused, nothing changes.
    const stranger = solanaOwnerWallet();
    expect(codeOf(await command('owner.register', { address: first.address, nonce, signature: await stranger.sign(message.owner) }))).toBe('COSIGN__INVALID_SIGNATURE');
    expect(codeOf(await command('owner.register', { address: stranger.address, nonce, signature: await stranger.sign(message.owner) }))).toBe('COSIGN__NONCE_UNKNOWN');

    const signature = await first.sign(message.owner);
    const registered = resultOf<{ owner: admin.OwnerStatus }>(await command('owner.register', { address: first.address, nonce, signature }));
    expect(registered.owner).toMatchObject({ state: 'LOCKED', chain: 'solana', address: first.address });
    expect(codeOf(await command('owner.register', { address: first.address, nonce, signature }))).toBe('COSIGN__NONCE_USED');

    const replace = await cliJson('owner', 'set', second.address);
    expect(replace.body.error?.code).toBe('OWNER__LOCKED');
  });

  it('replacing a LOCKED Owner needs the current Owner to sign the same message', async () => {
    const message = resultOf<{ owner: CosignRequest; currentOwner: CosignRequest | null }>(await command('owner.register_message', { address: second.address }));
    expect(message.owner.format).toBe('eip712');
    expect(message.currentOwner?.format).toBe('solana-message');
    expect(message.owner.fields.summary).toContain(`Replace the Owner ${first.address} with ${second.address}`);
    const nonce = message.owner.fields.nonce;
    const signature = await second.sign(message.owner);
    expect(codeOf(await command('owner.register', { address: second.address, nonce, signature }))).toBe('COSIGN__INVALID_SIGNATURE');
    const currentOwnerSignature = await first.sign(message.currentOwner as CosignRequest);
    const replaced = resultOf<{ owner: admin.OwnerStatus }>(await command('owner.register', { address: second.address, nonce, signature, currentOwnerSignature }));
    expect(replaced.owner).toMatchObject({ state: 'LOCKED', chain: 'evm', address: second.address });
  });

  it("the Owner's device engages the kill switch (LOCKED); the master password alone cannot recover, the Owner's signature with it can", async () => {
    const engaged = resultOf<{ killSwitch: admin.KillSwitchStatus }>(await command('kill_switch.activate', { reason: 'phone stolen' }));
    expect(engaged.killSwitch.state).toBe('LOCKED');

    const alone = await cliJson('kill-switch', 'recover');
    expect(alone.body.error?.code).toBe('KILL_SWITCH__OWNER_SIGNATURE_REQUIRED');
    const printed = await cliJson('kill-switch', 'recover-message');
    expect(printed.code).toBe(0);
    const message = resultOf<CosignRequest>(await command('kill_switch.recover_message'));
    expect(message.fields.summary).toContain('from the kill switch engaged (LOCKED)');

    // From the device: a wrong password is refused before the signature counts; the old Owner's signature is not enough.
    const signature = await second.sign(message);
    expect(codeOf(await command('kill_switch.recover', { masterPassword: 'not the password', nonce: message.fields.nonce, signature }))).not.toBe('accepted');
    expect(codeOf(await command('kill_switch.recover', { masterPassword: TEST_PASSWORD, nonce: message.fields.nonce, signature: await first.sign(message) }))).toBe('COSIGN__INVALID_SIGNATURE');
    expect((await cliJson('kill-switch', 'status')).body.state).toBe('LOCKED');

    const recovered = resultOf<{ killSwitch: admin.KillSwitchStatus }>(await command('kill_switch.recover', { masterPassword: TEST_PASSWORD, nonce: message.fields.nonce, signature }));
    expect(recovered.killSwitch.state).toBe('ACTIVE');
  });

  it('the master engages it from the CLI (SUSPENDED) and recovers from the CLI with the Owner signing the printed message', async () => {
    expect((await cliJson('kill-switch', 'activate')).body).toMatchObject({ killSwitch: { state: 'SUSPENDED' } });
    const printed = (await cliJson('kill-switch', 'recover-message')).body as { nonce: string; message: string; format: string };
    expect(printed.format).toBe('eip712');
    const typed = JSON.parse(printed.message) as { message: CosignRequest['fields'] };
    const signature = await second.sign({ format: 'eip712', fields: typed.message });
    const recovered = await cliJson('kill-switch', 'recover', '--nonce', printed.nonce, '--signature', signature);
    expect(recovered.code).toBe(0);
    expect(recovered.body).toMatchObject({ killSwitch: { state: 'ACTIVE' } });
    const replay = await cliJson('kill-switch', 'recover', '--nonce', printed.nonce, '--signature', signature);
    expect(replay.body.error?.code).toBe('KILL_SWITCH__NOT_ENGAGED');
  });
});
