// Refreshes the delivery counts on a published alert's staff page every two seconds while
// deliveries are pending. Without JavaScript the page shows the counts as they were when loaded.
(function () {
  var table = document.getElementById('delivery-progress');
  if (!table || !window.fetch) {
    return;
  }
  var url = table.getAttribute('data-progress-url');
  function pending() {
    var total = 0;
    table.querySelectorAll('[data-count=pending]').forEach(function (cell) { total += parseInt(cell.textContent, 10) || 0; });
    return total;
  }
  function refresh() {
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (progress) {
        if (!progress) {
          return;
        }
        Object.keys(progress).forEach(function (channel) {
          var row = table.querySelector('tr[data-channel="' + channel + '"]');
          if (!row) {
            return;
          }
          ['sent', 'pending', 'failed'].forEach(function (count) {
            var cell = row.querySelector('[data-count=' + count + ']');
            if (cell && cell.textContent !== String(progress[channel][count])) {
              cell.textContent = progress[channel][count];
            }
          });
        });
        if (pending() > 0) {
          setTimeout(refresh, 2000);
        }
      })
      .catch(function () { setTimeout(refresh, 5000); });
  }
  if (pending() > 0) {
    setTimeout(refresh, 2000);
  }
})();
