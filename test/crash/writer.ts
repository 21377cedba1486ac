// Child process of the crash test: records complaints into <dataDir> in a loop and
// prints each register number once its commit returned, until it is killed.
import { randomBytes } from 'node:crypto';
import { createCore } from '../../main/core';
import { carrier, sampleComplaint, silentLog } from '../support/core';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function main() {
  const core = createCore({ dataDir: process.argv[2]!, log: silentLog, sweepEveryMs: 0, backupCheckEveryMs: 0 });
  const s = carrier();
  const login = await core.call('auth.login', { username: 'staf1', password: 'kata-sandi-123' }, s);
  if (!login.ok) throw new Error(login.error.message);
  for (let i = 0; ; i++) {
    // Every third one carries a new attachment, so file fsync and commit order are tested too.
    const attachments = i % 3 === 0 ? [{ fileName: `foto-${i}.png`, mime: 'image/png', dataBase64: Buffer.concat([PNG_MAGIC, randomBytes(2048)]).toString('base64') }] : [];
    const r = await core.call('complaints.create', sampleComplaint({ subject: `Uji mati mendadak ${i}`, attachments }), s);
    if (!r.ok) throw new Error(r.error.message);
    // Pipes are written synchronously on POSIX: a number read by the parent was committed.
    process.stdout.write(`${(r.value as { registerNo: string }).registerNo}\n`);
  }
}
void main();
