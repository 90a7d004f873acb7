// Markdown to text with every character kept in place: markup is overwritten with spaces, so an
// offset into the result is an offset into the file the user has. Covers what news exports use:
// headings, emphasis, links and images, block quotes, list markers, code fences, HTML comments.
export function markdownToText(md: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  return md
    .replace(/\r/g, ' ')
    .replace(/<!--[\s\S]*?-->/g, blank)
    .replace(/^(```|~~~)[^\n]*$/gm, blank)
    .replace(/^[ \t]{0,3}#{1,6}[ \t]+/gm, blank)
    .replace(/^[ \t]{0,3}>[ \t]?/gm, blank)
    .replace(/^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+/gm, blank)
    .replace(/^[ \t]*(?:[-*_][ \t]*){3,}$/gm, blank)
    .replace(/!?\[([^\]\n]{0,500})\]\(([^)\n]{0,2000})\)/g, (_m, label: string, url: string) => ` ${label} ${blank(url)} `.replace(/^ /, _m.startsWith('!') ? '  ' : ' '))
    .replace(/(\*\*|__)(?=\S)([^\n]{0,2000}?\S)\1/g, (_m, mark: string, inner: string) => `${blank(mark)}${inner}${blank(mark)}`)
    .replace(/(?<![\w*])([*_])(?=\S)([^\n*_]{0,2000}?\S)\1(?![\w*])/g, (_m, _mark: string, inner: string) => ` ${inner} `)
    .replace(/`([^`\n]{0,2000})`/g, (_m, inner: string) => ` ${inner} `);
}
