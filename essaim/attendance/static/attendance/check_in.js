// Check-in: the search field filters the list of registrants as one types, without a round
// trip (accents, case and word order ignored, as the server does when the form is sent
// without JavaScript).
(() => {
  const field = document.querySelector("[data-check-in-filter]");
  const list = document.getElementById("check-in-list");
  const empty = document.getElementById("check-in-empty");
  if (!field || !list) return;

  const fold = (text) =>
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/œ/gi, "oe")
      .replace(/æ/gi, "ae")
      .toLowerCase()
      .replace(/[\s'’‘`_\-.,;:/"«»*]+/g, " ")
      .trim();

  const filter = () => {
    const words = fold(field.value).split(" ").filter(Boolean);
    let shown = 0;
    list.querySelectorAll("li[data-search]").forEach((item) => {
      const text = item.dataset.search;
      const match = words.every((word) => text.includes(word));
      item.hidden = !match;
      if (match) shown += 1;
    });
    if (empty) empty.hidden = shown > 0;
  };

  // The list is filtered here: sending the form would only reload the page.
  field.form.addEventListener("submit", (event) => {
    event.preventDefault();
    filter();
    field.blur(); // closes the phone's keyboard
  });
  field.addEventListener("input", filter);
  // The filter also applies to a person redrawn after a tap.
  document.body.addEventListener("htmx:afterSwap", filter);
  filter();
})();
