import { join } from 'node:path';
import * as electron from 'electron';
import { startDesktop } from './app';

// `npm start` and the installed app. Wiring only; the logic is in app.ts and beside it.
void startDesktop(electron, {
  argv: process.argv.slice(1),
  appRoot: electron.app.getAppPath(),
  preloadPath: join(__dirname, 'preload.js'),
  hostEntryPath: join(__dirname, '..', 'host', 'entry.js'),
});
