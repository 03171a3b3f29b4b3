/* Drag-and-drop upload of several PDFs with a progress bar per file (upload) and per
   processing job (pages done / total), by polling the request's status JSON. */
"use strict";
(function () {
  const STATUS = { queued: "I kø", processing: "Behandles", done: "Færdig", failed: "Fejlet" };

  function entry(list, file) {
    const li = document.createElement("li");
    li.innerHTML =
      '<span class="file-name"></span><span class="file-state" role="status">Klar til upload</span>' +
      '<label class="upload-label">Upload <progress max="100" value="0"></progress></label>' +
      '<label class="job-label">Behandling <progress max="1" value="0"></progress></label>';
    li.querySelector(".file-name").textContent = file.name;
    list.appendChild(li);
    return {
      li: li, file: file, id: null,
      upload: li.querySelector(".upload-label progress"),
      job: li.querySelector(".job-label progress"),
      state: li.querySelector(".file-state"),
    };
  }

  function setup(form) {
    const zone = form.querySelector("[data-dropzone]");
    const input = form.querySelector('input[type="file"]');
    const list = form.querySelector("[data-upload-list]");
    const items = [];
    function add(files) {
      Array.from(files).forEach(function (file) { items.push(entry(list, file)); });
    }
    input.addEventListener("change", function () { add(input.files); });
    ["dragenter", "dragover"].forEach(function (name) {
      zone.addEventListener(name, function (e) { e.preventDefault(); zone.classList.add("dragover"); });
    });
    ["dragleave", "drop"].forEach(function (name) {
      zone.addEventListener(name, function (e) { e.preventDefault(); zone.classList.remove("dragover"); });
    });
    zone.addEventListener("drop", function (e) { add(e.dataTransfer.files); });
    return items;
  }

  function uploadOne(requestId, item) {
    return new Promise(function (resolve, reject) {
      const xhr = new XMLHttpRequest();
      xhr.open("POST", "/anmodninger/" + requestId + "/dokumenter");
      const headers = window.Akt.headers();
      Object.keys(headers).forEach(function (k) { xhr.setRequestHeader(k, headers[k]); });
      xhr.upload.addEventListener("progress", function (e) {
        if (e.lengthComputable) { item.upload.value = Math.round((e.loaded / e.total) * 100); }
      });
      xhr.addEventListener("load", function () {
        let data = {};
        try { data = JSON.parse(xhr.responseText); } catch (e) { data = {}; }
        if (xhr.status >= 200 && xhr.status < 300) {
          item.upload.value = 100;
          item.id = data.documents[0].id;
          item.state.textContent = "Uploadet – venter på behandling";
          resolve();
        } else {
          item.state.textContent = "Fejl: " + (data.detail || xhr.status);
          item.li.classList.add("error-text");
          reject(new Error(data.detail || "upload"));
        }
      });
      xhr.addEventListener("error", function () { reject(new Error("netværksfejl")); });
      const body = new FormData();
      body.append("filer", item.file, item.file.name);
      xhr.send(body);
    });
  }

  function poll(requestId, items, done) {
    window.Akt.call("/anmodninger/" + requestId + "/status.json", { headers: window.Akt.headers() })
      .then(function (data) {
        data.documents.forEach(function (doc) {
          const item = items.find(function (i) { return i.id === doc.id; });
          if (!item) { return; }
          const total = doc.pages_total || 0;
          item.job.max = Math.max(total, 1);
          item.job.value = doc.status === "done" ? item.job.max : doc.pages_done;
          const pages = total ? " – side " + doc.pages_done + " af " + total : "";
          item.state.textContent = (STATUS[doc.status] || doc.status) + pages + (doc.error ? ": " + doc.error : "");
        });
        const mine = data.documents.filter(function (d) { return items.some(function (i) { return i.id === d.id; }); });
        const finished = mine.every(function (d) { return d.status === "done" || d.status === "failed"; });
        if (finished) { done(); } else { setTimeout(function () { poll(requestId, items, done); }, 1000); }
      })
      .catch(function () { setTimeout(function () { poll(requestId, items, done); }, 2000); });
  }

  async function uploadAll(requestId, items, done) {
    for (const item of items) {
      if (item.id === null) {
        try { await uploadOne(requestId, item); } catch (e) { /* shown on the item */ }
      }
    }
    const started = items.filter(function (i) { return i.id !== null; });
    if (started.length) { poll(requestId, started, done); } else { done(); }
  }

  function showError(form, message) {
    let box = form.querySelector("[data-form-error]");
    if (!box) {
      box = document.createElement("div");
      box.className = "alert alert-error";
      box.setAttribute("role", "alert");
      box.dataset.formError = "";
      form.prepend(box);
    }
    box.textContent = "Anmodningen er ikke gemt: " + message;
    box.scrollIntoView();
  }

  const newForm = document.querySelector("[data-new-request]");
  if (newForm) {
    const items = setup(newForm);
    newForm.addEventListener("submit", async function (event) {
      event.preventDefault();
      const submit = newForm.querySelector('button[type="submit"]');
      const body = new FormData(newForm);
      body.delete("filer");
      submit.disabled = true;
      let created;
      try {
        created = await window.Akt.call("/anmodninger/ny", { method: "POST", headers: window.Akt.headers(), body: body });
      } catch (e) {
        submit.disabled = false;
        showError(newForm, e.message);
        return;
      }
      const note = newForm.querySelector("[data-upload-done]");
      note.hidden = false;
      note.textContent = "Anmodningen er registreret og screenet. Dokumenterne uploades og behandles …";
      uploadAll(created.id, items, function () {
        note.innerHTML = 'Færdig. <a class="button primary" data-open-request></a>';
        const link = note.querySelector("a");
        link.href = created.url;
        link.textContent = "Åbn anmodningen";
        link.focus();
      });
    });
  }

  const addForm = document.querySelector("[data-upload-form]");
  if (addForm) {
    const items = setup(addForm);
    addForm.addEventListener("submit", function (event) {
      event.preventDefault();
      const pending = items.filter(function (i) { return i.id === null; });
      if (!pending.length) { return; }
      uploadAll(addForm.dataset.requestId, pending, function () { window.location.reload(); });
    });
  }
})();
