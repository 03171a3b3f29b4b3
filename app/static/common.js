/* Shared helpers: CSRF-protected JSON calls and repeatable form rows. */
"use strict";
(function () {
  function csrf() {
    const meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.content : "";
  }

  async function call(url, options) {
    const response = await fetch(url, Object.assign({ credentials: "same-origin" }, options));
    let data = null;
    try { data = await response.json(); } catch (e) { data = null; }
    if (!response.ok) {
      const detail = data && data.detail ? data.detail : "Fejl " + response.status;
      throw new Error(typeof detail === "string" ? detail : JSON.stringify(detail));
    }
    return data;
  }

  function headers(extra) {
    return Object.assign({
      "X-CSRF-Token": csrf(), "X-Requested-With": "fetch", "Accept": "application/json",
    }, extra || {});
  }

  function postJson(url, body) {
    return call(url, {
      method: "POST", headers: headers({ "Content-Type": "application/json" }),
      body: JSON.stringify(body || {}),
    });
  }

  function addRow(button) {
    const kind = button.dataset.addRow;
    const container = document.querySelector('[data-rows="' + kind + '"]');
    const template = document.getElementById("row-" + kind);
    if (!container || !template) { return; }
    const n = container.querySelectorAll("[data-row]").length + 1;
    const html = template.innerHTML.split('_#"').join("_" + n + '"').split(">#<").join(">" + n + "<");
    container.insertAdjacentHTML("beforeend", html);
    const rows = container.querySelectorAll("[data-row]");
    const first = rows[rows.length - 1].querySelector("input, select");
    if (first) { first.focus(); }
  }

  document.addEventListener("click", function (event) {
    const button = event.target.closest("[data-add-row]");
    if (button) { addRow(button); }
  });

  window.Akt = { csrf: csrf, call: call, headers: headers, postJson: postJson };
})();
