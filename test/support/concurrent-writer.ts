// Run as a separate OS process by the concurrency test: records `count` complaints
// into the same database file as another process doing the same at the same time.
import { createCore } from '../../main/core';
import { silentLog, carrier, sampleComplaint } from './core';

async function main() {
  const [dataDir, username, count] = process.argv.slice(2);
  const core = createCore({ dataDir: dataDir!, log: silentLog });
  const s = carrier();
  const login = await core.call('auth.login', { username, password: 'kata-sandi-123' }, s);
  if (!login.ok) throw new Error(login.error.message);
  const numbers: string[] = [];
  for (let i = 0; i < Number(count); i++) {
    const r = await core.call('complaints.create', sampleComplaint({ subject: `${username} ${i}` }), s);
    if (!r.ok) throw new Error(r.error.message);
    numbers.push((r.value as { registerNo: string }).registerNo);
  }
  core.close();
  process.stdout.write(JSON.stringify(numbers));
}
void main();
