/* Dokumentgennemsyn: boxes over page images, accept/reject, draw, undo/redo, shortcuts. */
"use strict";
(function () {
  const root = document.querySelector("[data-review]");
  if (!root) { return; }
  const $ = function (sel) { return root.querySelector(sel); };
  let data = JSON.parse(document.getElementById("review-data").textContent);
  const docId = data.document.id;
  const base = "/dokumenter/" + docId + "/gennemsyn";
  const editable = root.dataset.editable === "true";
  const original = data.original;
  let page = data.page || 1;
  let selected = null;
  let drawing = false;
  let version = 0;
  const image = $("[data-page-image]");
  const overlay = $("[data-overlay]");
  const view = $("[data-page-view]");
  const rect = $("[data-draw-rect]");
  const status = $("[data-status]");

  function say(text) { status.textContent = text; }
  function allBoxes() { return data.boxes.concat(data.manual); }
  function pageBoxes() { return allBoxes().filter(function (b) { return b.page === page; }); }
  function pageInfo() { return data.pages[page - 1] || { width: 595, height: 842 }; }
  function describe(box) {
    const who = box.kind === "manual" ? "Manuelt felt" : box.category_label + (box.person ? ", " + box.person_label : "");
    const state = box.kind === "manual" ? "tilføjet" : (box.accepted ? "godkendt" : "afvist");
    return who + ", " + box.legal_basis + (box.text ? ", «" + box.text + "»" : "") + " – " + state;
  }

  function loadImage() {
    const query = original ? "?original=1" : "?v=" + version;
    image.src = "/dokumenter/" + docId + "/sider/" + page + ".png" + query;
    image.alt = "Side " + page + " af " + data.pages.length + (original ? " (original)" : " (udleveringsudgave med godkendte felter sværtet)");
  }

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function button(label, handler, extra) {
    const b = el("button", "", label);
    b.type = "button";
    if (extra) { const s = el("span", "visually-hidden", " " + extra); b.appendChild(s); }
    b.addEventListener("click", handler);
    if (!editable) { b.disabled = true; }
    return b;
  }

  function renderOverlay() {
    overlay.innerHTML = "";
    const info = pageInfo();
    pageBoxes().forEach(function (box) {
      const b = el("button", "box g-" + box.group + (box.accepted ? "" : " rejected") + (selected === box.id ? " selected" : ""));
      b.type = "button";
      b.dataset.boxId = box.id;
      b.style.left = (box.bbox[0] / info.width) * 100 + "%";
      b.style.top = (box.bbox[1] / info.height) * 100 + "%";
      b.style.width = ((box.bbox[2] - box.bbox[0]) / info.width) * 100 + "%";
      b.style.height = ((box.bbox[3] - box.bbox[1]) / info.height) * 100 + "%";
      b.setAttribute("aria-label", describe(box));
      b.setAttribute("aria-pressed", selected === box.id ? "true" : "false");
      b.appendChild(el("span", "box-label", box.legal_basis));
      b.addEventListener("click", function (e) { if (!drawing) { e.stopPropagation(); select(box.id); } });
      overlay.appendChild(b);
    });
  }

  function renderPageList() {
    const list = $("[data-page-boxes]");
    list.innerHTML = "";
    const boxes = pageBoxes();
    if (!boxes.length) { list.appendChild(el("li", "", "Ingen felter på denne side.")); }
    boxes.forEach(function (box) {
      const li = el("li", "g-" + box.group + (selected === box.id ? " selected" : ""));
      li.dataset.boxId = box.id;
      li.appendChild(el("span", "item-title", box.kind === "manual" ? "Manuelt felt" : box.category_label + (box.person ? " – " + box.person_label : "")));
      const meta = el("span", "item-meta", box.legal_basis + (box.text ? " · «" + box.text + "»" : "") + " · ");
      const state = box.kind === "manual" ? el("span", "state-accepted", "tilføjet")
        : el("span", box.accepted ? "state-accepted" : "state-rejected", box.accepted ? "godkendt" : "afvist");
      meta.appendChild(state);
      li.appendChild(meta);
      const actions = el("div", "item-actions");
      if (box.kind === "manual") {
        actions.appendChild(button("Slet", function () { removeBox(box); }, "manuelt felt"));
      } else {
        actions.appendChild(button("Godkend", function () { choose({ ids: [box.proposal_id] }, true); }, box.category_label));
        actions.appendChild(button("Afvis", function () { choose({ ids: [box.proposal_id] }, false); }, box.category_label));
      }
      actions.appendChild(button("Vis", function () { select(box.id); }, "feltet på siden"));
      li.appendChild(actions);
      list.appendChild(li);
    });
  }

  function renderGroups(selector, groups, field) {
    const list = $(selector);
    list.innerHTML = "";
    if (!groups.length) { list.appendChild(el("li", "", "Ingen forslag.")); }
    groups.forEach(function (g) {
      const li = el("li", "g-" + g.group);
      const noun = g.count === 1 ? "forekomst" : "forekomster";
      li.appendChild(el("span", "item-title", g.label + " — " + g.count + " " + noun));
      li.appendChild(el("span", "item-meta", g.accepted + " godkendt, " + (g.count - g.accepted) + " afvist"));
      const actions = el("div", "item-actions");
      const target = {}; target[field] = g.key;
      actions.appendChild(button("Godkend alle", function () { choose(target, true); }, g.label));
      actions.appendChild(button("Afvis alle", function () { choose(target, false); }, g.label));
      li.appendChild(actions);
      list.appendChild(li);
    });
  }

  function render() {
    $("[data-page-label]").textContent = "Side " + page + " af " + data.pages.length;
    const undo = root.querySelector('[data-action="undo"]');
    const redo = root.querySelector('[data-action="redo"]');
    if (undo) { undo.disabled = !data.can_undo; }
    if (redo) { redo.disabled = !data.can_redo; }
    renderOverlay();
    renderPageList();
    renderGroups("[data-persons]", data.persons, "person");
    renderGroups("[data-categories]", data.categories, "category");
    const link = document.querySelector("[data-keep-page]");
    if (link) { link.href = base + "?original=1&side=" + page; }
  }

  function goTo(n) {
    if (n < 1 || n > data.pages.length || n === page) { return; }
    page = n; selected = null;
    history.replaceState(null, "", base + "?side=" + page + (original ? "&original=1" : ""));
    loadImage(); render(); say("Side " + page);
  }

  function select(id) {
    selected = id;
    render();
    const box = allBoxes().find(function (b) { return b.id === id; });
    const node = overlay.querySelector('[data-box-id="' + id + '"]');
    if (node) { node.focus({ preventScroll: false }); }
    if (box) { say("Valgt: " + describe(box)); }
  }

  function step(delta) {
    const boxes = pageBoxes();
    if (!boxes.length) { return; }
    const index = boxes.findIndex(function (b) { return b.id === selected; });
    const next = index < 0 ? (delta > 0 ? 0 : boxes.length - 1) : (index + delta + boxes.length) % boxes.length;
    select(boxes[next].id);
  }

  async function act(url, body, message) {
    if (!editable) { say("Din rolle kan ikke ændre gennemsynet."); return; }
    try {
      const result = await window.Akt.postJson(url, body);
      const keepOriginal = data.original;
      data = Object.assign(result, { original: keepOriginal });
      version += 1;
      if (!original) { loadImage(); }
      render();
      say(message);
    } catch (e) { say("Fejl: " + e.message); }
  }

  function choose(target, accepted) {
    const body = Object.assign({ accepted: accepted }, target);
    return act(base + "/valg", body, accepted ? "Godkendt." : "Afvist.");
  }
  function removeBox(box) { return act(base + "/felter/" + box.box_id + "/slet", {}, "Manuelt felt slettet."); }
  function undo() { return act(base + "/fortryd", {}, "Fortrudt."); }
  function redo() { return act(base + "/gendan", {}, "Gendannet."); }

  function chooseSelected(accepted) {
    const box = allBoxes().find(function (b) { return b.id === selected; });
    if (!box) { say("Vælg først et felt (J/K eller klik)."); return; }
    if (box.kind === "manual") { say("Et manuelt felt kan slettes, ikke afvises."); return; }
    choose({ ids: [box.proposal_id] }, accepted);
  }

  let kbBox = null;  // the box being placed with the keyboard, in points
  function showKbBox() {
    const info = pageInfo();
    rect.hidden = false;
    Object.assign(rect.style, {
      left: (kbBox[0] / info.width) * 100 + "%", top: (kbBox[1] / info.height) * 100 + "%",
      width: ((kbBox[2] - kbBox[0]) / info.width) * 100 + "%", height: ((kbBox[3] - kbBox[1]) / info.height) * 100 + "%",
    });
  }

  function setDrawing(on) {
    drawing = on;
    view.classList.toggle("drawing", on);
    const b = root.querySelector('[data-action="draw"]');
    if (b) { b.setAttribute("aria-pressed", on ? "true" : "false"); }
    const info = pageInfo();
    kbBox = on ? [info.width / 2 - 75, info.height / 2 - 8, info.width / 2 + 75, info.height / 2 + 8] : null;
    if (on) { showKbBox(); } else { rect.hidden = true; }
    say(on ? "Træk et felt med musen, eller flyt det med piletasterne (Skift+pil ændrer størrelsen) og tryk Enter. Esc annullerer." : "");
  }

  function moveKbBox(key, resize) {
    const d = { arrowleft: [-1, 0], arrowright: [1, 0], arrowup: [0, -1], arrowdown: [0, 1] }[key];
    const stepPt = 6;
    if (resize) {
      kbBox[2] = Math.max(kbBox[0] + 6, kbBox[2] + d[0] * stepPt);
      kbBox[3] = Math.max(kbBox[1] + 6, kbBox[3] + d[1] * stepPt);
    } else {
      [0, 2].forEach(function (i) { kbBox[i] += d[0] * stepPt; });
      [1, 3].forEach(function (i) { kbBox[i] += d[1] * stepPt; });
    }
    showKbBox();
  }

  function placeKbBox() {
    const bbox = kbBox.slice();
    setDrawing(false);
    const label = root.querySelector("[data-draw-label]").value;
    act(base + "/felter", { page: page, bbox: bbox, label: label }, "Manuelt felt tilføjet.");
  }

  let start = null;
  function point(e) {
    const r = view.getBoundingClientRect();
    return { x: Math.min(Math.max(e.clientX - r.left, 0), r.width), y: Math.min(Math.max(e.clientY - r.top, 0), r.height), w: r.width, h: r.height };
  }
  view.addEventListener("mousedown", function (e) {
    if (!drawing || e.button !== 0) { return; }
    e.preventDefault();
    kbBox = null;
    start = point(e);
    rect.hidden = false;
    Object.assign(rect.style, { left: start.x + "px", top: start.y + "px", width: "0px", height: "0px" });
  });
  window.addEventListener("mousemove", function (e) {
    if (!start) { return; }
    const p = point(e);
    Object.assign(rect.style, {
      left: Math.min(start.x, p.x) + "px", top: Math.min(start.y, p.y) + "px",
      width: Math.abs(p.x - start.x) + "px", height: Math.abs(p.y - start.y) + "px",
    });
  });
  window.addEventListener("mouseup", function (e) {
    if (!start) { return; }
    const p = point(e); const s = start; start = null; rect.hidden = true;
    const info = pageInfo();
    const fx = info.width / p.w, fy = info.height / p.h;
    const bbox = [Math.min(s.x, p.x) * fx, Math.min(s.y, p.y) * fy, Math.max(s.x, p.x) * fx, Math.max(s.y, p.y) * fy];
    setDrawing(false);
    if (bbox[2] - bbox[0] < 3 || bbox[3] - bbox[1] < 3) { say("Feltet var for lille."); return; }
    const label = root.querySelector("[data-draw-label]").value;
    act(base + "/felter", { page: page, bbox: bbox, label: label }, "Manuelt felt tilføjet.");
  });

  root.addEventListener("click", function (e) {
    const b = e.target.closest("[data-action]");
    if (!b) { return; }
    const action = b.dataset.action;
    if (action === "prev-page") { goTo(page - 1); }
    if (action === "next-page") { goTo(page + 1); }
    if (action === "undo") { undo(); }
    if (action === "redo") { redo(); }
    if (action === "draw") { setDrawing(!drawing); }
  });

  document.addEventListener("keydown", function (e) {
    if (e.target.closest("input, select, textarea")) { return; }
    const key = e.key.toLowerCase();
    if ((e.ctrlKey || e.metaKey) && key === "z" && !e.shiftKey) { e.preventDefault(); undo(); return; }
    if ((e.ctrlKey || e.metaKey) && (key === "y" || (key === "z" && e.shiftKey))) { e.preventDefault(); redo(); return; }
    if (e.ctrlKey || e.metaKey || e.altKey) { return; }
    if (drawing && kbBox && key.startsWith("arrow")) { e.preventDefault(); moveKbBox(key, e.shiftKey); return; }
    if (drawing && kbBox && key === "enter") { e.preventDefault(); placeKbBox(); return; }
    const actions = {
      n: function () { goTo(page + 1); }, arrowright: function () { goTo(page + 1); }, pagedown: function () { goTo(page + 1); },
      p: function () { goTo(page - 1); }, arrowleft: function () { goTo(page - 1); }, pageup: function () { goTo(page - 1); },
      j: function () { step(1); }, k: function () { step(-1); },
      g: function () { chooseSelected(true); }, a: function () { chooseSelected(false); },
      d: function () { if (editable) { setDrawing(!drawing); } },
      escape: function () { if (drawing) { setDrawing(false); } },
    };
    if (actions[key]) { e.preventDefault(); actions[key](); }
  });

  loadImage();
  render();
})();
