// thesiskit: the strings this script says, in the site's language (the kit's locale table, written
// into every page by the theme override as JSON). No fallback words: a page without them says nothing.
const thesiskitStrings = (() => {
  const data = document.getElementById("thesiskit-strings");
  try { return data ? JSON.parse(data.textContent) : {}; } catch (err) { return {}; }
})();

// thesiskit: the copy button (data-copy) copies the citation text next to it.
document.addEventListener("click", async (event) => {
  const button = event.target.closest("button[data-copy]");
  if (!button) return;
  const source = document.getElementById(button.dataset.copy);
  if (!source) return;
  const text = source.innerText.trim();
  try {
    await navigator.clipboard.writeText(text);
    if (thesiskitStrings.copied) button.textContent = thesiskitStrings.copied;
  } catch (err) {
    const range = document.createRange();
    range.selectNodeContents(source);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    if (thesiskitStrings.copy_selected) button.textContent = thesiskitStrings.copy_selected;
  }
});

// thesiskit: on narrow screens Material's menu and search buttons are <label>s, which the
// keyboard cannot reach (WCAG 2.1.1). Make them focusable buttons that Enter and Space press;
// an opened menu takes the focus, and Escape closes it and gives the focus back to its button.
for (const label of document.querySelectorAll('.md-header label.md-header__button[for="__drawer"], .md-header label.md-header__button[for="__search"]')) {
  const toggle = document.getElementById(label.htmlFor);
  if (!toggle) continue;
  const search = document.querySelector(".md-search__input");
  const name = toggle.id === "__drawer" ? thesiskitStrings.menu
    : (search && search.getAttribute("aria-label")) || thesiskitStrings.search;
  const sync = () => label.setAttribute("aria-expanded", String(toggle.checked));
  label.tabIndex = 0;
  label.setAttribute("role", "button");
  if (name) label.setAttribute("aria-label", name);
  sync();
  toggle.addEventListener("change", sync);
  label.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    event.stopPropagation();  // Material clicks a focused label on Enter too: press it once
    label.click();
    setTimeout(() => {
      sync();
      if (toggle.id !== "__drawer" || !toggle.checked) return;
      const first = document.querySelector(".md-sidebar--primary a[href], .md-sidebar--primary [tabindex='0']");
      if (first) first.focus();  // into the opened menu
    });
  });
}
document.addEventListener("keydown", (event) => {
  const drawer = document.getElementById("__drawer");
  if (event.key !== "Escape" || !drawer || !drawer.checked) return;
  drawer.checked = false;
  drawer.dispatchEvent(new Event("change"));
  const button = document.querySelector('.md-header label.md-header__button[for="__drawer"]');
  if (button) button.focus();
});

// thesiskit: Zensical's search dialog (a shadow root; Zensical 0.0.x) is written in English whatever
// the site's language ("85 results", "Search", "Close search", "Filters"), WCAG 3.1.1/3.1.2. Say it
// in the site's language: the result counts with the theme's own translations (__config), the rest
// from the table below. Material for MkDocs' search is translated already and has no such dialog.
(() => {
  const config = document.getElementById("__config");
  const t = (config && JSON.parse(config.textContent).translations) || {};
  const lang = document.documentElement.lang;
  const s = thesiskitStrings;
  const english = ["Search", "Close search", "Filters", "Search results", "Tags", "Loading search\u2026",
    "Search is unavailable. Reload the page to try again."];
  const words = [s.search, s.search_close, s.search_filters, s.search_results, s.search_tags, s.search_loading,
    s.search_unavailable];
  const table = new Map(english.map((word, i) => [word, words[i]]).filter(([, said]) => said));
  if (t["search.result.placeholder"]) table.set("placeholder:Search", t["search.result.placeholder"]);
  if (t["search.result.none"]) table.set("No results", t["search.result.none"]);
  const count = (text) => {
    const m = /^([\d,]+) results?$/.exec(text);
    if (!m) return null;
    const n = Number(m[1].replace(/,/g, ""));
    const form = n === 1 ? t["search.result.one"] : t["search.result.other"];
    return form ? form.replace("#", n.toLocaleString(lang)) : null;
  };
  const say = (text, key = text) => table.get(key) ?? count(text.trim());
  const translate = (root) => {
    // 2.1.1: the scrolling list of results could not take the keyboard's focus (tabindex -1)
    for (const el of root.querySelectorAll('div[tabindex="-1"]')) {
      if (el.querySelector("[role=listbox]")) el.tabIndex = 0;
    }
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const said = say(node.data.trim());
      if (said) node.data = said;
    }
    for (const el of root.querySelectorAll("[aria-label], [placeholder]")) {
      for (const name of ["aria-label", "placeholder"]) {
        const value = el.getAttribute(name);
        const said = value && say(value, name === "placeholder" ? "placeholder:" + value : value);
        if (said) el.setAttribute(name, said);
      }
    }
  };
  const watched = new WeakSet();
  const watch = () => {
    for (const host of document.body.children) {
      const root = host.shadowRoot;
      if (!root || watched.has(root)) continue;
      watched.add(root);
      // 1.4.3: the hits are marked in the accent colour (4.25:1 on white) and each result's path
      // is #8c8c8c (3.36:1): use the link colour and the theme's lighter text colour
      const style = document.createElement("style");
      style.textContent = "mark { color: var(--md-typeset-a-color) !important; }"
        + " menu, menu li { color: var(--md-default-fg-color--light) !important; }";
      root.appendChild(style);
      translate(root);
      new MutationObserver(() => translate(root)).observe(root, {
        subtree: true, childList: true, characterData: true, attributes: true,
        attributeFilter: ["aria-label", "placeholder"],
      });
    }
  };
  watch();
  new MutationObserver(watch).observe(document.body, { childList: true });
})();
