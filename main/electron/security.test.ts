import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  denyAllPermissions,
  hardenWebContents,
  isAppUrl,
  isPairedUrl,
  isVettedExternalUrl,
  secureWebPreferences,
} from './security';

type Listener = (event: { url?: string; preventDefault(): void }) => void;

// A stand-in for a webContents: records the listeners and the window-open handler.
function fakeContents() {
  const listeners = new Map<string, Listener[]>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    on(name: string, listener: Listener) {
      listeners.set(name, [...(listeners.get(name) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(handler: typeof openHandler) {
      openHandler = handler;
    },
  };
  const emit = (name: string, url?: string) => {
    const event = { url, preventDefault: vi.fn() };
    for (const l of listeners.get(name) ?? []) l(event);
    return event.preventDefault.mock.calls.length > 0;
  };
  return {
    contents: contents as unknown as WebContents,
    prevented: (name: string, url?: string) => emit(name, url),
    open: (url: string) => openHandler!({ url }),
  };
}

describe('window hardening', () => {
  it('turns on every isolation flag and names the preload', () => {
    expect(secureWebPreferences('/app/dist/main/electron/preload.js')).toEqual({
      preload: '/app/dist/main/electron/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('has a strict content security policy', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('style-src')).toBe("'self' 'unsafe-inline'");
    expect(directives.get('img-src')).toBe("'self' data: blob:");
    expect(directives.get('connect-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('base-uri')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });

  it('knows the app origin and nothing else', () => {
    expect(APP_ENTRY_URL).toBe('app://tanggap/index.html');
    expect(isAppUrl('app://tanggap/pengaduan/12')).toBe(true);
    expect(isAppUrl('blob:app://tanggap/4f1c2b9e')).toBe(true);
    for (const url of ['app://tanggap.evil/', 'app://other/index.html', 'app://tanggap', 'file:///etc/passwd', 'https://tanggap/', 'blob:https://x/1']) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });

  it('hands only plain https links to the system browser, and mail drafts to the mail program', () => {
    expect(isVettedExternalUrl('https://www.lapor.go.id/')).toBe(true);
    expect(isVettedExternalUrl('mailto:siti@contoh.com?subject=Tanggapan&body=Yth.%20Sdr.')).toBe(true);
    for (const url of ['mailto:', 'mailto:a@b@c', 'mailto:../../x', 'http://example.com/', 'file:///C:/Windows/system32/calc.exe', 'javascript:alert(1)', 'smb://server/share', 'https://user:pw@example.com/', 'not a url']) {
      expect(isVettedExternalUrl(url), url).toBe(false);
    }
  });

  it('refuses navigation away from the app', () => {
    const w = fakeContents();
    hardenWebContents(w.contents, vi.fn(async () => undefined));
    expect(w.prevented('will-navigate', 'https://evil.example/')).toBe(true);
    expect(w.prevented('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(w.prevented('will-frame-navigate', 'https://evil.example/')).toBe(true);
    expect(w.prevented('will-redirect', 'http://127.0.0.1:5180/')).toBe(true);
    expect(w.prevented('will-navigate', 'app://tanggap/index.html')).toBe(false);
    expect(w.prevented('will-frame-navigate', 'app://tanggap/masuk')).toBe(false);
  });

  it('in client mode lets the window show exactly the paired server besides the app', () => {
    let paired: string | null = null;
    const openExternal = vi.fn(async () => undefined);
    const w = fakeContents();
    hardenWebContents(w.contents, openExternal, () => paired);
    expect(w.prevented('will-navigate', 'https://192.168.1.10:8443/')).toBe(true);

    paired = 'https://192.168.1.10:8443';
    expect(isPairedUrl('blob:https://192.168.1.10:8443/4f1c2b9e', paired)).toBe(true);
    expect(w.prevented('will-navigate', 'https://192.168.1.10:8443/')).toBe(false);
    expect(w.prevented('will-redirect', 'https://192.168.1.10:8443/pengaduan/12')).toBe(false);
    expect(w.prevented('will-navigate', 'app://tanggap/index.html')).toBe(false);
    for (const url of ['https://192.168.1.10:84430/', 'https://192.168.1.10/', 'http://192.168.1.10:8443/', 'https://192.168.1.10:8443.evil.example/', 'https://192.168.1.11:8443/']) {
      expect(w.prevented('will-navigate', url), url).toBe(true);
      expect(w.prevented('will-frame-navigate', url), url).toBe(true);
    }
    // Its pages never go to the system browser, which does not know the pinned certificate.
    expect(w.open('https://192.168.1.10:8443/pengaduan/12')).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();

    paired = null;
    expect(w.prevented('will-navigate', 'https://192.168.1.10:8443/')).toBe(true);
  });

  it('refuses <webview>', () => {
    const w = fakeContents();
    hardenWebContents(w.contents, vi.fn(async () => undefined));
    expect(w.prevented('will-attach-webview')).toBe(true);
  });

  it('never opens a window; vetted https links go to the system browser', () => {
    const openExternal = vi.fn(async () => undefined);
    const w = fakeContents();
    hardenWebContents(w.contents, openExternal);
    expect(w.open('https://www.lapor.go.id/')).toEqual({ action: 'deny' });
    expect(w.open('app://tanggap/index.html')).toEqual({ action: 'deny' });
    expect(w.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(w.open('http://example.com/')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://www.lapor.go.id/']]);
  });

  it('denies every permission request and check', () => {
    let request: ((...args: unknown[]) => void) | null = null;
    let check: ((...args: unknown[]) => boolean) | null = null;
    const session = {
      setPermissionRequestHandler: (h: typeof request) => void (request = h),
      setPermissionCheckHandler: (h: typeof check) => void (check = h),
    };
    denyAllPermissions(session as unknown as Session);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      const callback = vi.fn();
      request!({}, permission, callback, { requestingUrl: 'app://tanggap/index.html' });
      expect(callback).toHaveBeenCalledWith(false);
      expect(check!({}, permission, 'app://tanggap', {})).toBe(false);
    }
  });

  it('lets only the paired server show notifications in client mode, and nothing more', () => {
    let request: ((...args: unknown[]) => void) | null = null;
    let check: ((...args: unknown[]) => boolean) | null = null;
    const session = {
      setPermissionRequestHandler: (h: typeof request) => void (request = h),
      setPermissionCheckHandler: (h: typeof check) => void (check = h),
    };
    denyAllPermissions(session as unknown as Session, 'https://192.168.1.10:8443');
    const asks = (permission: string, requestingUrl: string) => {
      const callback = vi.fn();
      request!({}, permission, callback, { requestingUrl });
      return callback.mock.calls[0]![0] as boolean;
    };
    expect(asks('notifications', 'https://192.168.1.10:8443/tugas')).toBe(true);
    expect(check!({}, 'notifications', 'https://192.168.1.10:8443', {})).toBe(true);
    expect(asks('notifications', 'https://192.168.1.10:84430/')).toBe(false);
    expect(asks('notifications', 'https://evil.example/')).toBe(false);
    expect(check!({}, 'notifications', 'https://192.168.1.10:84430', {})).toBe(false);
    expect(asks('media', 'https://192.168.1.10:8443/')).toBe(false);
    expect(check!({}, 'geolocation', 'https://192.168.1.10:8443', {})).toBe(false);
  });
});
