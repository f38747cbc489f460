import { loadConfig } from '../../config/load-config.js';
import { toNetwork } from '../../config/networks.js';
import { assertHomeInitialized } from '../../home/init-home.js';
import type { CliContext } from '../context.js';

/** Reads config.toml directly: listing networks needs neither the daemon nor the password. */
export async function networkListCommand({ paths, out }: CliContext): Promise<void> {
  assertHomeInitialized(paths);
  const networks = Object.entries(loadConfig(paths.config).networks).map(([name, n]) => toNetwork(name, n));
  out.result({ networks }, () =>
    networks
      .map((n) => `${n.name.padEnd(18)} ${n.family.padEnd(7)} ${n.chainId === undefined ? ''.padEnd(9) : String(n.chainId).padEnd(9)} ${n.rpcUrl}`)
      .join('\n'),
  );
}
