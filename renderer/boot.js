// The first screen's reads, sent while the page is still being parsed, before the app's
// code arrives: the answers (or the failures) wait in window.tanggapBoot for
// renderer/lib/boot.ts, which turns them into the app's own results. The request is the
// one renderer/api.ts makes. In the desktop app the core is asked over IPC instead.
/* global window */
(function () {
  if (window.tanggap) return;
  var read = function (name) {
    var answer = fetch('/api/' + name, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tanggap': '1' },
      credentials: 'same-origin',
      body: '{}',
    }).then(function (response) {
      return response.json();
    });
    // Taken up (and any failure reported) by the app; not an unhandled rejection meanwhile.
    answer.catch(function () {});
    return answer;
  };
  window.tanggapBoot = {
    'setup.status': read('setup.status'),
    'auth.me': read('auth.me'),
    'office.get': read('office.get'),
    'calendar.get': read('calendar.get'),
  };
})();
