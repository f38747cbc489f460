import { Command, CommanderError, Option } from 'commander';
import { WaiaasError } from '@waiaas/protocol';
import { SIGNER_VERSION } from '../daemon/version.js';
import type { AuditListOptions } from './commands/audit.js';
import type { SpendingLimitOptions as SpendingLimitCliOptions } from './commands/policy.js';
import { cliContext } from './context.js';
import { printError } from './output.js';

const program = new Command('waiaas')
  .description('WAIaaS signer: keeps AI agents\' wallet keys, lets agents in with short-lived sessions.')
  .version(SIGNER_VERSION)
  .option('--json', 'machine-readable output')
  .option('--home <dir>', 'data directory (default $WAIAAS_HOME or ~/.waiaas)')
  .showHelpAfterError()
  .exitOverride();

// Commands load their modules on demand: the daemon's dependencies (chain libraries, the keystore)
// take a second to import, and `waiaas status` or `--help` should not pay for them.
const commands = {
  init: () => import('./commands/init.js'),
  start: () => import('./commands/start.js'),
  stop: () => import('./commands/stop.js'),
  status: () => import('./commands/status.js'),
  wallet: () => import('./commands/wallet.js'),
  session: () => import('./commands/session.js'),
  network: () => import('./commands/network.js'),
  killSwitch: () => import('./commands/kill-switch.js'),
  owner: () => import('./commands/owner.js'),
  approval: () => import('./commands/approval.js'),
  policy: () => import('./commands/policy.js'),
  audit: () => import('./commands/audit.js'),
  pair: () => import('./commands/pair.js'),
};

let exitCode = 0;
const ctx = (cmd: Command) => cliContext(cmd.optsWithGlobals<{ json?: boolean; home?: string }>());

program
  .command('init')
  .description('create the data directory, config.toml, keystore and database (password from WAIAAS_MASTER_PASSWORD[_FILE] or a prompt)')
  .action(async (_opts, cmd: Command) => (await commands.init()).initCommand(ctx(cmd)));

program
  .command('start')
  .description('start the signer (foreground unless --daemon)')
  .option('--daemon', 'detach and run in the background, writing a pid file and logs/signer.log')
  .addOption(new Option('--password-stdin', 'read the master password from stdin').hideHelp())
  .action(async (opts: { daemon?: boolean; passwordStdin?: boolean }, cmd: Command) =>
    (await commands.start()).startCommand(ctx(cmd), opts),
  );

program
  .command('stop')
  .description('stop the running signer gracefully (in-flight requests finish, keys are wiped)')
  .action(async (_opts, cmd: Command) => (await commands.stop()).stopCommand(ctx(cmd)));

program
  .command('status')
  .description('show whether the signer is running (exit code 3 when stopped)')
  .action(async (_opts, cmd: Command) => {
    exitCode = await (await commands.status()).statusCommand(ctx(cmd));
  });

const wallet = program.command('wallet').description('agent wallets');
wallet
  .command('create')
  .description('create an agent wallet with a new key')
  .addOption(new Option('--chain <chain>', 'chain family').choices(['solana', 'evm']).makeOptionMandatory())
  .option('--name <name>', 'a label (default <chain>-<n>)')
  .option('--network <name>', 'a network from "waiaas network list" (default solana-devnet / sepolia)')
  .action(async (opts: { chain: 'solana' | 'evm'; name?: string; network?: string }, cmd: Command) =>
    (await commands.wallet()).walletCreateCommand(ctx(cmd), opts),
  );
wallet
  .command('list')
  .description('list agent wallets')
  .action(async (_opts, cmd: Command) => (await commands.wallet()).walletListCommand(ctx(cmd)));
wallet
  .command('resume')
  .description('lift an AutoStop suspension')
  .argument('<id|name>', 'the wallet')
  .action(async (id: string, _opts, cmd: Command) => (await commands.wallet()).walletResumeCommand(ctx(cmd), id));

program
  .command('network')
  .description('networks the signer knows')
  .command('list')
  .description('built-in networks and the [networks.<name>] tables of config.toml')
  .action(async (_opts, cmd: Command) => (await commands.network()).networkListCommand(ctx(cmd)));

const policy = program.command('policy').description('the rules every agent request is sorted by: INSTANT, NOTIFY, DELAY or APPROVAL');
policy
  .command('list')
  .description('rules that apply (global and per wallet)')
  .option('--wallet <id|name>', "one wallet's rules and the global ones")
  .option('--session <id>', 'the rules that apply to one session: global, its wallet\'s and its own')
  .action(async (opts: { wallet?: string; session?: string }, cmd: Command) => (await commands.policy()).policyListCommand(ctx(cmd), opts));
