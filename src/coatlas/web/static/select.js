// coatlas document view: turn a text selection into character offsets for the forms.
// Offsets count Unicode code points of the canonical text (as Python indexes it), so a
// selection over "å" or an emoji gives the same numbers `coatlas extract` would.
// The forms work without this script: the offsets can be typed.
(function () {
  "use strict";
  var root = document.getElementById("doctext");
  if (!root) { return; }
  var box = document.getElementById("selection");

  function codePoints(s) { return Array.from(s).length; }

  // offset of (node, offsetInNode) in the canonical text
  function offsetOf(node, off) {
    var el = node.nodeType === 3 ? node.parentElement : node;
    var run = el && el.closest("[data-s]");
    if (!run || !root.contains(run)) {
      // a boundary on the container itself: before or after a run
      if (node === root) {
        var kids = root.querySelectorAll("[data-s]");
        if (off >= kids.length) { return Number(root.dataset.chars); }
        return Number(kids[off].dataset.s);
      }
      return null;
    }
    var before = "";
    if (node.nodeType === 3) {
      var walker = document.createTreeWalker(run, NodeFilter.SHOW_TEXT);
      for (var t = walker.nextNode(); t; t = walker.nextNode()) {
        if (t === node) { before += t.data.slice(0, off); break; }
        before += t.data;
      }
    } else if (off > 0) {
      before = run.textContent;
    }
    return Number(run.dataset.s) + codePoints(before);
  }

  function fill(start, end, text) {
    document.querySelectorAll(".sel-start").forEach(function (i) { i.value = start; });
    document.querySelectorAll(".sel-end").forEach(function (i) { i.value = end; });
    var name = document.getElementById("add-name");
    if (name && !name.dataset.typed) { name.value = text.length <= 90 ? text.trim() : ""; }
    box.textContent = "";
    var q = document.createElement("q");
    q.textContent = text.length > 240 ? text.slice(0, 240) + "…" : text;
    var where = document.createElement("div");
    where.className = "muted";
    where.textContent = "characters " + start + "–" + end;
    box.appendChild(q);
    box.appendChild(where);
  }

  function onSelect() {
    var sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) { return; }
    var r = sel.getRangeAt(0);
    if (!root.contains(r.commonAncestorContainer)) { return; }
    var a = offsetOf(r.startContainer, r.startOffset);
    var b = offsetOf(r.endContainer, r.endOffset);
    if (a === null || b === null || b <= a) { return; }
    fill(a, b, r.toString());
  }

  var name = document.getElementById("add-name");
  if (name) { name.addEventListener("input", function () { name.dataset.typed = "1"; }); }
  root.addEventListener("mouseup", onSelect);
  root.addEventListener("keyup", onSelect);
  document.addEventListener("selectionchange", function () {
    var sel = window.getSelection();
    if (sel && !sel.isCollapsed && root.contains(sel.anchorNode)) { onSelect(); }
  });
})();
