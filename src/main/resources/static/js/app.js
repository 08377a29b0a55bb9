// Enhancements every page shares. Pages work without this file; it adds the CSRF header to htmx
// requests and follows restock alerts live: a toast, the badge in the navigation, and a refresh
// of any list on the page that shows alerts.
(function () {
  'use strict';

  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute('content') : null;
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

  function follow() {
    var url = meta('alert-stream');
    if (!url || !window.EventSource) {
      return;
    }
    var source = new EventSource(url);
    source.addEventListener('hello', function (event) {
      setCount(JSON.parse(event.data).openAlerts);
      document.documentElement.setAttribute('data-alerts-live', 'true');
    });
    source.addEventListener('alert', function (event) {
      var alert = JSON.parse(event.data);
      setCount(alert.openAlerts);
      toast(alert);
      document.body.dispatchEvent(new CustomEvent('alerts-changed', { detail: alert }));
    });
    window.addEventListener('pagehide', function () { source.close(); });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', follow);
  } else {
    follow();
  }
}());
