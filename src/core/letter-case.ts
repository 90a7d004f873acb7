// Letter-case tests that run at every token: ASCII answers by char code, anything else as Unicode says.

/** Does the word start with a lowercase letter? */
export function startsLowercase(w: string): boolean {
  const c = w.charCodeAt(0);
  return c < 128 ? c >= 97 && c <= 122 : /^\p{Ll}/u.test(w);
}
