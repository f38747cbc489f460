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

[owner]
# An APPROVAL-tier transaction expires (its budget released) when the Owner has not answered in time.
approval_timeout = "1h"
# An approved transaction waits this long before it is signed, so a rejection sent at once still wins.
approval_settle = "2s"

[notify]
# While no paired extension is connected, approval requests, their outcomes and kill-switch changes
# also go to these channels (both optional). Failed deliveries are retried with exponential backoff
# from retry_base, up to max_attempts, and each outcome is audited.
# ntfy_url = "https://ntfy.sh/my-secret-topic"
# ntfy_token = "tk_…"             # sent as a Bearer token; never logged (or WAIAAS_NOTIFY_NTFY_TOKEN)
# webhook_url = "https://example.com/waiaas"
# webhook_secret = "…"            # HMAC-SHA256 key, at least 16 characters; required with webhook_url
max_attempts = 8
retry_base = "5s"
# Each request gives up after this long.
timeout = "10s"

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
# "fixed": only the table below. "coingecko": the table, then a CoinGecko-compatible API at url (a
# fixed entry wins). A price is timed by the provider's last_updated_at; a failed lookup is unknown.
provider = "fixed"
url = "https://api.coingecko.com/api/v3"
# Sent as the x-cg-demo-api-key header; never logged. Or set WAIAAS_PRICES_API_KEY.
# api_key = "CG-…"
timeout = "3s"
# How long an answer is reused before the API is asked again.
cache_ttl = "60s"

# Fixed prices, for a signer without a price feed. Keys are "<solana|evm>:<native|token address>".
# An entry without "at" counts as observed when the daemon starts, so it goes stale max_age later.
# [prices.fixed]
# "solana:native" = { usd = "150.25", at = "2026-11-21T00:00:00Z" }
# "evm:native" = { usd = "3000.00" }

# Which assets the "coingecko" feed prices: native assets by coin id, tokens by address on an asset
# platform (e.g. evm = "base" for EVM wallets on Base).
# [prices.coins]
# solana = "solana"
# evm = "ethereum"
# [prices.platforms]
# solana = "solana"
# evm = "ethereum"
`;
