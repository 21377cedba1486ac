import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export interface LaunchArgs {
  dataDir: string | null;
  demo: boolean;
  host: string;
  port: number;
  tls: boolean;
}

// Arguments shared by the desktop app and `npm run web`:
//   --data <dir>   folder holding tanggap.sqlite and lampiran/
//   --demo         a demo office with users and a few hundred complaints
//   --host, --port where the HTTP server listens (127.0.0.1:5180 by default)
//   --tls          serve HTTPS with the data folder's certificate (required off loopback)
// Others are passed over (Electron's and Chromium's own switches reach the desktop app's
// argv), or refused with `strict` (`npm run web`, where a mistyped --prot would otherwise
// start a server on the default port and folder).
export function parseArgs(argv: readonly string[], { strict = false } = {}): LaunchArgs {
  const args: LaunchArgs = { dataDir: null, demo: false, host: '127.0.0.1', port: 5180, tls: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`Argumen ${flag} membutuhkan nilai.`);
      return v;
    };
    if (flag === '--data') args.dataDir = resolve(value());
    else if (flag === '--demo') args.demo = true;
    else if (flag === '--tls') args.tls = true;
    else if (flag === '--host') args.host = value();
    else if (flag === '--port') {
      const port = Number(value());
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('Argumen --port harus angka 0–65535.');
      args.port = port;
    } else if (strict) {
      throw new Error(`Argumen tidak dikenal: ${a}.`);
    }
  }
  return args;
}

// Where `npm run web` keeps its data when no --data is given (the desktop app uses
// Electron's user-data folder instead). The demo never shares the real office's file.
export function defaultDataDir(demo: boolean): string {
  const base = process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share');
  return join(base, 'Tanggap', demo ? 'demo' : 'data');
}
