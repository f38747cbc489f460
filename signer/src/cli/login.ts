import type { HomePaths } from '../home/home-paths.js';
import { assertHomeInitialized } from '../home/init-home.js';
import { AdminClient } from './admin-client.js';
import { readMasterPassword } from './read-password.js';

/** Every admin command authenticates once with the master password, then uses a short-lived token. */
export async function loginAsMaster(paths: HomePaths): Promise<AdminClient> {
  assertHomeInitialized(paths);
  const password = await readMasterPassword({ confirm: false });
  try {
    return await AdminClient.login(paths.socket, password);
  } finally {
    password.fill(0);
  }
}
