// The report's only script: filters the evidence rows (group, category, search) and toggles the highlights of
// an article page. It reads text with textContent and writes only textContent, hidden and class names: no HTML
// is ever built from the page's data, so text from the articles cannot become markup.
(function () {
  "use strict";

  function evidence() {
    var rows = Array.prototype.slice.call(document.querySelectorAll("table.evidence tbody tr"));
    var sentences = rows.filter(function (tr) { return !tr.classList.contains("more"); }).length;
    var group = document.getElementById("group"), cat = document.getElementById("cat");
    var q = document.getElementById("q"), shown = document.getElementById("shown");

    function apply() {
      var g = group.value, c = cat.value, words = q.value.trim().toLowerCase(), n = 0;
      rows.forEach(function (tr) {
        var ok = (!g || tr.dataset.group === g) && (!c || tr.dataset.cat === c) &&
          (!words || tr.textContent.toLowerCase().indexOf(words) >= 0);
        tr.hidden = !ok;
        if (ok && !tr.classList.contains("more")) { n += 1; }
      });
      shown.textContent = n + " of " + sentences + " sentences";
    }

    function choose(select, value) {
      var known = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
      select.value = known ? value : "";
    }

    function fromHash() {
      var params = new URLSearchParams(location.hash.slice(1));
      choose(group, params.get("group") || "");
      choose(cat, params.get("cat") || "");
      q.value = params.get("q") || "";
      apply();
    }

    function toHash() {
      var params = new URLSearchParams();
      if (group.value) { params.set("group", group.value); }
      if (cat.value) { params.set("cat", cat.value); }
      if (q.value) { params.set("q", q.value); }
      history.replaceState(null, "", "#" + params.toString());
      apply();
    }

    group.form.addEventListener("submit", function (event) { event.preventDefault(); });
    group.addEventListener("change", toHash);
    cat.addEventListener("change", toHash);
    q.addEventListener("input", toHash);
    window.addEventListener("hashchange", fromHash);
    fromHash();
  }

  function article() {
    Array.prototype.forEach.call(document.querySelectorAll("input[data-kind]"), function (box) {
      box.addEventListener("change", function () {
        document.body.classList.toggle("hide-" + box.dataset.kind, !box.checked);
      });
    });

    // The finding a link points to: the first <mark> after its anchor (several findings may start at one word).
    function current() {
      Array.prototype.forEach.call(document.querySelectorAll("mark.current"), function (m) {
        m.classList.remove("current");
      });
      var node = location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
      while (node && node.tagName !== "MARK") { node = node.nextElementSibling; }
      if (node) { node.classList.add("current"); }
    }
    window.addEventListener("hashchange", current);
    current();
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (document.querySelector("table.evidence")) { evidence(); }
    if (document.body.classList.contains("article")) { article(); }
  });
}());
