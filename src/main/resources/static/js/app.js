// Enhancements every page shares. Pages work without this file; it adds the CSRF header to htmx
// requests, opens and closes the navigation on phones, and follows restock alerts live (one
// stream shared by every tab through a SharedWorker): a toast, the badge in the navigation, and a refresh of any part of
// the page that shows alerts.
(function () {
  'use strict';

  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute('content') : null;
  }

  document.documentElement.classList.add('js');

  // On a phone the navigation folds behind one button.
  document.addEventListener('click', function (event) {
    var toggle = event.target.closest && event.target.closest('.nav-toggle');
    if (!toggle) {
      return;
    }
    var open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    document.getElementById(toggle.getAttribute('aria-controls')).classList.toggle('open', open);
  });

  document.addEventListener('click', function (event) {
    if (event.target.closest && event.target.closest('[data-print]')) {
      window.print();
    }
  });

  // A field marked data-enter-clicks="#button" presses that button on Enter instead of the form's default.
  document.addEventListener('keydown', function (event) {
    var target = event.target;
    if (event.key !== 'Enter' || !target.getAttribute || !target.getAttribute('data-enter-clicks')) {
      return;
    }
    var button = document.querySelector(target.getAttribute('data-enter-clicks'));
    if (button) {
      event.preventDefault();
      button.click();
    }
  });

  // The sale's total, recomputed while the person types, says whether the sale can be recorded.
  document.addEventListener('htmx:afterSwap', function () {
    var summary = document.getElementById('sale-summary');
    if (!summary || !summary.closest('form')) {
      return;
    }
    var blocked = summary.getAttribute('data-sale-blocked') === 'true';
    summary.closest('form').querySelectorAll('button[value="record"]').forEach(function (button) {
      button.disabled = blocked;
    });
  });

  // An active hold shows the time it has left, counted down each second; the page itself says until when.
  function remaining(ms) {
    if (ms <= 0) {
      return 'expired';
    }
    var s = Math.floor(ms / 1000);
    var days = Math.floor(s / 86400);
    var two = function (n) { return (n < 10 ? '0' : '') + n; };
    var clock = two(Math.floor(s % 86400 / 3600)) + ':' + two(Math.floor(s % 3600 / 60)) + ':' + two(s % 60);
    return (days > 0 ? days + ' d ' : '') + clock + ' left';
  }

  function countDown() {
    var now = Date.now();
    document.querySelectorAll('[data-expires-at]').forEach(function (el) {
      el.textContent = remaining(Date.parse(el.getAttribute('data-expires-at')) - now);
    });
  }

  function startCountdowns() {
    if (document.querySelector('[data-expires-at]')) {
      countDown();
      window.setInterval(countDown, 1000);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', startCountdowns);
  } else {
    startCountdowns();
  }

  document.addEventListener('htmx:configRequest', function (event) {
    var token = meta('csrf-token');
    var header = meta('csrf-header');
    if (token && header) {
      event.detail.headers[header] = token;
    }
  });

  // A form marked data-swap-refusals gets its refused answer (the page with the messages beside
  // the fields) shown in place, as a browser without JavaScript would show it; htmx would drop it.
  document.addEventListener('htmx:beforeSwap', function (event) {
    var status = event.detail.xhr.status;
    var form = event.detail.requestConfig && event.detail.requestConfig.elt;
    if (form && form.hasAttribute('data-swap-refusals') && (status === 400 || status === 409 || status === 422)) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  function setCount(count) {
    var badge = document.getElementById('alert-count');
    if (!badge || typeof count !== 'number') {
      return;
    }
    badge.textContent = String(count);
    badge.classList.toggle('zero', count === 0);
  }

  function describe(alert) {
    var what = alert.name + ' (' + alert.sku + ')';
    if (alert.type === 'alert.resolved') {
      return 'Restocked: ' + what + ' has ' + alert.stock + ' in stock.';
    }
    if (alert.level === 'OUT') {
      return 'Out of stock: ' + what + '.';
    }
    return 'Low stock: ' + what + ' has ' + alert.stock + ' left (threshold ' + alert.reorderThreshold + ').';
  }

  function toast(alert) {
    var region = document.getElementById('toasts');
    if (!region) {
      return;
    }
    var box = document.createElement('div');
    box.className = 'toast' + (alert.type === 'alert.resolved' ? ' resolved' : alert.level === 'OUT' ? ' out' : '');
    var text = document.createElement('p');
    text.textContent = describe(alert) + ' ';
    var link = document.createElement('a');
    link.href = meta('alerts-page') || '/alerts';
    link.textContent = 'See alerts';
    text.appendChild(link);
    var close = document.createElement('button');
    close.type = 'button';
    close.setAttribute('aria-label', 'Dismiss');
    close.textContent = '×';
    close.addEventListener('click', function () { box.remove(); });
    box.appendChild(text);
    box.appendChild(close);
    region.appendChild(box);
    // Long enough to read; a toast with focus inside stays until it loses it.
    setTimeout(function dismiss() {
      if (box.contains(document.activeElement)) {
        setTimeout(dismiss, 3000);
      } else {
        box.remove();
      }
    }, 15000);
  }

  // One live connection for every tab of the store. Browsers allow six HTTP/1.1 connections per
  // host, so a stream per tab would freeze the seventh tab: a SharedWorker (js/alert-worker.js)
  // holds the one stream and passes each event to every tab. Where there is no SharedWorker (as in
  // Chrome on Android) each tab has its own stream, open only while the tab is visible.
  var lastCount = null;

  function received(message) {
    if (message.kind === 'hello') {
      var changed = lastCount !== null && lastCount !== message.openAlerts;
      live(message.openAlerts);
      if (changed) {
        // Alerts changed while this tab was not listening: refresh what shows them.
        document.body.dispatchEvent(new CustomEvent('alerts-changed', { detail: null }));
      }
    } else if (message.kind === 'alert') {
      live(message.alert.openAlerts);
      toast(message.alert);
      document.body.dispatchEvent(new CustomEvent('alerts-changed', { detail: message.alert }));
    }
  }

  function live(count) {
    lastCount = count;
    setCount(count);
    document.documentElement.setAttribute('data-alerts-live', 'true');
  }

  function ownStream(url) {
    var source = null;
    function connect() {
      if (source || document.visibilityState === 'hidden') {
        return;
      }
      source = new EventSource(url);
      source.addEventListener('hello', function (event) {
        received({ kind: 'hello', openAlerts: JSON.parse(event.data).openAlerts });
      });
      source.addEventListener('alert', function (event) {
        received({ kind: 'alert', alert: JSON.parse(event.data) });
      });
    }
    function disconnect() {
      if (source) {
        source.close();
        source = null;
      }
    }
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'hidden') {
        disconnect();
      } else {
        connect();
      }
    });
    window.addEventListener('pagehide', disconnect);
    connect();
  }

  function follow() {
    var url = meta('alert-stream');
    var worker = meta('alert-worker');
    if (!url || !window.EventSource) {
      return;
    }
    if (!window.SharedWorker || !worker) {
      ownStream(url);
      return;
    }
    var shared;
    try {
      shared = new SharedWorker(worker, { name: 'stockroom-alerts' });
    } catch (e) {
      ownStream(url);
      return;
    }
    shared.port.onmessage = function (event) { received(event.data); };
    shared.port.start();
    shared.port.postMessage({ stream: new URL(url, document.baseURI).href });
    window.addEventListener('pagehide', function () { shared.port.postMessage('bye'); });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', follow);
  } else {
    follow();
  }
}());
