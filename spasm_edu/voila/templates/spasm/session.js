/* The patient session's page script (inlined by index.html.j2; no network, no libraries).

   1. When the session's kernel is gone (shut down, restarted, or the server stopped), the page
      would still look alive while nothing responds. Say so in plain words instead, with a
      Reload button. Signs watched: the kernel connection's status and connection status
      (Voila's widget manager: window.jupyterapp.widgetManager.kernel), and a check of the
      server's /api/kernels/<id> every POLL_MS and whenever the connection drops.
   2. Number boxes (.spasm-number): ArrowUp / ArrowDown press + / -, and a tablet shows a
      number keyboard (inputmode).
   3. Once a step is on screen, the session's hidden "prepare the next step" button (class
      spasm-prefetch-due, set by the kernel: PatientSession.prefetch) is clicked, so the next
      step is built while the patient reads this one and Next only has to show it.
*/
(function () {
  "use strict";
  var POLL_MS = 10000;
  var TITLE = "The session has stopped.";
  var WORDS = "Press Reload to start again. Your answers on this page are gone.";
  var shown = false;
  var unloading = false;
  var config = {};
  try {
    config = JSON.parse(document.getElementById("jupyter-config-data").textContent);
  } catch (e) {
    config = {};
  }
  var baseUrl = config.baseUrl || "/";
  var kernelId = config.kernelId || "";

  window.addEventListener("beforeunload", function () { unloading = true; }, true);

  function showStopped(why) {
    if (shown || unloading) { return; }
    shown = true;
    document.body.setAttribute("data-spasm-stopped", why);
    var box = document.createElement("div");
    box.className = "spasm-stopped";
    box.setAttribute("role", "alertdialog");
    box.setAttribute("aria-modal", "true");
    box.setAttribute("aria-labelledby", "spasm-stopped-title");
    box.setAttribute("aria-describedby", "spasm-stopped-words");
    box.innerHTML =
      '<div class="spasm-stopped-card">' +
      '<h2 id="spasm-stopped-title"></h2><p id="spasm-stopped-words"></p>' +
      '<button type="button" class="spasm-stopped-reload">Reload</button></div>';
    box.querySelector("h2").textContent = TITLE;
    box.querySelector("p").textContent = WORDS;
    var button = box.querySelector("button");
    button.addEventListener("click", function () { window.location.reload(); });
    var style = document.createElement("style");
    style.textContent =
      ".spasm-stopped {position: fixed; inset: 0; z-index: 100000; display: flex;" +
      " align-items: center; justify-content: center; background: rgba(0, 0, 0, 0.6);}" +
      ".spasm-stopped-card {background: #fff; color: #000; border: 4px solid #000;" +
      " border-radius: 10px; padding: 24px 32px; max-width: 34em; font-size: 24px;" +
      " line-height: 1.5; font-family: Verdana, Arial, sans-serif;}" +
      ".spasm-stopped-card h2 {font-size: 1.3em; margin: 0 0 0.4em;}" +
      ".spasm-stopped-reload {font-size: 24px; font-weight: bold; padding: 10px 28px;" +
      " min-height: 48px; background: #0072B2; color: #fff; border: 0; border-radius: 6px;" +
      " cursor: pointer;}" +
      ".spasm-stopped-reload:focus {outline: 4px solid #000; outline-offset: 2px;" +
      " box-shadow: 0 0 0 8px #F0E442;}";
    document.head.appendChild(style);
    document.body.appendChild(box);
    // everything behind the message is out of reach for the keyboard and screen readers
    Array.prototype.forEach.call(document.body.children, function (el) {
      if (el !== box && el.tagName !== "SCRIPT" && el.tagName !== "STYLE") {
        el.setAttribute("aria-hidden", "true");
        el.inert = true;
      }
    });
    button.focus();
  }

  /* Ask the server whether our kernel still exists: 404 (gone) or no answer (server stopped)
     means the session has stopped. */
  function check(why) {
    if (shown || unloading || !kernelId) { return; }
    fetch(baseUrl + "api/kernels/" + encodeURIComponent(kernelId),
          {cache: "no-store", credentials: "same-origin"})
      .then(function (r) { if (r.status === 404) { showStopped(why + ": kernel gone"); } })
      .catch(function () { showStopped(why + ": server gone"); });
  }

  function watchKernel() {
    var app = window.jupyterapp;
    var kernel = app && app.widgetManager && app.widgetManager.kernel;
    if (!kernel) { window.setTimeout(watchKernel, 500); return; }
    kernel.statusChanged.connect(function (_k, status) {
      // a restarted kernel has lost every widget of this page: nothing would respond
      if (status === "restarting" || status === "autorestarting" || status === "terminating") {
        showStopped("kernel " + status);
      } else if (status === "dead") {
        check("kernel dead");
      }
    });
    kernel.connectionStatusChanged.connect(function (_k, status) {
      if (status === "disconnected") {
        showStopped("disconnected");
      } else if (status === "connecting") {
        check("reconnecting");
      }
    });
    document.body.setAttribute("data-spasm-watching", "kernel");
  }

  watchKernel();
  window.setInterval(function () { check("poll"); }, POLL_MS);

  /* Number boxes: arrow keys step them, tablets get a number keyboard. */
  document.addEventListener("keydown", function (e) {
    if (e.key !== "ArrowUp" && e.key !== "ArrowDown") { return; }
    var box = e.target && e.target.closest && e.target.closest(".spasm-number");
    if (!box || e.target.tagName !== "INPUT") { return; }
    var buttons = box.querySelectorAll("button");
    var button = buttons[e.key === "ArrowUp" ? 1 : 0];
    if (button) { e.preventDefault(); button.click(); }
  }, true);

  function numberKeyboards() {
    document.querySelectorAll(".spasm-number input:not([inputmode])").forEach(function (el) {
      var whole = el.closest(".spasm-number-whole");
      el.setAttribute("inputmode", whole ? "numeric" : "decimal");
      el.setAttribute("autocomplete", "off");
    });
  }
  var PREFETCH_AFTER_MS = 150;  // after the step's first frame: let it paint, then build
  var prefetchTimer = null;
  function prefetch() {
    var due = document.querySelector("button.spasm-prefetch-due");
    if (!due || prefetchTimer !== null) { return; }
    prefetchTimer = window.setTimeout(function () {
      prefetchTimer = null;
      var now = document.querySelector("button.spasm-prefetch-due");
      if (now && !now.disabled) {
        now.classList.remove("spasm-prefetch-due");  // the kernel removes it too
        now.click();
      }
    }, PREFETCH_AFTER_MS);
  }
  var pending = false;
  new MutationObserver(function () {
    if (pending) { return; }
    pending = true;
    window.requestAnimationFrame(function () { pending = false; numberKeyboards(); prefetch(); });
  }).observe(document.body,
             {childList: true, subtree: true, attributes: true, attributeFilter: ["class"]});
})();
