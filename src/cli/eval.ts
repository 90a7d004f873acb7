export async function evalCommand(_dir: string, _opts: unknown): Promise<void> {
  throw new Error('eval: not built yet');
}
