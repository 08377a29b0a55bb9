// Enhancements every page shares. Pages work without this file; it adds the CSRF header to htmx
// requests, opens and closes the navigation on phones, and follows restock alerts live (one
// stream shared by every tab): a toast, the badge in the navigation, and a refresh of any part of
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
  // host, so a stream per tab would freeze the seventh tab. The tab holding the Web Lock leads: it
  // alone opens the stream and relays each event to the other tabs over a BroadcastChannel. A tab
  // hidden for a minute hands the stream over to a visible tab waiting for it, and a hidden tab
  // never asks to lead, so the stream lives in a tab someone is looking at when there is one. The
  // grace minute spares the gap of a hand-over (events in it are lost, the count is not) to someone
  // who only glanced at another tab.
  var HAND_OVER_AFTER_MS = 60000;
  var LOCK = 'stockroom-alert-stream';
  var channel = null;
  var leading = null;
  var waiting = false;
  var lastCount = null;
  var hiddenSince = null;

  function live(count) {
    lastCount = count;
    setCount(count);
    document.documentElement.setAttribute('data-alerts-live', 'true');
  }

  function received(message) {
    if (message.kind === 'hello') {
      var changed = lastCount !== null && lastCount !== message.openAlerts;
      live(message.openAlerts);
      if (changed) {
        // Alerts changed while no tab was listening (a hand-over): refresh what shows them.
        document.body.dispatchEvent(new CustomEvent('alerts-changed', { detail: null }));
      }
    } else if (message.kind === 'alert') {
      live(message.alert.openAlerts);
      toast(message.alert);
      document.body.dispatchEvent(new CustomEvent('alerts-changed', { detail: message.alert }));
    } else if (message.kind === 'ask' && leading && lastCount !== null) {
      channel.postMessage({ kind: 'hello', openAlerts: lastCount });
    }
  }

  function relay(message) {
    received(message);
    channel.postMessage(message);
  }

  function lead(url) {
    if (waiting || leading || document.visibilityState === 'hidden') {
      return;
    }
    waiting = true;
    navigator.locks.request(LOCK, function () {
      waiting = false;
      return new Promise(function (release) {
        var source = new EventSource(url);
        source.addEventListener('hello', function (event) {
          relay({ kind: 'hello', openAlerts: JSON.parse(event.data).openAlerts });
        });
        source.addEventListener('alert', function (event) {
          relay({ kind: 'alert', alert: JSON.parse(event.data) });
        });
        source.addEventListener('error', function () {
          // A stream the browser gave up on (refused, or answered with a page): let another tab,
          // or this one a little later, open it again.
          if (source.readyState === EventSource.CLOSED && leading) {
            leading();
            setTimeout(function () { lead(url); }, 3000);
          }
        });
        leading = function () {
          leading = null;
          source.close();
          release();
        };
      });
    });
  }

  function handOverIfHidden() {
    if (!leading || hiddenSince === null || Date.now() - hiddenSince < HAND_OVER_AFTER_MS) {
      return;
    }
    navigator.locks.query().then(function (state) {
      var others = (state.pending || []).some(function (p) { return p.name === LOCK; });
      if (others && leading && hiddenSince !== null) {
        leading();
      }
    });
  }

  function follow() {
    var url = meta('alert-stream');
    if (!url || !window.EventSource) {
      return;
    }
    if (!window.BroadcastChannel || !navigator.locks) {
      // Too old to share: this tab follows on its own, as before.
      var own = new EventSource(url);
      own.addEventListener('hello', function (event) { live(JSON.parse(event.data).openAlerts); });
      own.addEventListener('alert', function (event) {
        received({ kind: 'alert', alert: JSON.parse(event.data) });
      });
      window.addEventListener('pagehide', function () { own.close(); });
      return;
    }
    channel = new BroadcastChannel('stockroom-alerts');
    channel.onmessage = function (event) { received(event.data); };
    lead(url);
    // Ask whoever leads for the count; again until someone answers, as a leader may be starting.
    (function ask(tries) {
      if (lastCount === null && tries > 0) {
        channel.postMessage({ kind: 'ask' });
        setTimeout(function () { ask(tries - 1); }, 1000);
      }
    }(30));
    hiddenSince = document.visibilityState === 'hidden' ? Date.now() : null;
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'hidden') {
        hiddenSince = Date.now();
      } else {
        hiddenSince = null;
        lead(url);
      }
    });
    setInterval(handOverIfHidden, 5000);
    window.addEventListener('pagehide', function () {
      if (leading) {
        leading();
      }
      channel.close();
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', follow);
  } else {
    follow();
  }
}());
