// thesiskit: the "Kopier referansen" button copies the citation text next to it.
document.addEventListener("click", async (event) => {
  const button = event.target.closest("button[data-copy]");
  if (!button) return;
  const source = document.getElementById(button.dataset.copy);
  if (!source) return;
  const text = source.innerText.trim();
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = "Kopiert";
  } catch (err) {
    const range = document.createRange();
    range.selectNodeContents(source);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    button.textContent = "Merket – trykk Ctrl+C";
  }
});

// thesiskit: on narrow screens Material's menu and search buttons are <label>s, which the
// keyboard cannot reach (WCAG 2.1.1). Make them focusable buttons that Enter and Space press;
// an opened menu takes the focus, and Escape closes it and gives the focus back to its button.
for (const label of document.querySelectorAll('.md-header label.md-header__button[for="__drawer"], .md-header label.md-header__button[for="__search"]')) {
  const toggle = document.getElementById(label.htmlFor);
  if (!toggle) continue;
  const english = document.documentElement.lang.startsWith("en");
  const search = document.querySelector(".md-search__input");
  const name = toggle.id === "__drawer" ? (english ? "Menu" : "Meny") : (search && search.getAttribute("aria-label")) || "Søk";
  const sync = () => label.setAttribute("aria-expanded", String(toggle.checked));
  label.tabIndex = 0;
  label.setAttribute("role", "button");
  label.setAttribute("aria-label", name);
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
