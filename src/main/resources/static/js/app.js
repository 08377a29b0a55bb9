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

  // Barcode scanners type the code and press Enter. A field marked data-scan takes that Enter
  // itself (the form around it is not submitted), looks the code up and adds the product to what
  // the page is doing: a line of the sale, a line of the purchase order being received, the units
  // received of this product, or the count of its row in a stocktake.
  function scanStatus(field, text) {
    var status = document.getElementById(field.getAttribute('aria-describedby'));
    if (status) {
      status.textContent = text;
    }
  }

  function plusOne(input) {
    var n = parseInt(input.value, 10);
    input.value = String((isNaN(n) ? 0 : n) + 1);
    return input.value;
  }

  // A code that is not a plain path segment (a slash, a percent sign, a backslash, dots) is refused
  // by the server before it reaches the lookup when it travels in the address's path; the product
  // search, which matches a whole barcode exactly, finds such a product instead.
  function lookUp(code) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._~-]*$/.test(code)) {
      return searchBarcode(code);
    }
    return fetch(meta('barcode-lookup') + encodeURIComponent(code), {
      headers: { Accept: 'application/json' }, credentials: 'same-origin'
    }).then(function (response) {
      if (response.status === 404) {
        throw new Error('No product has the barcode ' + code + '.');
      }
      if (!response.ok) {
        throw new Error('The barcode ' + code + ' could not be looked up (' + response.status + '). Try again.');
      }
      return response.json();
    });
  }

  function searchBarcode(code) {
    var products = meta('barcode-lookup').replace(/by-barcode\/$/, '');
    return fetch(products.replace(/\/$/, '') + '?q=' + encodeURIComponent(code), {
      headers: { Accept: 'application/json' }, credentials: 'same-origin'
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('The barcode ' + code + ' could not be looked up (' + response.status + '). Try again.');
      }
      return response.json();
    }).then(function (page) {
      var product = (page.items || []).find(function (p) { return p.barcode === code; });
      if (!product) {
        throw new Error('No product has the barcode ' + code + '.');
      }
      return product;
    });
  }

  function saleLine(form, product) {
    var rows = Array.prototype.slice.call(form.querySelectorAll('tr.sale-line'));
    var sku = product.sku.toLowerCase();
    var row = rows.find(function (r) { return r.querySelector('input[name="sku"]').value.trim().toLowerCase() === sku; });
    if (!row) {
      row = rows.find(function (r) {
        return !r.querySelector('input[name="sku"]').value.trim() && !r.querySelector('input[name="quantity"]').value.trim();
      });
    }
    if (!row) {
      var last = rows[rows.length - 1];
      var index = rows.length;
      row = last.cloneNode(true);
      row.classList.remove('has-error');
      row.querySelectorAll('.field-error').forEach(function (p) { p.remove(); });
      row.querySelectorAll('input').forEach(function (input) {
        var name = input.getAttribute('name');
        input.value = '';
        input.id = name + '-' + index;
        input.removeAttribute('aria-invalid');
        input.removeAttribute('aria-describedby');
      });
      row.querySelectorAll('label').forEach(function (label) {
        var name = label.getAttribute('for').replace(/-\d+$/, '');
        label.setAttribute('for', name + '-' + index);
        label.textContent = (name === 'sku' ? 'Product' : 'Quantity') + ' of line ' + (index + 1);
      });
      last.parentNode.appendChild(row);
      if (window.htmx) {
        window.htmx.process(row);
      }
    }
    row.querySelector('input[name="sku"]').value = product.sku;
    var units = plusOne(row.querySelector('input[name="quantity"]'));
    if (window.htmx) {
      window.htmx.trigger(form, 'scanned');
    }
    return 'Added ' + product.name + ' (' + product.sku + '): ' + units + ' on the sale.';
  }

  function orderLine(field, product) {
    var lines = Array.prototype.slice.call(document.querySelectorAll('#receive-form input[data-sku]'));
    var line = lines.find(function (input) { return input.getAttribute('data-sku') === product.sku; });
    if (!line) {
      return product.name + ' (' + product.sku + ') is not on this order.';
    }
    if (!field.hasAttribute('data-started')) {
      // Scanning counts what arrived: lines not scanned arrived 0, not what was still open.
      lines.forEach(function (input) { input.value = '0'; });
      field.setAttribute('data-started', '');
    }
    return product.sku + ': ' + plusOne(line) + ' arrived now.';
  }

  function receiveHere(field, product) {
    if (product.sku !== field.getAttribute('data-sku')) {
      return 'That is ' + product.name + ' (' + product.sku + '), not this product.';
    }
    return product.sku + ': ' + plusOne(document.getElementById('quantity')) + ' to receive.';
  }

  var rowsLoading = {};

  function countRow(product) {
    var row = document.getElementById('row-' + product.sku);
    if (row) {
      return Promise.resolve(row);
    }
    var body = document.querySelector('table.products tbody');
    if (!body) {
      return Promise.reject(new Error(product.sku + ' is not in this list: clear the search to count it.'));
    }
    if (!rowsLoading[product.sku]) {
      rowsLoading[product.sku] = fetch(meta('product-row') + encodeURIComponent(product.sku) + '/row', {
        credentials: 'same-origin'
      }).then(function (response) {
        if (!response.ok) {
          throw new Error(product.sku + ' could not be loaded (' + response.status + ').');
        }
        return response.text();
      }).then(function (html) {
        var template = document.createElement('template');
        template.innerHTML = html.trim();
        var added = template.content.querySelector('tr');
        body.insertBefore(added, body.firstChild);
        if (window.htmx) {
          window.htmx.process(added);
        }
        return added;
      }).finally(function () { delete rowsLoading[product.sku]; });
    }
    return rowsLoading[product.sku];
  }

  function counted(product) {
    return countRow(product).then(function (row) {
      var input = document.getElementById('count-' + product.sku);
      if (!input) {
        return product.sku + ' is archived; restore it to count it.';
      }
      row.hidden = false;
      if (!input.hasAttribute('data-scanned')) {
        // A stocktake counts the shelf from nothing: the first scan is one unit, not stock + 1.
        input.value = '0';
        input.setAttribute('data-scanned', '');
      }
      return product.sku + ': ' + plusOne(input) + ' counted. Press Count on its row to save.';
    });
  }

  document.addEventListener('keydown', function (event) {
    var field = event.target;
    if (event.key !== 'Enter' || !field.matches || !field.matches('input[data-scan]')) {
      return;
    }
    event.preventDefault();
    var code = field.value.trim();
    field.value = '';
    if (!code) {
      return;
    }
    var mode = field.getAttribute('data-scan');
    lookUp(code).then(function (product) {
      if (mode === 'sale') {
        return saleLine(field.form, product);
      }
      if (mode === 'order') {
        return orderLine(field, product);
      }
      if (mode === 'receive') {
        return receiveHere(field, product);
      }
      return counted(product);
    }).then(function (text) {
      scanStatus(field, text);
    }, function (error) {
      scanStatus(field, error.message);
    });
  });

  // The product list: ticks for the bulk edit, and variant groups folded into one row.
  function tickedCount() {
    var count = document.getElementById('selected-count');
    if (count) {
      var n = document.querySelectorAll('input[name="sku"][form="bulk-form"]:checked').length;
      count.textContent = n + (n === 1 ? ' product ticked' : ' products ticked');
    }
  }

  function groupRows(groupRow) {
    var rows = [];
    var group = groupRow.getAttribute('data-group');
    for (var next = groupRow.nextElementSibling; next && next.classList.contains('variant')
        && next.getAttribute('data-group') === group; next = next.nextElementSibling) {
      rows.push(next);
    }
    return rows;
  }

  function fold(button, open) {
    var groupRow = button.closest('tr');
    button.setAttribute('aria-expanded', String(open));
    groupRows(groupRow).forEach(function (row) { row.hidden = !open; });
  }

  function foldGroups(root) {
    root.querySelectorAll('tr.group-row button.toggle:not([data-folded])').forEach(function (button) {
      button.setAttribute('data-folded', '');
      fold(button, false);
    });
    tickedCount();
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('tr.group-row button.toggle');
    if (button) {
      fold(button, button.getAttribute('aria-expanded') !== 'true');
    }
  });

  document.addEventListener('change', function (event) {
    var box = event.target;
    if (!box.matches || box.type !== 'checkbox') {
      return;
    }
    if (box.id === 'select-page') {
      document.querySelectorAll('input[name="sku"][form="bulk-form"], input.select-group').forEach(function (b) {
        b.checked = box.checked;
      });
    } else if (box.classList.contains('select-group')) {
      groupRows(box.closest('tr')).forEach(function (row) {
        var pick = row.querySelector('input[name="sku"]');
        if (pick) {
          pick.checked = box.checked;
        }
      });
    } else if (box.getAttribute('form') !== 'bulk-form') {
      return;
    }
    var selected = document.getElementById('scope-selected');
    if (selected && box.checked) {
      selected.checked = true;
    }
    tickedCount();
  });

  document.addEventListener('htmx:afterSettle', function () { foldGroups(document); });

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

  function ready() {
    foldGroups(document);
    follow();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', ready);
  } else {
    ready();
  }
}());
