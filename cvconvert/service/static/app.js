// The page's behaviour: pick a file (or drop it), choose the output, call POST /v1/convert with
// Accept: application/json, then show what was found and the loss report in plain words and
// offer the result for download. Plain script, no build step, nothing fetched from elsewhere.
"use strict";

(function () {
  const LANGUAGES = ["en", "fr", "de"];
  const $ = (id) => document.getElementById(id);
  let texts = {};
  let formats = [];
  let chosen = null;
  let downloadUrl = null;
  let lastResult = null;

  // --- words --------------------------------------------------------------------------------

  function t(key, values) {
    let text = texts[key] || key;
    for (const [name, value] of Object.entries(values || {})) {
      text = text.split("{" + name + "}").join(String(value));
    }
    return text;
  }

  function firstLanguage() {
    const saved = localStorage.getItem("cvconvert-ui-lang");
    if (LANGUAGES.includes(saved)) return saved;
    for (const tag of navigator.languages || [navigator.language || "en"]) {
      const base = String(tag).toLowerCase().split("-")[0];
      if (LANGUAGES.includes(base)) return base;
    }
    return "en";
  }

  async function useLanguage(lang) {
    const answer = await fetch("/static/i18n/" + lang + ".json");
    texts = await answer.json();
    document.documentElement.lang = lang;
    $("ui-lang").value = lang;
    for (const node of document.querySelectorAll("[data-i18n]")) {
      if (node.id !== "download") node.textContent = t(node.dataset.i18n);
    }
    document.title = t("title") + " · cvconvert";
    showChosen();
    if (lastResult) showResult(lastResult);
  }

  // --- formats ------------------------------------------------------------------------------

  async function loadFormats() {
    const answer = await fetch("/v1/formats", { headers: keyHeaders() });
    if (answer.status === 401) return failed(401, {});
    if (!answer.ok) return;
    $("error").textContent = "";
    formats = (await answer.json()).filter((f) => f.write && f.installed);
    const select = $("to");
    select.textContent = "";
    for (const format of formats) {
      const option = document.createElement("option");
      option.value = format.name;
      option.textContent = format.name + (format.description ? " (" + format.description + ")" : "");
      select.append(option);
    }
    select.value = formats.some((f) => f.name === "docx") ? "docx" : (formats[0] || {}).name;
    syncLanguageField();
  }

  function syncLanguageField() {
    const format = formats.find((f) => f.name === $("to").value);
    const takesLang = !!format && format.writer_options.some((o) => o.name === "lang");
    $("doc-lang").disabled = !takesLang;
  }

  // --- the file -----------------------------------------------------------------------------

  function showChosen() {
    $("chosen").textContent = chosen ? t("chosenFile", { name: chosen.name }) : "";
  }

  function choose(file) {
    chosen = file || null;
    showChosen();
  }

  function wireDrop() {
    const zone = $("drop");
    zone.addEventListener("dragover", (event) => {
      event.preventDefault();
      zone.classList.add("over");
    });
    zone.addEventListener("dragleave", () => zone.classList.remove("over"));
    zone.addEventListener("drop", (event) => {
      event.preventDefault();
      zone.classList.remove("over");
      if (event.dataTransfer.files.length) choose(event.dataTransfer.files[0]);
    });
    $("file").addEventListener("change", () => choose($("file").files[0]));
  }

  // --- converting ---------------------------------------------------------------------------

  function keyHeaders() {
    const key = $("api-key").value;
    return key ? { "X-API-Key": key } : {};
  }

  async function convert(event) {
    event.preventDefault();
    $("error").textContent = "";
    if (!chosen) {
      $("error").textContent = t("noFile");
      $("file").focus();
      return;
    }
    const body = new FormData();
    body.append("file", chosen, chosen.name);
    body.append("to", $("to").value);
    if (!$("doc-lang").disabled) body.append("lang", $("doc-lang").value);
    $("convert").disabled = true;
    $("status").textContent = t("working", { name: chosen.name });
    try {
      const answer = await fetch("/v1/convert", {
        method: "POST",
        body: body,
        headers: Object.assign({ Accept: "application/json" }, keyHeaders()),
      });
      const reply = await answer.json();
      if (!answer.ok) return failed(answer.status, reply);
      lastResult = reply;
      showResult(reply);
      $("status").textContent = t("done", { name: reply.filename });
      $("result-title").focus();
    } catch (error) {
      failed(0, { detail: String(error) });
    } finally {
      $("convert").disabled = false;
    }
  }

  function failed(status, problem) {
    $("status").textContent = "";
    if (status === 401) {
      $("key-field").hidden = false;
      $("error").textContent = t("needKey");
      $("api-key").focus();
      return;
    }
    $("error").textContent = status === 429 ? t("busy") : t("failed", { detail: problem.detail || status });
  }

  // --- the result ---------------------------------------------------------------------------

  function element(tag, text) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // "/work/2/highlights" as "Work experience, item 3, highlights": the pointer in plain words.
  function where(path) {
    if (!path) return t("whole");
    const parts = path.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
    return parts
      .map((part, i) => {
        if (i === 0 && texts["section." + part]) return t("section." + part);
        if (/^\d+$/.test(part)) return t("item", { n: Number(part) + 1 });
        return part;
      })
      .join(", ");
  }

  function showResult(reply) {
    $("result").hidden = false;
    const found = $("found");
    found.textContent = "";
    found.append(element("p", reply.found.name ? t("foundName", { name: reply.found.name }) : t("noName")));
    const sections = Object.entries(reply.found.sections || {});
    if (sections.length) {
      found.append(element("p", t("foundSections")));
      const list = element("ul");
      list.id = "sections";
      for (const [section, count] of sections) {
        const words = count === 1 ? t("entry") : t("entries", { count: count });
        list.append(element("li", (texts["section." + section] ? t("section." + section) : section) + ": " + words));
      }
      found.append(list);
    } else {
      found.append(element("p", t("nothingFound")));
    }
    const notes = $("notes");
    notes.textContent = "";
    const report = reply.report || {};
    for (const kind of ["losses", "warnings", "hidden"]) {
      const items = report[kind] || [];
      if (!items.length) continue;
      const block = element("div");
      block.className = kind;
      block.append(element("h3", t(kind, { count: items.length })));
      const list = element("ul");
      list.id = kind;
      for (const note of items) list.append(element("li", where(note.path) + ": " + note.message));
      block.append(list);
      notes.append(block);
    }
    if (!(report.losses || []).length) notes.prepend(element("p", t("noLosses")));
    if (downloadUrl) URL.revokeObjectURL(downloadUrl);
    const bytes = Uint8Array.from(atob(reply.output), (c) => c.charCodeAt(0));
    downloadUrl = URL.createObjectURL(new Blob([bytes], { type: reply.media_type }));
    const link = $("download");
    link.href = downloadUrl;
    link.download = reply.filename;
    link.textContent = t("download", { name: reply.filename });
  }

  // --- start --------------------------------------------------------------------------------

  document.addEventListener("DOMContentLoaded", async () => {
    wireDrop();
    $("form").addEventListener("submit", convert);
    $("to").addEventListener("change", syncLanguageField);
    $("api-key").addEventListener("change", loadFormats);
    $("ui-lang").addEventListener("change", () => {
      localStorage.setItem("cvconvert-ui-lang", $("ui-lang").value);
      useLanguage($("ui-lang").value);
    });
    const lang = firstLanguage();
    $("doc-lang").value = lang;
    await useLanguage(lang);
    await loadFormats();
    document.body.dataset.ready = "true";
  });
})();
