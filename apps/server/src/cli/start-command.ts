import { startServer } from '../start.js';
import { failWith, progressLine } from './output.js';

export const startCommand = async (options: { migrate: boolean; seed: boolean }): Promise<void> => {
  try {
    const server = await startServer({ migrate: options.migrate, seed: options.seed, progress: progressLine });
    process.stderr.write(`RusToK ${server.db.kind === 'pglite' ? '(embedded database) ' : ''}listening on ${server.address}\n`);
  } catch (error) {
    failWith(error);
  }
};
