// HTML to article text: Mozilla's Readability (the engine of Firefox Reader View) drops page
// boilerplate (menus, footers, share boxes), on linkedom's DOM, which is light enough to load
// per report. Block elements become paragraphs separated by blank lines.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

const BLOCKS = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'TR', 'FIGCAPTION', 'HEADER', 'FOOTER', 'ASIDE', 'TABLE', 'UL', 'OL', 'DD', 'DT']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT']);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

function blockText(root: DomNode): string {
  const paras: string[] = [];
  let cur = '';
  const flush = () => {
    const t = cur.replace(/\s+/g, ' ').trim();
    if (t) paras.push(t);
    cur = '';
  };
  const walk = (n: DomNode) => {
    if (n.nodeType === 3) { cur += n.textContent ?? ''; return; }
    if (n.nodeType !== 1 || SKIP.has(n.nodeName)) return;
    if (n.nodeName === 'BR') { cur += ' '; return; }
    const block = BLOCKS.has(n.nodeName);
    if (block) flush();
    for (let i = 0; i < n.childNodes.length; i++) walk(n.childNodes[i]);
    if (block) flush();
  };
  walk(root);
  flush();
  return paras.join('\n\n');
}

const META_DATES = ['article:published_time', 'og:published_time', 'datePublished', 'date', 'pubdate', 'publishdate', 'dc.date', 'DC.date.issued'];

// Who published the page: Open Graph first (news sites set it), then the older names.
const META_OUTLETS = ['og:site_name', 'application-name', 'publisher', 'DC.publisher', 'dc.publisher'];

export function htmlToText(html: string): { text: string; title?: string; published?: string; outlet?: string } {
  const { document } = parseHTML(html);
  let outlet: string | undefined;
  for (const name of META_OUTLETS) {
    const v = document.querySelector(`meta[property="${name}"], meta[name="${name}"]`)?.getAttribute('content')?.trim();
    if (v) { outlet = v; break; }
  }
  let published: string | undefined;
  for (const name of META_DATES) {
    const el = document.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
    const v = el?.getAttribute('content');
    const m = v && /^(\d{4}-\d{2}-\d{2})/.exec(v);
    if (m) { published = m[1]; break; }
  }
  if (!published) {
    const t = document.querySelector('time[datetime]')?.getAttribute('datetime');
    const m = t && /^(\d{4}-\d{2}-\d{2})/.exec(t);
    if (m) published = m[1];
  }
  let article: { title?: string | null; content?: string | null } | null = null;
  try {
    article = new Readability(document as unknown as Document).parse();
  } catch {
    article = null;
  }
  if (article?.content) {
    const { document: inner } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
    const text = blockText(inner.body as unknown as DomNode);
    if (text.trim()) return { text, title: article.title ?? undefined, published, outlet };
  }
  // Readability finds no article in short or odd pages: fall back to the whole body.
  const { document: again } = parseHTML(html);
  const body = (again.body ?? again.documentElement) as unknown as DomNode | null;
  return { text: body ? blockText(body) : '', title: again.title || undefined, published, outlet };
}
