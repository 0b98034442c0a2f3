/* Search-as-you-type pickers (essaim/territories/widgets.py).
   htmx fetches the options; this file adds and removes the chosen chips and lets the keyboard
   move between the search box and the options. Events are delegated to the document, so
   pickers that htmx swaps into the page work too. */
(function () {
  "use strict";

  function pickerOf(element) {
    return element.closest("[data-picker]");
  }

  function parts(picker) {
    return {
      input: picker.querySelector('input[type="search"]'),
      status: picker.querySelector(".picker__status"),
      results: picker.querySelector(".picker__results"),
      chosen: picker.querySelector("[data-picker-chosen]"),
    };
  }

  function announce(picker, message) {
    parts(picker).status.textContent = message;
  }

  function clearResults(picker) {
    parts(picker).results.replaceChildren();
  }

  function options(picker) {
    return Array.from(picker.querySelectorAll("[data-picker-option]"));
  }

  function makeChip(name, value, label) {
    var chip = document.createElement("li");
    chip.className = "chip";
    chip.dataset.value = value;
    var text = document.createElement("span");
    text.textContent = label;
    var hidden = document.createElement("input");
    hidden.type = "hidden";
    hidden.name = name;
    hidden.value = value;
    var remove = document.createElement("button");
    remove.type = "button";
    remove.setAttribute("data-picker-remove", "");
    remove.setAttribute("aria-label", "Retirer " + label);
    remove.textContent = "×";
    chip.append(text, hidden, remove);
    return chip;
  }

  function choose(picker, option) {
    var p = parts(picker);
    var value = option.dataset.value;
    var label = option.dataset.label;
    var already = Array.from(p.chosen.children).some(function (chip) {
      return chip.dataset.value === value;
    });
    if (already) {
      announce(picker, label + " est déjà choisi·e.");
    } else {
      if (!picker.hasAttribute("data-multiple")) {
        p.chosen.replaceChildren();
      }
      p.chosen.append(makeChip(picker.dataset.name, value, label));
      announce(picker, "Ajouté : " + label + ".");
      picker.dispatchEvent(new CustomEvent("picker:change", { bubbles: true }));
    }
    p.input.value = "";
    clearResults(picker);
    p.input.focus();
  }

  function removeChip(picker, button) {
    var chip = button.closest(".chip");
    var label = chip.querySelector("span").textContent;
    chip.remove();
    announce(picker, "Retiré : " + label + ".");
    parts(picker).input.focus();
    picker.dispatchEvent(new CustomEvent("picker:change", { bubbles: true }));
  }

  document.addEventListener("click", function (event) {
    var option = event.target.closest("[data-picker-option]");
    if (option && pickerOf(option)) {
      event.preventDefault();
      choose(pickerOf(option), option);
      return;
    }
    var remove = event.target.closest("[data-picker-remove]");
    if (remove && pickerOf(remove)) {
      event.preventDefault();
      removeChip(pickerOf(remove), remove);
    }
  });

  // Too many searches (429): the answer is the sentence that says so, shown like the others.
  document.addEventListener("htmx:beforeSwap", function (event) {
    if (event.detail.xhr.status === 429 && pickerOf(event.detail.elt)) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  document.addEventListener("keydown", function (event) {
    var picker = pickerOf(event.target);
    if (!picker) {
      return;
    }
    var p = parts(picker);
    var list = options(picker);
    var index = list.indexOf(event.target);
    if (event.target === p.input) {
      if (event.key === "Enter") {
        // Enter searches (or goes to the options) instead of sending the whole form.
        event.preventDefault();
        if (list.length) {
          list[0].focus();
        } else if (window.htmx) {
          window.htmx.trigger(p.input, "search");
        }
      } else if (event.key === "ArrowDown" && list.length) {
        event.preventDefault();
        list[0].focus();
      } else if (event.key === "Escape" && list.length) {
        event.preventDefault();
        clearResults(picker);
      }
    } else if (index >= 0) {
      if (event.key === "ArrowDown") {
        event.preventDefault();
        (list[index + 1] || list[index]).focus();
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        (list[index - 1] || p.input).focus();
      } else if (event.key === "Escape") {
        event.preventDefault();
        clearResults(picker);
        p.input.focus();
      }
    }
  });
})();
