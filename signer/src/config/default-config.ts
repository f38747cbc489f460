/** Written by `waiaas init`. Every key is optional; these are the defaults. */
export const DEFAULT_CONFIG_TOML = `# WAIaaS signer configuration.
# Any key can be overridden by an environment variable WAIAAS_<SECTION>_<KEY>,
# e.g. WAIAAS_DAEMON_PORT=3200. Durations: 90s, 15m, 1h, 7d.

[daemon]
# The agent API listens on this loopback address (never anything else) and on $WAIAAS_HOME/signer.sock.
hostname = "127.0.0.1"
port = 3100
log_level = "info"
# How long "waiaas stop" lets in-flight requests finish.
shutdown_timeout = "30s"

[session]
default_ttl = "24h"
# No session may be created with a longer TTL; there are no unlimited sessions.
max_ttl = "30d"
max_renewals = 30
# A session cannot be renewed past this age, however often it renews.
absolute_lifetime = "30d"

[security]
# Lifetime of the admin token the CLI gets from the master password.
admin_token_ttl = "5m"
max_body_bytes = 65536

[pipeline]
# Transient failures (RPC node unreachable) are retried this many times, with exponential backoff
# from retry_base, before the transaction is FAILED with CHAIN__RPC_UNAVAILABLE.
max_attempts = 8
retry_base = "1s"
# Milliseconds between confirmation checks of submitted transactions.
confirm_interval = 500

[autostop]
# A wallet stops by itself (its waiting transactions are cancelled, new ones refused) when its last
# consecutive_failures transactions all failed, or its agents send more than burst_count requests
# within burst_window. "waiaas wallet resume <wallet>" lifts it. 0 turns a rule off.
consecutive_failures = 5
burst_count = 100
burst_window = "1m"

# Networks: solana-mainnet, solana-devnet, ethereum-mainnet, sepolia, base and base-sepolia are
# built in ("waiaas network list"). Add your own, or override a built-in's RPC, with a table:
#
# [networks.local-solana]
# family = "solana"
# rpc_url = "http://127.0.0.1:8899"
#
# [networks.local-evm]
# family = "evm"
# rpc_url = "http://127.0.0.1:8545"
# chain_id = 31337
# tokens = ["0x…"]   # ERC-20 contracts to list in the wallet's assets

[prices]
# USD prices for spending limits with USD thresholds. A price older than max_age is unknown, and an
# unknown price sends the request to the Owner (APPROVAL): USD thresholds fail closed.
max_age = "5m"

# Fixed prices, for a signer without a price feed. Keys are "<solana|evm>:<native|token address>".
# An entry without "at" counts as observed when the daemon starts, so it goes stale max_age later.
# [prices.fixed]
# "solana:native" = { usd = "150.25", at = "2026-11-21T00:00:00Z" }
# "evm:native" = { usd = "3000.00" }
`;
