// A whole-word, case-blind pattern for a word found in the text ("spokesman" in a role), compiled
// on first use and then reused: a look-back that tests many candidates against one word compiles
// it once, not once per candidate (and not at all when no candidate gets that far).
export function wholeWordPattern(word: string): () => RegExp {
  let pattern: RegExp | undefined;
  return () => (pattern ??= new RegExp(`\\b${word}\\b`, 'i'));
}
