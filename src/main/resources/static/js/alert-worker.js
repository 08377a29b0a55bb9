// One live alert stream for every tab of the store: a SharedWorker that holds the one
// EventSource and hands each event to every tab connected to it (see app.js). Browsers allow six
// HTTP/1.1 connections per host, so a stream per tab would freeze the seventh tab.
'use strict';

var ports = [];
var source = null;
var hello = null;

function broadcast(message) {
  ports.forEach(function (port) { port.postMessage(message); });
}

function open(url) {
  if (source) {
    return;
  }
  source = new EventSource(url);
  source.addEventListener('hello', function (event) {
    hello = { kind: 'hello', openAlerts: JSON.parse(event.data).openAlerts };
    broadcast(hello);
  });
  source.addEventListener('alert', function (event) {
    var alert = JSON.parse(event.data);
    hello = { kind: 'hello', openAlerts: alert.openAlerts };
    broadcast({ kind: 'alert', alert: alert });
  });
}

self.onconnect = function (event) {
  var port = event.ports[0];
  ports.push(port);
  port.onmessage = function (message) {
    if (message.data && message.data.stream) {
      open(message.data.stream);
      if (hello) {
        port.postMessage(hello);
      }
    } else if (message.data === 'bye') {
      ports = ports.filter(function (p) { return p !== port; });
      if (ports.length === 0 && source) {
        // The last tab went: no one to tell. The next tab opens the stream again.
        source.close();
        source = null;
        hello = null;
      }
    }
  };
  port.start();
};
