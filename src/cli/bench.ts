export async function benchCommand(_dir: string | undefined, _opts: unknown): Promise<void> {
  throw new Error('bench: not built yet');
}