const policySet = policy.command('set').description('create or replace a rule (one per type per wallet, and globally)');
policySet
  .command('spending-limit')
  .description('tiers by amount: ≤ instant-max INSTANT, ≤ notify-max NOTIFY, ≤ delay-max DELAY, above APPROVAL')
  .option('--wallet <id|name>', 'the wallet (default: global)')
  .option('--session <id>', 'one session only, on top of the global and wallet rules (an active session)')
  .option('--asset <asset>', '"native" or a token address / mint', 'native')
  .requiredOption('--instant-max <amount>', 'e.g. "0.1 SOL" or smallest units')
  .requiredOption('--notify-max <amount>', 'e.g. "1 SOL"')
  .requiredOption('--delay-max <amount>', 'e.g. "10 SOL"')
  .option('--delay <duration>', 'cooldown of the DELAY tier', '15m')
  .option('--usd-instant-max <usd>', 'also tier by USD value (all three --usd-* together), e.g. "25.00"')
  .option('--usd-notify-max <usd>', 'e.g. "100.00"')
  .option('--usd-delay-max <usd>', 'e.g. "1000.00"; above it, or with no fresh price: APPROVAL')
  .option('--decimals <n>', 'decimals of a token --asset (needed for its USD value)')
  .option('--approval-timeout <duration>', 'how long an APPROVAL this rule asks for stays open, 1m to 7d (default: owner.approval_timeout)')
  .action(async (opts: SpendingLimitCliOptions, cmd: Command) =>
    (await commands.policy()).policySetSpendingLimitCommand(ctx(cmd), opts),
  );
policySet
  .command('rolling-limit')
  .description('cap on what a wallet moves of an asset over a rolling window; above it requests are refused')
  .option('--wallet <id|name>', 'the wallet (default: global, which caps each wallet separately)')
  .option('--session <id>', 'one session only, on top of the global and wallet rules (an active session)')
  .option('--asset <asset>', '"native" or a token address / mint', 'native')
  .addOption(new Option('--window <window>', 'the rolling window').choices(['24h', '7d', '30d']).makeOptionMandatory())
  .option('--max <amount>', 'e.g. "1.5 SOL", "0.1 ETH" or smallest units')
  .option('--usd-max <usd>', 'instead of --max: a cap in USD on every asset moved, e.g. "100"; global: one budget for all wallets together')
  .action(async (opts: { wallet?: string; session?: string; asset: string; window: string; max?: string; usdMax?: string }, cmd: Command) =>
    (await commands.policy()).policySetRollingLimitCommand(ctx(cmd), opts),
  );
policySet
  .command('rate-limit')
  .description('at most N requests per wallet in any window; above it requests are refused')
  .option('--wallet <id|name>', 'the wallet (default: global, which limits each wallet separately)')
  .option('--session <id>', 'one session only, on top of the global and wallet rules (an active session)')
  .requiredOption('--max-requests <n>', 'requests allowed in the window')
  .requiredOption('--window <duration>', 'e.g. 60s, 1h, 1d (at most 30d)')
  .action(async (opts: { wallet?: string; session?: string; maxRequests: string; window: string }, cmd: Command) =>
    (await commands.policy()).policySetRateLimitCommand(ctx(cmd), opts),
  );
policySet
  .command('allowed-tokens')
  .description('tokens agents may transfer or approve (all others are refused)')
  .option('--wallet <id|name>', 'the wallet (default: global)')
  .option('--session <id>', 'one session only, on top of the global and wallet rules (an active session)')
  .requiredOption('--token <address...>', 'token address / mint (repeatable)')
  .action(async (opts: { wallet?: string; session?: string; token: string[] }, cmd: Command) =>
    (await commands.policy()).policySetAllowedTokensCommand(ctx(cmd), opts),
  );
policySet
  .command('allowed-contracts')
  .description('contracts / programs agents may call (all others are refused)')
  .option('--wallet <id|name>', 'the wallet (default: global)')
  .option('--session <id>', 'one session only, on top of the global and wallet rules (an active session)')
  .requiredOption('--contract <spec...>', 'address, or address:0xselector,… (EVM) / program:hexdiscriminator,… (Solana) to allow only those methods (repeatable)')
  .action(async (opts: { wallet?: string; session?: string; contract: string[] }, cmd: Command) =>
    (await commands.policy()).policySetAllowedContractsCommand(ctx(cmd), opts),
  );
policySet
  .command('recipient-allowlist')
  .description('the only recipients of transfers and spenders of approvals agents may use (lists of global and wallet rules are joined)')
  .option('--wallet <id|name>', 'the wallet (default: global)')
  .option('--session <id>', 'one session only, on top of the global and wallet rules (an active session)')
  .requiredOption('--address <address...>', 'address, or address=label (repeatable)')
  .action(async (opts: { wallet?: string; session?: string; address: string[] }, cmd: Command) =>
    (await commands.policy()).policySetRecipientAllowlistCommand(ctx(cmd), opts),
  );
