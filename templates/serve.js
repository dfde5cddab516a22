(function () {
  "use strict";
  var form = document.getElementById("envoi");
  if (!form) {
    return;
  }
  var report = document.getElementById("rapport");
  var annexes = form.querySelectorAll('input[name="annexe"]');
  var details = form.querySelector("details");
  var state = document.getElementById("etat");
  var button = document.getElementById("verifier");
  var chosen = document.getElementById("choisi");
  var maxBytes = Number(form.dataset.maxBytes);

  function show(text, bad) {
    state.textContent = text;
    state.className = bad ? "bad" : "";
  }

  function put(input, file) {
    var transfer = new DataTransfer();
    transfer.items.add(file);
    input.files = transfer.files;
  }

  function megabytes(bytes) {
    var text = (bytes / 1048576).toFixed(1).replace(".", form.dataset.decimal || ",");
    return text + " " + (form.dataset.megabytes || "Mo");
  }

  function refresh() {
    var file = report.files.length ? report.files[0] : null;
    chosen.textContent = file ? file.name + " (" + megabytes(file.size) + ")" : "";
    show("", false);
  }

  // The whole page takes a dropped file: the first is the report, the next ones the annexes.
  ["dragenter", "dragover"].forEach(function (type) {
    window.addEventListener(type, function (event) {
      event.preventDefault();
      document.body.classList.add("dragging");
    });
  });
  window.addEventListener("dragleave", function (event) {
    if (!event.relatedTarget) {
      document.body.classList.remove("dragging");
    }
  });
  window.addEventListener("drop", function (event) {
    event.preventDefault();
    document.body.classList.remove("dragging");
    var files = Array.prototype.slice.call(event.dataTransfer ? event.dataTransfer.files : []);
    if (!files.length) {
      return;
    }
    put(report, files[0]);
    files.slice(1, 1 + annexes.length).forEach(function (file, i) {
      put(annexes[i], file);
    });
    if (files.length > 1) {
      details.open = true;
    }
    refresh();
  });
  report.addEventListener("change", refresh);

  form.addEventListener("submit", function (event) {
    var total = 0;
    form.querySelectorAll('input[type="file"]').forEach(function (input) {
      if (input.files.length) {
        total += input.files[0].size;
      }
    });
    if (total > maxBytes) {
      event.preventDefault();
      show(form.dataset.tooBig, true);
      return;
    }
    show(form.dataset.wait, false);
    button.disabled = true;
  });
  // Back from a report (the page comes out of the browser's cache): the button works again.
  window.addEventListener("pageshow", function () {
    button.disabled = false;
  });
})();
