// The first screen's reads, sent while the page is still being parsed, before the app's
// code arrives: the answers (or the failures) wait in window.tanggapBoot for
// renderer/lib/boot.ts, which turns them into the app's own results. Each is asked as
// renderer/api.ts asks: over IPC in the desktop app (its preload's window.tanggap), else
// over HTTP; either way the answer is the call's result ({ ok, value } or { ok, error }).
/* global window, document, location */
(function () {
  var desktop = window.tanggap;
  var read = function (name, body) {
    var answer = desktop
      ? desktop.invoke(name, JSON.parse(body || '{}'), false)
      : fetch('/api/' + name, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-tanggap': '1' },
          credentials: 'same-origin',
          body: body || '{}',
        }).then(function (response) {
          return response.json();
        });
    // Taken up (and any failure reported) by the app; not an unhandled rejection meanwhile.
    answer.catch(function () {});
    return answer;
  };
  // Those the register's early screen waits for first (renderer/earlyScreen.ts): a server
  // just started answers them one after another.
  var me = read('auth.me');
  var office = read('office.get');

  // The register's first page as it opens without filters, order or search
  // (renderer/components/register/query.ts: toQuery of readFilters with nothing set),
  // asked for next, before the app's other first reads. Taken up only by the register's first list, and only
  // when it succeeded (renderer/lib/boot.ts): a refusal (no session, a role that does not
  // see the register) is dropped and the app asks again as usual.
  // Nor in a tab that has shown the SKM kiosk (renderer/lib/kioskTab.ts): a session another
  // tab signed in must not draw the register there before the app asks for a password.
  var searched;
  var kiosk;
  try {
    searched = sessionStorage.getItem('tanggap:register-cari');
    kiosk = sessionStorage.getItem('tanggap:kios');
  } catch {
    // Storage disabled: nothing can have been searched for, nor a kiosk shown.
  }
  if (location.pathname === '/register' && !location.search && !searched && !kiosk) {
    var body = JSON.stringify({ sort: 'registerNo', dir: 'desc', offset: 0, limit: 50 });
    window.tanggapAhead = [{ name: 'complaints.list', body: body, answer: read('complaints.list', body) }];
  }

  window.tanggapBoot = {
    'auth.me': me,
    'office.get': office,
    'setup.status': read('setup.status'),
    'calendar.get': read('calendar.get'),
  };

  // As the app's own loader asks for them (vite's preload), so the browser reuses these.
  var preload = function (file) {
    var link = document.createElement('link');
    if (/\.css$/.test(file)) {
      link.rel = 'preload';
      link.as = 'style';
    } else {
      link.rel = 'modulepreload';
    }
    link.crossOrigin = '';
    link.href = '/' + file;
    document.head.appendChild(link);
  };
  // The page this address opens for a signed-in user, with the files it imports (filled
  // in by the build, renderer/vite.config.ts): fetched now, beside the app's own code,
  // rather than once that code has run and learnt who is signed in. A user who may not
  // see the page (or no one signed in) only fetched a file the browser keeps.
  var LANDING = /* landing files */ {};
  var files = LANDING[location.pathname] || [];
  for (var i = 0; i < files.length; i++) preload(files[i]);

  // The app's own code: its entry and the chunks it imports (filled in by the build, which
  // takes them out of index.html). Fetched here at once and started once the page is
  // parsed, unless the register's early screen (renderer/earlyScreen.ts) may be drawn: then
  // neither until that screen's frame is drawn, the early screen knows it draws nothing,
  // or EARLY_WAIT_MS have passed. Read from the cache and compiled beside it, the app's code held the early
  // screen's frame back by some 100 ms on a 2-core office PC, and its own first rows came
  // no sooner for starting first.
  var APP = /* app files */ null;
  var EARLY_WAIT_MS = 1500;
  var preloaded = false;
  var preloadApp = function () {
    if (preloaded || !APP) return;
    preloaded = true;
    preload(APP.entry);
    for (var i = 0; i < APP.imports.length; i++) preload(APP.imports[i]);
  };
  var started = false;
  var startApp = function () {
    if (started || !APP) return;
    preloadApp();
    // A module script added while the page is parsed would run as soon as it is in, maybe
    // before the app's root is: it is added once the page is parsed, as index.html's was.
    if (document.readyState === 'loading') return document.addEventListener('DOMContentLoaded', startApp);
    started = true;
    var script = document.createElement('script');
    script.type = 'module';
    script.crossOrigin = '';
    script.src = '/' + APP.entry;
    // Not one of the page's own scripts (renderer/lib/earlyScreen.ts tells releases apart by those).
    script.setAttribute('data-app', '');
    document.head.appendChild(script);
  };
  var saved = null;
  try {
    saved = window.tanggapAhead ? localStorage.getItem('tanggap.layarAwal') : null;
  } catch {
    // Storage disabled: no early screen either.
  }
  if (saved) {
    window.tanggapStartApp = startApp;
    setTimeout(startApp, EARLY_WAIT_MS);
  } else {
    startApp();
  }
})();
