// « Imprimer » buttons: any element with a data-print attribute opens the print dialog.
// The buttons stay hidden without JavaScript; the page then says how to print from the browser.
document.querySelectorAll("[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
