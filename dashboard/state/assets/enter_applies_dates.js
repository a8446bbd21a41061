// Enter in a date field applies the typed dates. Streamlit's date input (1.67) sends typed
// dates when the pointer goes down outside it or on Escape, and ignores Enter, so a typed
// period did nothing until the user clicked elsewhere. Enter is passed on to the widget as
// the Escape it already handles, which sends the dates. Installed once per browser tab; it
// reads nothing and sends nothing itself.
(() => {
  const root = window.parent && window.parent.document ? window.parent : window;
  if (root.__tmecEnterAppliesDates) {
    return;
  }
  root.__tmecEnterAppliesDates = true;
  root.document.addEventListener(
    "keydown",
    (event) => {
      if (event.key !== "Enter" || event.isComposing || !(event.target instanceof root.Element)) {
        return;
      }
      if (!event.target.closest('[data-testid="stDateInput"]')) {
        return;
      }
      event.preventDefault();
      event.stopPropagation();
      event.target.dispatchEvent(
        new root.KeyboardEvent("keydown", { key: "Escape", code: "Escape", bubbles: true }),
      );
    },
    true,
  );
})();
