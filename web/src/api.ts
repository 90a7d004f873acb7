// Calls to trawl's JSON API, with the bearer token when the server needs one. GET answers are
// kept until the next ingest, so moving between views does not ask twice.
import { useEffect, useState } from 'preact/hooks';

const TOKEN_KEY = 'trawl-token';

/** `#token=T` in the address (how `trawl serve --token` is opened) is kept for the session and removed from view. */
export function takeTokenFromAddress(): void {
  const m = /^#token=([^&]+)/.exec(location.hash);
  if (!m) return;
  sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(m[1]));
  history.replaceState(null, '', `${location.pathname}${location.search}#/`);
}

function headers(): Record<string, string> {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token ? { authorization: `Bearer ${token}` } : {};
}

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

const cache = new Map<string, Promise<unknown>>();

async function readAnswer<T>(res: Response): Promise<T> {
  const body = (await res.json().catch(() => ({}))) as { error?: string };
  if (res.status === 401) throw new ApiError(401, 'This explorer needs its token: open it as this address followed by #token=YOUR_TOKEN.');
  if (!res.ok) throw new ApiError(res.status, body.error ?? `HTTP ${res.status}`);
  return body as T;
}

export function get<T>(path: string): Promise<T> {
  let p = cache.get(path) as Promise<T> | undefined;
  if (!p) {
    p = fetch(`api/${path}`, { headers: headers() }).then((res) => readAnswer<T>(res));
    p.catch(() => cache.delete(path));
    cache.set(path, p);
  }
  return p;
}

export async function post<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(`api/${path}`, { method: 'POST', headers: { ...headers(), 'content-type': 'application/json' }, body: JSON.stringify(body) });
  cache.clear();
  return readAnswer<T>(res);
}

export type Loaded<T> = { data: T; error: null } | { data: null; error: string | null };

/** The answer to a GET, re-asked when `path` changes; null path: nothing to ask yet. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ data: null, error: null });
  useEffect(() => {
    if (path === null) return;
    let live = true;
    setState({ data: null, error: null });
    get<T>(path).then(
      (data) => live && setState({ data, error: null }),
      (e: Error) => live && setState({ data: null, error: e.message }),
    );
    return () => {
      live = false;
    };
  }, [path]);
  return state;
}
