// Copy-link and copy-citation buttons beside every block's permalink (¶).
// The citation data sits in the page (.citation-data); the access date is the reader's
// today, so nothing in the built site depends on the day it was built.
(function () {
  "use strict";
  var data = document.querySelector(".citation-data");
  if (!data) return;
  var d = data.dataset;

  function today() {
    var now = new Date();
    var pad = function (n) { return String(n).padStart(2, "0"); };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }
  function address(id) { return location.href.split("#")[0] + "#" + id; }
  // A block as a reader cites it (第6问·第3点, Q6, point 3), written by the build on the block in
  // both languages; the id stays in the address only.
  function reference(id, language) {
    var block = document.getElementById(id);
    return (block && block.getAttribute("data-ref-" + language)) || id;
  }
  // GB/T 7714-2015, electronic resource: 主要责任者. 题名[EB/OL]. (发表日期)[引用日期]. 获取路径.
  function gbt(id) {
    return d.publisher + ". " + d.titleZh + "（" + reference(id, "zh") + "）[EB/OL]. (" + d.date + ")[" +
      today() + "]. " + address(id) + ".";
  }
  // An author-date English style (Chicago-like), for readers citing in English.
  function english(id) {
    return d.publisherEn + ". " + d.dateYear + ". \u201c" + d.titleEn + ",\u201d " + reference(id, "en") + ". " +
      d.site + ". Accessed " + today() + ". " + address(id) + ".";
  }
  // Screen readers hear "copied" too: a button's changed text is not announced by itself.
  var status = document.createElement("span");
  status.className = "cite-status";
  status.setAttribute("role", "status");
  document.body.appendChild(status);
  function copy(text, button) {
    var done = function () {
      var label = button.textContent;
      button.textContent = d.copied;
      status.textContent = d.copied;
      setTimeout(function () { button.textContent = label; status.textContent = ""; }, 1500);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallback(text); done(); });
    } else {
      fallback(text);
      done();
    }
  }
  function fallback(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } catch (e) {}
    area.remove();
  }
  var kinds = [["link", d.labelLink, address], ["gbt", "GB/T 7714", gbt], ["en", d.labelEnglish, english]];
  var pageLanguage = document.documentElement.lang.indexOf("en") === 0 ? "en" : "zh";
  document.querySelectorAll(".md-typeset .blk-link").forEach(function (link) {
    var id = link.getAttribute("href").slice(1);
    var box = document.createElement("span");
    box.className = "cite";
    box.setAttribute("data-pagefind-ignore", "");
    kinds.forEach(function (kind) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "cite-" + kind[0];
      button.textContent = kind[1];
      button.setAttribute("aria-label", kind[1] + " " + reference(id, pageLanguage));
      button.addEventListener("click", function () { copy(kind[2](id), button); });
      box.appendChild(button);
    });
    link.after(box);
  });
})();
