// INSTANT-path sends through the unix socket, against the local chains, with concurrent agents.
// Prints throughput (accepted sends per second, confirmed per second) and latency percentiles.
//   pnpm bench            (32 agents, 10 sends each, both chains)
//   BENCH_AGENTS=8 BENCH_SENDS=20 BENCH_CHAINS=evm pnpm bench
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { adminRoutes } from '@waiaas/protocol';
import { AdminClient } from '../../signer/src/cli/admin-client.js';
import { agentClient } from '../support/agent.js';
import { createTestHome, startSigner, TEST_PASSWORD } from '../support/signer-home.js';
import { type ChainUnderTest, startChains } from './bench-chains.js';
import { summarize } from './stats.js';

const AGENTS = Number(process.env.BENCH_AGENTS ?? 32);
const SENDS = Number(process.env.BENCH_SENDS ?? 10);
const FAMILIES = (process.env.BENCH_CHAINS ?? 'solana,evm').split(',') as ('solana' | 'evm')[];

async function benchChain(chain: ChainUnderTest, socketPath: string, admin: AdminClient) {
  // One wallet per agent: agents of one wallet would share its EVM nonce sequence.
  const agents = [];
  for (let i = 0; i < AGENTS; i++) {
    const { wallet } = await admin.call(adminRoutes.createWallet, { body: { chain: chain.family, network: chain.network } });
    await chain.fund(wallet.address);
    const { token } = await admin.call(adminRoutes.createSession, { body: { wallet: wallet.id } });
    agents.push(agentClient(socketPath, token));
  }
  const accept: number[] = [];
  const confirm: number[] = [];
  const started = performance.now();
  let lastAccepted = started;
  await Promise.all(
    agents.map(async (agent) => {
      const pending: Promise<void>[] = [];
      for (let i = 0; i < SENDS; i++) {
        const t0 = performance.now();
        const tx = await agent.send({ type: 'TRANSFER', to: chain.recipient, amount: chain.amount });
        accept.push(performance.now() - t0);
        lastAccepted = performance.now();
        pending.push(agent.waitFor(tx.id, 'CONFIRMED', 120_000).then(() => void confirm.push(performance.now() - t0)));
      }
      await Promise.all(pending);
    }),
  );
  const total = AGENTS * SENDS;
  return {
    chain: chain.family,
    total,
    acceptedPerSecond: total / ((lastAccepted - started) / 1000),
    confirmedPerSecond: total / ((performance.now() - started) / 1000),
    accept: summarize(accept),
    confirm: summarize(confirm),
  };
}

const home = await createTestHome();
const chains = await startChains(FAMILIES);
try {
  for (const chain of chains) appendFileSync(join(home.home, 'config.toml'), chain.configToml);
  const signer = await startSigner(home, { WAIAAS_PIPELINE_CONFIRM_INTERVAL: '50', WAIAAS_DAEMON_LOG_LEVEL: 'warn' });
  try {
    const admin = await AdminClient.login(home.socketPath, Buffer.from(TEST_PASSWORD));
    console.log(`WAIaaS pipeline benchmark: ${AGENTS} concurrent agents × ${SENDS} INSTANT transfers, unix socket, local chains`);
    console.log('chain   sends  accepted/s  confirmed/s  accept p50/p99 ms  confirm p50/p99 ms');
    for (const chain of chains) {
      const r = await benchChain(chain, home.socketPath, admin);
      console.log(
        `${r.chain.padEnd(7)} ${String(r.total).padStart(5)}  ${r.acceptedPerSecond.toFixed(1).padStart(10)}  ${r.confirmedPerSecond.toFixed(1).padStart(11)}  ${`${r.accept.p50.toFixed(1)} / ${r.accept.p99.toFixed(1)}`.padStart(17)}  ${`${r.confirm.p50.toFixed(1)} / ${r.confirm.p99.toFixed(1)}`.padStart(17)}`,
      );
    }
  } finally {
    await signer.stop();
  }
} finally {
  for (const chain of chains) await chain.stop();
  home.remove();
}
