// Playwright cannot download its own browser here; the e2e tests use Debian's
// Chromium. Install it when missing and we may (root), else say how.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = '/usr/bin/chromium';
if (existsSync(path) || process.env.PLAYWRIGHT_CHROMIUM_PATH) process.exit(0);
if (process.platform === 'linux' && process.getuid?.() === 0) {
  console.log('Chromium belum terpasang; memasang paket Debian "chromium"…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-liberation', { stdio: 'inherit' });
} else if (process.platform === 'linux') {
  console.log('Chromium tidak ditemukan di /usr/bin/chromium. Pasang dengan: sudo apt-get install chromium');
  console.log('atau jalankan: npx playwright install chromium (bila ada internet).');
}
