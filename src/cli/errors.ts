/** Wrong use of a command (a bad option value, a missing folder): one line on stderr, exit 2. */
export class UsageError extends Error {}
