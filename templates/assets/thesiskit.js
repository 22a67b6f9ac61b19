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
