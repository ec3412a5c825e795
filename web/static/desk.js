// Light progressive enhancement: everything works without this file.
// Changing a filter's <select> shows the result at once; the forms still work by button.
document.addEventListener("DOMContentLoaded", () => {
  for (const select of document.querySelectorAll("form.filters select")) {
    select.addEventListener("change", () => select.form.requestSubmit());
  }
  // Ask before a correction that takes an action out of the log.
  for (const form of document.querySelectorAll('form[action$="/dismiss"]')) {
    if (!form.action.includes("/actions/")) continue;
    form.addEventListener("submit", (e) => {
      if (!window.confirm("Dismiss as not an action? It is kept, but left out of the log.")) e.preventDefault();
    });
  }
});
