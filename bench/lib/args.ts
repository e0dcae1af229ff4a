// `--name value` and `--flag` on the command line, nothing more: the bench scripts take a handful
// of options and a parser package would be one more dependency to pin.

export type Args = { get(name: string): string | undefined; number(name: string, fallback: number): number; has(name: string): boolean };

export function parseArgs(argv: string[]): Args {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) throw new Error(`Unexpected argument ${a}: options are --name value`);
    const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    if (inline !== undefined) values.set(name, inline);
    else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) values.set(name, argv[++i]!);
    else values.set(name, 'true');
  }
  return {
    get: (name) => values.get(name),
    has: (name) => values.has(name),
    number(name, fallback) {
      const v = values.get(name);
      if (v === undefined) return fallback;
      const n = Number(v);
      if (!Number.isFinite(n)) throw new Error(`--${name} must be a number, not ${v}`);
      return n;
    },
  };
}
