import { StartupError } from './database/errors';
import { EnvError } from './parse-env';

/**
 * Runs a command-line entry point: expected failures (bad env, port in use, unreachable database)
 * print one clear line; anything else prints its stack. Either way the exit code is 1.
 */
export const runCli = (main: () => Promise<void>): void => {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      if (error instanceof EnvError || error instanceof StartupError) {
        console.error(`Error: ${error.message}`);
      } else {
        console.error(error);
      }
      process.exit(1);
    },
  );
};
