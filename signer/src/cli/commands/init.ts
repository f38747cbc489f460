import { initHome } from '../../home/init-home.js';
import type { CliContext } from '../context.js';
import { readMasterPassword } from '../read-password.js';

export async function initCommand({ paths, out }: CliContext): Promise<void> {
  const password = await readMasterPassword({ confirm: true });
  try {
    await initHome(paths, password);
  } finally {
    password.fill(0);
  }
  out.result({ home: paths.home, config: paths.config, database: paths.database, keystore: paths.keystore }, () =>
    [
      `Initialized WAIaaS home at ${paths.home}`,
      `  config    ${paths.config}`,
      `  keystore  ${paths.keystore}`,
      `  database  ${paths.database}`,
      'Next: waiaas start',
    ].join('\n'),
  );
}