policySet
  .command('time-window')
  .description('the days and hours agents may send, in the Owner\'s time zone (all others are refused)')
  .option('--wallet <id|name>', 'the wallet (default: global)')
  .option('--session <id>', 'one session only, on top of the global and wallet rules (an active session)')
  .requiredOption('--days <days>', 'e.g. mon,tue,wed,thu,fri')
  .requiredOption('--hours <start-end>', 'e.g. 9-17 (from 09:00 up to 17:00; end 1..24)')
  .requiredOption('--time-zone <iana>', 'e.g. Europe/Berlin')
  .action(async (opts: { wallet?: string; session?: string; days: string; hours: string; timeZone: string }, cmd: Command) =>
    (await commands.policy()).policySetTimeWindowCommand(ctx(cmd), opts),
  );
policySet
  .command('approve-cap')
  .description('the largest approval agents may give (above it: refused)')
  .option('--wallet <id|name>', 'the wallet (default: global)')
  .option('--session <id>', 'one session only, on top of the global and wallet rules (an active session)')
  .option('--token <address>', 'the token capped (default: every token)')
  .requiredOption('--max <amount>', 'smallest units')
  .action(async (opts: { wallet?: string; session?: string; token?: string; max: string }, cmd: Command) =>
    (await commands.policy()).policySetApproveCapCommand(ctx(cmd), opts),
  );
policySet
  .command('allowed-signing')
  .description('what agents may sign off-chain: plain messages and EIP-712 domains (without this rule nothing is signed)')
  .option('--wallet <id|name>', 'the wallet (default: global)')
  .option('--session <id>', 'one session only, on top of the global and wallet rules (an active session)')
  .option('--messages', 'allow plain messages (EIP-191 personal_sign; Solana text or off-chain messages)')
  .option('--message-prefix <text>', 'with --messages: only messages that start with this text')
  .option('--domain <spec...>', '<chainId>:<verifyingContract>, or chainId=…,verifyingContract=…,name=… (repeatable); permits need chainId and verifyingContract')
  .action(async (opts: { wallet?: string; session?: string; messages?: boolean; messagePrefix?: string; domain?: string[] }, cmd: Command) =>
    (await commands.policy()).policySetAllowedSigningCommand(ctx(cmd), opts),
  );
policy
  .command('remove')
  .description('remove a rule by id')
  .argument('<id>', 'policy id (see policy list)')
  .action(async (id: string, _opts, cmd: Command) => (await commands.policy()).policyRemoveCommand(ctx(cmd), id));

const killSwitch = program.command('kill-switch').description('stop every agent at once, and recover');
killSwitch
  .command('activate')
  .description('revoke every session, cancel every transaction not yet signed, refuse agent requests (503)')
  .option('--reason <text>', 'recorded in the audit log')
  .action(async (opts: { reason?: string }, cmd: Command) =>
    (await commands.killSwitch()).killSwitchActivateCommand(ctx(cmd), opts),
  );
killSwitch
  .command('status')
  .description('ACTIVE (normal) or SUSPENDED (engaged)')
  .action(async (_opts, cmd: Command) => (await commands.killSwitch()).killSwitchStatusCommand(ctx(cmd)));
killSwitch
  .command('recover')
  .description("return to ACTIVE; agents need new sessions. With an Owner registered, pass their signature of the recover message")
  .option('--nonce <nonce>', 'the nonce of the recover message ("waiaas kill-switch recover-message")')
  .option('--signature <sig>', "the Owner's signature of that message: base58 (Solana) or 0x-hex (EVM)")
  .action(async (opts: { nonce?: string; signature?: string }, cmd: Command) => (await commands.killSwitch()).killSwitchRecoverCommand(ctx(cmd), opts));
killSwitch
  .command('recover-message')
  .description("print the message the registered Owner signs to agree to a recovery")
  .action(async (_opts, cmd: Command) => (await commands.killSwitch()).killSwitchRecoverMessageCommand(ctx(cmd)));

const answerAction = (value: string): 'approve' | 'reject' => {
  if (value === 'approve' || value === 'reject') return value;
  throw new WaiaasError('CLI__USAGE', { reason: `the action is approve or reject, not "${value}"` });
};

const owner = program.command('owner').description('the Owner: the person whose wallet co-signs APPROVAL-tier requests');
owner
  .command('show')
  .description('NONE, GRACE (set, not yet proven) or LOCKED (proven by a signature)')
  .action(async (_opts, cmd: Command) => (await commands.owner()).ownerShowCommand(ctx(cmd)));
owner
  .command('set <address>')
  .description("set the Owner's Solana or EVM address (GRACE); refused once the Owner is LOCKED")
  .action(async (address: string, _opts, cmd: Command) => (await commands.owner()).ownerSetCommand(ctx(cmd), address));
