/**
 * The console's only script, served as /assets/console.js: the pages work without it (links and forms),
 * and it adds three things. Copy buttons for ids. The live runs table: server-sent events carry each new or
 * changed run as a rendered row, inserted in time order and announced in the polite live region. Watches:
 * a page waiting for something (a queued replay, a requested acknowledgement) reloads when it happened.
 */
export const CONSOLE_SCRIPT = `
'use strict';
(function () {
  var status = document.getElementById('live-status');
  function announce(text) {
    if (!status) return;
    status.textContent = '';
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    try { document.execCommand('copy'); } finally { document.body.removeChild(area); }
    return Promise.resolve();
  }
  function enableCopyButtons(root) {
    root.querySelectorAll('button.copy[data-copy]').forEach(function (button) { button.hidden = false; });
  }
  document.addEventListener('click', function (event) {
    var button = event.target instanceof Element ? event.target.closest('button.copy[data-copy]') : null;
    if (!button) return;
    var text = button.getAttribute('data-copy') || '';
    copyText(text).then(function () {
      button.textContent = 'Copied';
      announce('Copied ' + text);
      window.setTimeout(function () { button.textContent = 'Copy'; }, 2000);
    }, function () { announce('Could not copy: select the id and copy it by hand'); });
  });
  enableCopyButtons(document);

  var table = document.querySelector('table[data-live]');
  if (table && window.EventSource) {
    var body = table.tBodies[0];
    var source = new EventSource(table.getAttribute('data-live'));
    source.addEventListener('run', function (message) {
      var update = JSON.parse(message.data);
      var shown = Array.prototype.find.call(body.rows, function (r) { return r.getAttribute('data-run-id') === update.runId; });
      if (shown && shown.getAttribute('data-state') === update.state) return;
      var template = document.createElement('template');
      template.innerHTML = update.html.trim();
      var row = template.content.firstElementChild;
      if (!row) return;
      enableCopyButtons(row);
      var empty = body.querySelector('tr[data-empty]');
      if (empty) empty.remove();
      var existing = Array.prototype.find.call(body.rows, function (r) { return r.getAttribute('data-run-id') === update.runId; });
      if (existing) {
        existing.replaceWith(row);
      } else {
        var before = Array.prototype.find.call(body.rows, function (r) { return (r.getAttribute('data-started') || '') < update.startedAt; });
        body.insertBefore(row, before || null);
      }
      row.classList.add('fresh');
      announce((existing ? 'Run updated: ' : 'New run: ') + update.summary);
    });
  }

  document.querySelectorAll('[data-watch]').forEach(function (element) {
    if (!window.EventSource) return;
    var watch = new EventSource(element.getAttribute('data-watch'));
    watch.addEventListener('changed', function () {
      watch.close();
      window.location.reload();
    });
  });
})();
`;
