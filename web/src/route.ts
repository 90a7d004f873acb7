// Hash routes (#/view/arg?key=value): the server serves one page, and every view has an address.
import { useEffect, useState } from 'preact/hooks';

export interface Route {
  view: string;
  arg: string | null;
  params: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const [view, ...rest] = path.split('/');
  return { view: view || 'flows', arg: rest.length ? decodeURIComponent(rest.join('/')) : null, params: new URLSearchParams(query) };
}

export function href(view: string, arg?: string | null, params?: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const qs = q.toString();
  return `#/${view}${arg ? `/${encodeURIComponent(arg)}` : ''}${qs ? `?${qs}` : ''}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const on = (): void => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return route;
}

export function navigate(url: string): void {
  location.hash = url.replace(/^#/, '');
}
