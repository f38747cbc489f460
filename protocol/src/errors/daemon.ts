import type { ErrorDefinitions } from './define.js';

/** Data directory, configuration, database and daemon lifecycle. */
export const daemonErrors = {
  HOME__ALREADY_INITIALIZED: {
    status: 409,
    message: (c: { home: string }) => `${c.home} already holds a WAIaaS home; refusing to overwrite it.`,
  },
  HOME__NOT_INITIALIZED: {
    status: 400,
    message: (c: { home: string }) => `${c.home} is not a WAIaaS home; run "waiaas init" first.`,
  },
  CONFIG__INVALID: {
    status: 400,
    message: (c: { source: string; issues: string[] }) => `Configuration from ${c.source} is invalid: ${c.issues.join('; ')}.`,
  },
  CONFIG__NOT_LOOPBACK: {
    status: 400,
    message: (c: { hostname: string }) =>
      `daemon.hostname "${c.hostname}" is not a loopback address; the signer only listens on 127.0.0.1 or ::1.`,
  },
  DATABASE__NEWER_SCHEMA: {
    status: 500,
    message: (c: { found: number; supported: number }) =>
      `The database is at schema version ${c.found}, newer than this signer supports (${c.supported}); upgrade WAIaaS.`,
  },
  DAEMON__ALREADY_RUNNING: {
    status: 409,
    message: (c: { home: string }) => `A signer is already running on ${c.home}.`,
  },
  DAEMON__NOT_RUNNING: {
    status: 503,
    message: (c: { home: string }) => `No signer is running on ${c.home}; start it with "waiaas start".`,
  },
  DAEMON__START_FAILED: {
    status: 500,
    message: (c: { reason: string; log?: string }) =>
      `The signer did not start: ${c.reason}.${c.log ? ` See ${c.log}.` : ''}`,
  },
  DAEMON__STOP_TIMEOUT: {
    status: 500,
    message: (c: { pid: number; waitedSeconds: number }) =>
      `The signer (pid ${c.pid}) did not stop within ${c.waitedSeconds} s.`,
  },
  CLI__USAGE: {
    status: 400,
    message: (c: { reason: string }) => `${c.reason} (see --help).`,
  },
  DAEMON__UNREACHABLE: {
    status: 503,
    message: (c: { socket: string; reason: string }) => `Cannot reach the signer at ${c.socket}: ${c.reason}.`,
  },
  DAEMON__SHUTTING_DOWN: {
    status: 503,
    message: () => 'The signer is shutting down.',
  },
} satisfies ErrorDefinitions;
