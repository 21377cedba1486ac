import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { FromHost, ToHost } from '../../main/host/protocol';
import type { UtilityChild } from '../../main/electron/hostProcess';

const CHILD = join(__dirname, 'utilityChild.cjs');

export interface ForkedUtility extends UtilityChild {
  readonly pid: number | undefined;
  // Resolves with the exit code once the process has ended.
  readonly exited: Promise<number>;
}

// A stand-in for Electron's utilityProcess.fork: a real second Node process (TypeScript
// through tsx) with process.parentPort, messages copied by structured clone as Electron does.
export function forkUtility(modulePath: string, _args: string[] = [], options: { env?: NodeJS.ProcessEnv } = {}): ForkedUtility {
  const child = fork(CHILD, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...options.env, TANGGAP_UTILITY_MODULE: modulePath },
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
  const utility: ForkedUtility = {
    get pid() {
      return child.pid;
    },
    exited,
    postMessage(message: ToHost) {
      if (child.connected) child.send(message);
    },
    on(event: 'message' | 'exit', listener: ((message: FromHost) => void) | ((code: number) => void)) {
      if (event === 'message') child.on('message', listener as (message: FromHost) => void);
      else void exited.then(listener as (code: number) => void);
      return utility;
    },
    kill: () => child.kill(),
  };
  return utility;
}
