// Progressive enhancement only: every page works without this file (forms and links).
// - Autocomplete for tickers and companies (an ARIA combobox); choosing one adds it as a filter.
// - "/" focuses the search box.
// - On a phone, the filters start folded.
// Text from the server is only ever put in the page with textContent, never as HTML.
"use strict";

(function () {
  const input = document.getElementById("q");
  const list = document.getElementById("q-suggestions");

  document.addEventListener("keydown", (event) => {
    const tag = document.activeElement ? document.activeElement.tagName : "";
    if (event.key === "/" && !["INPUT", "TEXTAREA", "SELECT"].includes(tag) && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      input.focus();
      input.select();
    }
  });

  const filters = document.querySelector(".filters-box");
  if (filters && window.matchMedia) {
    const narrow = window.matchMedia("(max-width: 760px)");
    const fit = () => { filters.open = !narrow.matches; };
    fit();
    narrow.addEventListener("change", fit);
  }

  // Facet values narrowed as you type (the box stays hidden without this script).
  for (const box of document.querySelectorAll(".facet-filter")) {
    const values = document.getElementById(box.getAttribute("aria-controls"));
    if (!values) continue;
    box.hidden = false;
    box.addEventListener("input", () => {
      const wanted = box.value.trim().toLowerCase();
      for (const item of values.children) {
        const value = item.querySelector(".value");
        item.hidden = wanted !== "" && !(value && value.textContent.toLowerCase().includes(wanted));
      }
    });
  }

  if (!input || !list || !input.dataset.suggest) return;
  const form = input.form;
  const QUERY_FIELDS = ["headline", "subheadline", "lede", "body", "about", "wire", "location", "type", "exchange", "date", "language"];
  let options = [];
  let active = -1;
  let timer = null;
  let controller = null;

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");

  // The word being typed: the text after the last space (outside quotes), without a ticker:/company: prefix.
  function currentWord() {
    const value = input.value;
    const quotes = (value.match(/"/g) || []).length;
    if (quotes % 2 === 1) return null;
    const start = value.lastIndexOf(" ") + 1;
    let word = value.slice(start);
    // After "ticker:" or "company:" suggest; after another field ("date:", "wire:") do not;
    // "NYSE:GL" is a listing being typed.
    const field = word.match(/^([a-z_]+):(.*)$/i);
    if (field && /^(ticker|company)$/i.test(field[1])) word = field[2];
    else if (field && QUERY_FIELDS.includes(field[1].toLowerCase())) return null;
    return { start, word };
  }

  function close() {
    list.hidden = true;
    list.replaceChildren();
    options = [];
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function highlight(index) {
    active = index;
    options.forEach((item, i) => item.element.setAttribute("aria-selected", i === index ? "true" : "false"));
    if (index >= 0) {
      input.setAttribute("aria-activedescendant", options[index].element.id);
      options[index].element.scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function show(suggestions) {
    // A list refreshed while the user is on an option keeps that option highlighted when it is still offered.
    const kept = active >= 0 && options[active] ? options[active].suggestion : null;
    list.replaceChildren();
    options = suggestions.map((s, i) => {
      const li = document.createElement("li");
      li.id = "q-opt-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.dataset.kind = s.kind;
      const value = document.createElement("span");
      value.className = "value";
      value.textContent = s.label || s.value; // an issuer's name with its main listing: "Apple Inc. · NASDAQ:AAPL"
      const kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = s.kind + " · " + s.count;
      li.append(value, kind);
      // mousedown, not click: it comes before the input's blur closes the list.
      li.addEventListener("mousedown", (event) => { event.preventDefault(); choose(i); });
      list.append(li);
      return { element: li, suggestion: s };
    });
    list.hidden = options.length === 0;
    input.setAttribute("aria-expanded", options.length ? "true" : "false");
    active = -1;
    if (kept) {
      const again = options.findIndex((item) => item.suggestion.kind === kept.kind && item.suggestion.value === kept.value);
      if (again >= 0) highlight(again);
    }
  }

  // Choosing a suggestion adds it as a filter (a removable chip) and searches with the rest of the query.
  function choose(index) {
    const chosen = options[index];
    const where = currentWord();
    if (!chosen) return;
    if (where) input.value = input.value.slice(0, where.start).trimEnd();
    const hidden = document.createElement("input");
    hidden.type = "hidden";
    hidden.name = chosen.suggestion.kind === "ticker" ? "ticker" : "company";
    hidden.value = chosen.suggestion.value;
    form.append(hidden);
    close();
    form.requestSubmit ? form.requestSubmit() : form.submit();
  }

  function fetchSuggestions() {
    const where = currentWord();
    if (!where || where.word.trim().length < 1) { close(); return; }
    if (controller) controller.abort();
    controller = new AbortController();
    const url = input.dataset.suggest + "?q=" + encodeURIComponent(where.word);
    fetch(url, { signal: controller.signal, headers: { Accept: "application/json" } })
      .then((response) => (response.ok ? response.json() : { suggestions: [] }))
      .then((data) => { if (document.activeElement === input) show(data.suggestions || []); })
      .catch(() => {});
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, 120);
  });
  input.addEventListener("keydown", (event) => {
    if (list.hidden || !options.length) return;
    if (event.key === "ArrowDown") { event.preventDefault(); highlight((active + 1) % options.length); }
    else if (event.key === "ArrowUp") { event.preventDefault(); highlight(active <= 0 ? options.length - 1 : active - 1); }
    else if (event.key === "Enter" && active >= 0) { event.preventDefault(); choose(active); }
    else if (event.key === "Escape") { event.preventDefault(); close(); }
  });
  input.addEventListener("blur", () => setTimeout(close, 100));
})();
