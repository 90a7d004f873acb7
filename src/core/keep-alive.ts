// V8 holds the hidden classes of a class's instances only through live instances: when none is
// alive, a full garbage collection between documents frees them and throws away the optimized code
// of every method that used them, which then runs slowly again until re-optimized. Keeping the last
// instance of each such class referenced (until the next document replaces it) avoids that.
const kept = new Map<string, unknown>();

/** Keeps `instance` referenced until the next call with the same kind. */
export function keepLast(kind: string, instance: unknown): void {
  kept.set(kind, instance);
}
