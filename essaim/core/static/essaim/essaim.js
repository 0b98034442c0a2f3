// Loaded in the <head> of every page, before the page is drawn: the « js » class lets the
// stylesheet fold the menu on phones only where this script runs (without it, the links stay
// visible). The rest waits for the page.
document.documentElement.classList.add("js");

document.addEventListener("DOMContentLoaded", () => {
  // Menu button of the header on phones: opens and closes the navigation; Escape closes it and
  // gives the focus back to the button.
  const button = document.querySelector(".menu-button");
  const menu = button && document.getElementById(button.getAttribute("aria-controls"));
  if (button && menu) {
    const toggle = (open) => {
      button.setAttribute("aria-expanded", String(open));
      menu.classList.toggle("is-open", open);
    };
    button.addEventListener("click", () => toggle(button.getAttribute("aria-expanded") !== "true"));
    menu.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        toggle(false);
        button.focus();
      }
    });
    button.addEventListener("keydown", (event) => {
      if (event.key === "Escape") toggle(false);
    });
  }

  // Rows of tabs and of framing steps scroll sideways on narrow screens: bring the current one
  // into view, in the middle of the row.
  for (const row of document.querySelectorAll("[data-scroll-current]")) {
    const current = row.querySelector('[aria-current="page"], [aria-current="step"]');
    if (!current || row.scrollWidth <= row.clientWidth) continue;
    const rowBox = row.getBoundingClientRect();
    const box = current.getBoundingClientRect();
    row.scrollLeft += box.left - rowBox.left - (row.clientWidth - box.width) / 2;
  }
});
