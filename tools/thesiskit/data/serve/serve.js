/* thesis serve: the preview's own part in the browser (the engine's live reload does the rest).
   Polls _thesiskit/status.json, which the kit rewrites after every edit: shows the sources' errors
   (file:line: message) over the last good page, removes them once fixed, and tells the PDF viewer
   (pdf.html) when a new PDF is served. Links to the PDF open that viewer. */
(function () {
  "use strict";
  var base = document.currentScript.src.replace(/serve\.js([?#].*)?$/, "");
  var pdf = null;

  function overlay(status) {
    var box = document.getElementById("thesiskit-errors");
    if (!status.problems.length) {
      if (box) box.remove();
      return;
    }
    if (!box) {
      box = document.createElement("div");
      box.id = "thesiskit-errors";
      box.setAttribute("role", "alert");
      box.style.cssText =
        "position:fixed;left:0;right:0;bottom:0;z-index:100000;max-height:50vh;overflow:auto;" +
        "margin:0;padding:1em 1.5em;background:#fff0f0;color:#5a0000;border-top:4px solid #b00020;" +
        "font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,monospace;box-shadow:0 -2px 12px rgba(0,0,0,.25)";
      document.body.appendChild(box);
    }
    box.replaceChildren();
    var title = document.createElement("strong");
    title.textContent = status.title;
    box.appendChild(title);
    var list = document.createElement("ul");
    list.style.cssText = "margin:.5em 0 0;padding-left:1.2em";
    status.problems.forEach(function (p) {
      var item = document.createElement("li");
      item.textContent = (p.path ? p.path + (p.line ? ":" + p.line : "") + ": " : "") + p.message;
      list.appendChild(item);
    });
    box.appendChild(list);
  }

  function poll() {
    fetch(base + "status.json", { cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(function (status) {
        if (pdf !== null && status.pdf !== pdf) {
          document.dispatchEvent(new CustomEvent("thesiskit:pdf", { detail: status.pdf }));
        }
        pdf = status.pdf;
        overlay(status);
      })
      .catch(function () {})
      .then(function () { setTimeout(poll, 250); });
  }

  document.querySelectorAll('a[href$="thesis.pdf"]').forEach(function (a) {
    a.href = base + "pdf.html";
  });
  poll();
})();
