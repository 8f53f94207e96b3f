/**
 * A start-up failure the user can fix (a port in use, an unreachable server). Entry points print
 * its message as one line and exit non-zero instead of printing a stack trace.
 */
export class StartupError extends Error {
  override name = 'StartupError';
}
