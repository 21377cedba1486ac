import type { Session, WebContents, WebPreferences } from 'electron';

// All window hardening of the desktop app sits here (the Electron security checklist).

export const APP_SCHEME = 'app';
export const APP_HOST = 'tanggap';
export const APP_URL_PREFIX = `${APP_SCHEME}://${APP_HOST}/`;
export const APP_ENTRY_URL = `${APP_URL_PREFIX}index.html`;

// The same policy main/http sends to browsers. 'self' is app://tanggap, the only origin
// the renderer is served from; the page talks to the core over IPC, never the network.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
  };
}

// Chromium hands events canonical URLs (scheme and host lower-case, dot segments
// resolved), so a prefix test with the trailing slash pins scheme and host exactly.
// A blob: URL made by our own page (a DOCX download) carries our origin after "blob:".
export function isAppUrl(url: string): boolean {
  const target = url.startsWith('blob:') ? url.slice('blob:'.length) : url;
  return target.startsWith(APP_URL_PREFIX);
}

// Links the page may hand to the system: https (no credentials in the URL) to the
// browser, and a mailto: draft (the answer to a reporter) to the mail program.
export function isVettedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'mailto:') return /^[^@\s/]+@[^@\s/]+$/.test(decodeURIComponent(parsed.pathname));
  return parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
}

// In client mode (client.ts) the window shows the paired office server: exactly its
// https origin, given as the URL's origin ('https://192.168.1.10:8443'); the trailing
// slash keeps a longer port or host ('…:84430', '….evil.example') out.
export function isPairedUrl(url: string, pairedOrigin: string | null): boolean {
  if (!pairedOrigin) return false;
  const target = url.startsWith('blob:') ? url.slice('blob:'.length) : url;
  return target.startsWith(`${pairedOrigin}/`);
}

type NavigationEvent = { url: string; preventDefault(): void };

// Applied to every webContents the app creates (app 'web-contents-created'): no
// navigation away from the app (or the paired server), no new windows, no <webview>.
export function hardenWebContents(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  openExternal: (url: string) => Promise<void>,
  pairedOrigin: () => string | null = () => null,
): void {
  const stayInApp = (event: NavigationEvent) => {
    if (!isAppUrl(event.url) && !isPairedUrl(event.url, pairedOrigin())) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-frame-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // The paired server's pages stay in the app: the system browser does not know its certificate.
    if (isVettedExternalUrl(url) && !isPairedUrl(url, pairedOrigin())) openExternal(url).catch(() => undefined);
    return { action: 'deny' };
  });
}

// The app needs no camera, microphone, location or other permission. The one exception:
// in client mode the paired server's pages may show system notifications, since the
// main process holds no session there to show them itself.
export function denyAllPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
  notificationsFrom: string | null = null,
): void {
  const allowed = (permission: string, url: string) => permission === 'notifications' && isPairedUrl(url, notificationsFrom);
  session.setPermissionRequestHandler((_contents, permission, callback, details) => callback(allowed(permission, details.requestingUrl)));
  // Chromium gives the check an origin without the trailing slash.
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => allowed(permission, `${requestingOrigin}/`));
}
