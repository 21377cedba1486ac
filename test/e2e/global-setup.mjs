// The servers under test run the bundle that `npm run web` runs (dist/main), made again
// here when a source of it changed since it was made: it starts in about half a second,
// where main/http/cli.ts through tsx took over one, and every test starts its own.
import { bundleMainIfChanged } from '../../main/build/bundle.mjs';

export default async function globalSetup() {
  await bundleMainIfChanged();
}
