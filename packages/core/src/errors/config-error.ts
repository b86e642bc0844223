/** A bad option or environment variable, found at boot. The message names the option. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    /** The option or environment variable at fault, e.g. `auth.jwtSecret` or `DATABASE_URL`. */
    readonly option: string,
    reason: string,
  ) {
    super(`Invalid option ${option}: ${reason}`);
  }
}