owner
  .command('remove')
  .description('remove an Owner still in GRACE')
  .action(async (_opts, cmd: Command) => (await commands.owner()).ownerRemoveCommand(ctx(cmd)));

const approval = program.command('approval').description("APPROVAL-tier transactions waiting for the Owner's signature");
approval
  .command('list')
  .description('approvals waiting for an answer')
  .action(async (_opts, cmd: Command) => (await commands.approval()).approvalListCommand(ctx(cmd)));
approval
  .command('message <id> <action>')
  .description('print the message the Owner signs to approve or reject (action: approve | reject)')
  .action(async (id: string, action: string, _opts, cmd: Command) =>
    (await commands.approval()).approvalMessageCommand(ctx(cmd), id, answerAction(action)),
  );
for (const action of ['approve', 'reject'] as const) {
  approval
    .command(`${action} <id>`)
    .description(`${action} with the Owner's signature over the ${action} message`)
    .requiredOption('--signature <sig>', "the Owner's signature: base58 (Solana) or 0x-hex (EVM)")
    .action(async (id: string, opts: { signature: string }, cmd: Command) =>
      (await commands.approval()).approvalAnswerCommand(ctx(cmd), id, action, opts.signature),
    );
}

const session = program.command('session').description('agent sessions');
session
  .command('create')
  .description('open a session on a wallet and print its token once')
  .requiredOption('--wallet <id|name>', 'the wallet the agent may use')
  .option('--ttl <duration>', 'lifetime, e.g. 30m, 1h, 7d (default 24h, max 30d)')
  .option('--max-per-tx <amount>', 'largest single transaction: smallest units, or e.g. "0.5 SOL"')
  .option('--max-total <amount>', 'total the session may spend: smallest units, or e.g. "2 SOL"')
  .action(async (opts: { wallet: string; ttl?: string; maxPerTx?: string; maxTotal?: string }, cmd: Command) =>
    (await commands.session()).sessionCreateCommand(ctx(cmd), opts),
  );
session
  .command('list')
  .description('list active sessions')
  .option('--wallet <id|name>', 'only this wallet')
  .option('--all', 'include expired and revoked sessions')
  .action(async (opts: { wallet?: string; all?: boolean }, cmd: Command) =>
    (await commands.session()).sessionListCommand(ctx(cmd), opts),
  );
session
  .command('revoke')
  .description('revoke a session: its token stops working at once')
  .argument('<id>', 'session id')
  .action(async (id: string, _opts, cmd: Command) => (await commands.session()).sessionRevokeCommand(ctx(cmd), id));

const pair = program
  .command('pair')
  .description("pair the Owner's browser extension: print a one-time code, the signer's address and identity fingerprint")
  .option('--ttl <duration>', 'how long the code works (at most 10m)', '10m')
  .action(async (opts: { ttl?: string }, cmd: Command) => (await commands.pair()).pairCommand(ctx(cmd), opts));
pair
  .command('list')
  .description('paired Owner devices')
  .action(async (_opts, cmd: Command) => (await commands.pair()).pairListCommand(ctx(cmd)));
pair
  .command('revoke')
  .description('revoke a paired device; its open connections are closed at once')
  .argument('<id>', 'device id (see pair list)')
  .action(async (id: string, _opts, cmd: Command) => (await commands.pair()).pairRevokeCommand(ctx(cmd), id));

const audit = program.command('audit').description('the tamper-evident audit log');
audit
  .command('verify')
  .description('walk the hash chain: intact, or the first entry that was edited, deleted or reordered (exit code 1)')
  .action(async (_opts, cmd: Command) => (await commands.audit()).auditVerifyCommand(ctx(cmd)));
audit
  .command('list')
  .description('audit entries, newest first')
  .option('--wallet <id|name>', 'only entries about this wallet')
  .option('--session <id>', 'only entries about this session')
  .option('--action <type>', 'only this action, e.g. session.use')
  .option('--since <time>', 'from this time: ISO 8601, or a duration ago such as 30m, 1h, 7d')
  .option('--until <time>', 'up to this time: ISO 8601, or a duration ago')
  .option('--limit <n>', 'at most n entries (default 50, at most 1000)')
  .action(async (opts: AuditListOptions, cmd: Command) =>
    (await commands.audit()).auditListCommand(ctx(cmd), opts),
  );

const wantsJson = process.argv.includes('--json');
try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // --help and --version end through here too, with exit code 0.
    if (error.exitCode !== 0) {
      printError(new WaiaasError('CLI__USAGE', { reason: error.message.replace(/^error: /, '') }), wantsJson);
    }
    exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    printError(error, wantsJson);
    exitCode = 1;
  }
}
process.exitCode = exitCode;
