import { adminRoutes, type Chain } from '@waiaas/protocol';
import type { CliContext } from '../context.js';
import { loginAsMaster } from '../login.js';

export async function walletCreateCommand(ctx: CliContext, opts: { chain: Chain; name?: string; network?: string }): Promise<void> {
  const client = await loginAsMaster(ctx.paths);
  const body = { chain: opts.chain, name: opts.name, network: opts.network };
  const { wallet } = await client.call(adminRoutes.createWallet, { body });
  ctx.out.result({ wallet }, () =>
    `Created ${wallet.chain} wallet "${wallet.name}"\n  id       ${wallet.id}\n  address  ${wallet.address}\n  network  ${wallet.network}`,
  );
}

export async function walletListCommand(ctx: CliContext): Promise<void> {
  const client = await loginAsMaster(ctx.paths);
  const { wallets } = await client.call(adminRoutes.listWallets);
  ctx.out.result({ wallets }, () =>
    wallets.length === 0
      ? 'No wallets yet: waiaas wallet create --chain solana'
      : wallets
          .map((w) => `${w.name.padEnd(16)} ${w.chain.padEnd(7)} ${w.network.padEnd(14)} ${w.address}  ${w.id}${w.suspendedAt ? `  SUSPENDED: ${w.suspendedReason}` : ''}`)
          .join('\n'),
  );
}

export async function walletResumeCommand(ctx: CliContext, wallet: string): Promise<void> {
  const client = await loginAsMaster(ctx.paths);
  const result = await client.call(adminRoutes.resumeWallet, { params: { id: wallet } });
  ctx.out.result(result, () => `Resumed wallet "${result.wallet.name}": its agents may send again.`);
}
