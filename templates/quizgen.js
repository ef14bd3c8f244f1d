/* quizgen: interactive quizzes, practice, flashcards and progress on a static site.
   Progressive enhancement of the quiz markup the site ships; no dependencies, no network but the
   site's own exports. Progress lives in localStorage, keyed by the stable question ids. */
(function () {
  "use strict";
  var STORE = "quizgen-progress-v1", CARDS = "quizgen-flashcards-v1", LETTERS = "ABCDEFGH";

  function load(key) { try { return JSON.parse(localStorage.getItem(key) || "{}") || {}; } catch (e) { return {}; } }
  function save(key, value) { try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode */ } }
  function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }
  function button(text, cls, label) {
    var b = el("button", { type: "button", "class": "md-button " + (cls || "") }, text);
    if (label) b.setAttribute("aria-label", label);
    return b;
  }
  function shuffle(items) {
    for (var i = items.length - 1; i > 0; i--) { var j = Math.floor(Math.random() * (i + 1)), t = items[i]; items[i] = items[j]; items[j] = t; }
    return items;
  }
  function record(id, right) {
    var progress = load(STORE), before = progress[id] || { tries: 0 };
    progress[id] = { right: right, tries: before.tries + 1 };
    save(STORE, progress);
  }

  /* ---- one question ------------------------------------------------------------------- */
  function optionItems(fs) { return all(fs.querySelector(".qg-options"), ":scope > li"); }

  function relabel(fs) {
    optionItems(fs).forEach(function (li, i) {
      var letter = li.querySelector(".qg-letter");
      if (letter) letter.textContent = fs.dataset.kind === "ordering" ? (i + 1) + "." : LETTERS[i] + ".";
    });
  }

  function setupChoice(fs) {
    optionItems(fs).forEach(function (li) {
      var input = el("input", { type: "radio", name: fs.id + "-choice", value: li.dataset.index });
      var label = el("label");
      label.appendChild(input);
      label.appendChild(el("span", { "class": "qg-letter", "aria-hidden": "true" }));
      label.appendChild(el("span", { "class": "qg-text" }, li.textContent));
      li.textContent = "";
      li.appendChild(label);
    });
  }

  function move(li, delta, fs) {
    var list = li.parentNode, items = optionItems(fs), at = items.indexOf(li), to = at + delta;
    if (to < 0 || to >= items.length || fs.dataset.done) return;
    list.insertBefore(li, delta < 0 ? items[to] : items[to].nextSibling);
    relabel(fs);
    fs.querySelector(".qg-feedback").textContent = "Moved to position " + (to + 1) + " of " + items.length + ".";
  }

  function setupOrdering(fs) {
    var dragged = null;
    optionItems(fs).forEach(function (li) {
      var text = li.textContent;
      li.textContent = "";
      li.setAttribute("draggable", "true");
      li.appendChild(el("span", { "class": "qg-letter", "aria-hidden": "true" }));
      li.appendChild(el("span", { "class": "qg-text" }, text));
      var up = button("↑", "qg-move qg-up", "Move up: " + text), down = button("↓", "qg-move qg-down", "Move down: " + text);
      up.addEventListener("click", function () { move(li, -1, fs); up.focus(); });
      down.addEventListener("click", function () { move(li, 1, fs); down.focus(); });
      li.appendChild(up);
      li.appendChild(down);
      li.addEventListener("dragstart", function (e) { dragged = li; e.dataTransfer.effectAllowed = "move"; e.dataTransfer.setData("text/plain", text); });
      li.addEventListener("dragover", function (e) { if (dragged && !fs.dataset.done) e.preventDefault(); });
      li.addEventListener("drop", function (e) {
        e.preventDefault();
        if (!dragged || dragged === li || fs.dataset.done) return;
        var box = li.getBoundingClientRect(), after = e.clientY > box.top + box.height / 2;
        li.parentNode.insertBefore(dragged, after ? li.nextSibling : li);
        dragged = null;
        relabel(fs);
      });
    });
  }

  function setupQuestion(fs, quiz) {
    if (fs.dataset.ready) return;
    fs.dataset.ready = "1";
    var details = fs.querySelector(".qg-answer");
    if (fs.dataset.kind === "ordering") setupOrdering(fs); else setupChoice(fs);
    relabel(fs);
    var actions = el("div", { "class": "qg-actions" }), check = button("Check answer", "md-button--primary qg-check");
    actions.appendChild(check);
    fs.insertBefore(actions, details);
    fs.insertBefore(el("p", { "class": "qg-feedback", role: "status", "aria-live": "polite" }), details);
    details.hidden = true;
    check.addEventListener("click", function () { checkQuestion(fs, quiz); });
  }

  function badge(li, text, cls) { li.appendChild(el("span", { "class": "qg-badge " + cls }, text)); }

  function checkQuestion(fs, quiz) {
    if (fs.dataset.done) return;
    var feedback = fs.querySelector(".qg-feedback"), items = optionItems(fs), right, message;
    if (fs.dataset.kind === "ordering") {
      var order = fs.dataset.order.split(","), current = items.map(function (li) { return li.dataset.index; });
      right = current.join() === order.join();
      items.forEach(function (li, i) {
        var ok = current[i] === order[i];
        li.classList.add(ok ? "qg-right" : "qg-wrong");
        badge(li, ok ? "✓ in place" : "✗ belongs at " + (order.indexOf(li.dataset.index) + 1), ok ? "qg-ok" : "qg-no");
      });
      message = right ? "✓ Right: that is the order they happened in." : "✗ Not quite: the numbers show where each event belongs.";
    } else {
      var chosen = fs.querySelector("input:checked");
      if (!chosen) { feedback.textContent = "Choose an answer first."; return; }
      var correctLi = items.filter(function (li) { return li.dataset.index === fs.dataset.correct; })[0];
      var chosenLi = chosen.closest("li");
      right = chosenLi === correctLi;
      badge(correctLi, "✓ Correct answer", "qg-ok");
      correctLi.classList.add("qg-right");
      if (!right) { badge(chosenLi, "✗ Your answer", "qg-no"); chosenLi.classList.add("qg-wrong"); }
      var letter = correctLi.querySelector(".qg-letter").textContent;
      var line = fs.querySelector(".qg-correct strong"), rest = line && line.nextSibling;
      /* Retry reshuffles the options: the answer line names the letter shown now. */
      if (rest && rest.nodeType === 3) rest.textContent = rest.textContent.replace(/^\s*[A-Z]\./, " " + letter);
      message = right ? "✓ Right!" : "✗ Not quite. The answer is " + letter + " " + correctLi.querySelector(".qg-text").textContent + ".";
      if (!right && chosenLi.dataset.note) message += " About your answer: " + chosenLi.dataset.note;
      all(fs, "input").forEach(function (input) { input.disabled = true; });
    }
    all(fs, ".qg-move").forEach(function (b) { b.disabled = true; });
    fs.dataset.done = "1";
    fs.dataset.right = right ? "1" : "0";
    fs.classList.add(right ? "qg-is-right" : "qg-is-wrong");
    feedback.textContent = message;
    var details = fs.querySelector(".qg-answer");
    details.hidden = false;
    details.open = true;
    fs.querySelector(".qg-check").disabled = true;
    record(fs.dataset.questionId, right);
    updateScore(quiz);
  }

  function resetQuestion(fs) {
    delete fs.dataset.done;
    delete fs.dataset.right;
    fs.classList.remove("qg-is-right", "qg-is-wrong");
    all(fs, ".qg-badge").forEach(function (b) { b.remove(); });
    var list = fs.querySelector(".qg-options");
    optionItems(fs).forEach(function (li) { li.classList.remove("qg-right", "qg-wrong"); });
    if (fs.dataset.kind !== "true-false") shuffle(optionItems(fs)).forEach(function (li) { list.appendChild(li); });
    all(fs, "input").forEach(function (input) { input.disabled = false; input.checked = false; });
    all(fs, "button").forEach(function (b) { b.disabled = false; });
    fs.querySelector(".qg-feedback").textContent = "";
    fs.querySelector(".qg-answer").hidden = true;
    relabel(fs);
  }

  /* ---- a quiz: score, results, retry ---------------------------------------------------- */
  function visibleQuestions(quiz) {
    return all(quiz, "fieldset.qg-question").filter(function (fs) { return !fs.closest(".qg-item").hidden; });
  }

  function updateScore(quiz) {
    var questions = visibleQuestions(quiz), done = questions.filter(function (fs) { return fs.dataset.done; });
    var right = done.filter(function (fs) { return fs.dataset.right === "1"; });
    quiz.querySelector(".qg-score").textContent = "Score: " + right.length + " right of " + done.length + " answered, " + questions.length + " questions.";
    var results = quiz.querySelector(".qg-results");
    if (done.length < questions.length || !questions.length) { results.hidden = true; return; }
    results.textContent = "";
    var percent = Math.round(100 * right.length / questions.length);
    results.appendChild(el("h3", { tabindex: "-1" }, "Results"));
    results.appendChild(el("p", { "class": "qg-total" }, "You got " + right.length + " of " + questions.length + " right (" + percent + "%)."));
    var missed = questions.filter(function (fs) { return fs.dataset.right !== "1"; });
    if (missed.length) {
      results.appendChild(el("p", {}, "Questions you missed:"));
      var list = el("ul", { "class": "qg-missed" });
      missed.forEach(function (fs) {
        var li = el("li"), a = el("a", { href: "#" + fs.id }, fs.querySelector("legend").textContent);
        li.appendChild(a);
        list.appendChild(li);
      });
      results.appendChild(list);
    }
    var again = button("Retry (options reshuffled)", "qg-retry");
    again.addEventListener("click", function () { restart(quiz, "same"); });
    results.appendChild(again);
    if (missed.length) {
      var review = button("Review my mistakes", "md-button--primary qg-review");
      review.addEventListener("click", function () { restart(quiz, "missed"); });
      results.appendChild(review);
    }
    if (questions.length < all(quiz, "fieldset.qg-question").length) { /* reviewing: offer the whole quiz back */
      var whole = button("Whole quiz again", "qg-whole");
      whole.addEventListener("click", function () { restart(quiz, "all"); });
      results.appendChild(whole);
    }
    results.hidden = false;
  }

  /* mode: "same" retries the questions shown now, "missed" only those answered wrongly, "all" every one. */
  function restart(quiz, mode) {
    all(quiz, ".qg-item").forEach(function (item) {
      var fs = item.querySelector("fieldset.qg-question");
      if (mode === "all") item.hidden = false;
      else if (mode === "missed") item.hidden = item.hidden || fs.dataset.right === "1";
      resetQuestion(fs);
    });
    updateScore(quiz);
    var first = visibleQuestions(quiz)[0];
    if (first) { var input = first.querySelector("input, button"); if (input) input.focus(); }
  }

  function setupQuiz(quiz) {
    if (quiz.dataset.ready) return;
    quiz.dataset.ready = "1";
    var score = el("p", { "class": "qg-score", role: "status", "aria-live": "polite" });
    quiz.insertBefore(score, quiz.firstChild);
    quiz.appendChild(el("section", { "class": "qg-results", "aria-live": "polite", hidden: "" }));
    all(quiz, "fieldset.qg-question").forEach(function (fs) { setupQuestion(fs, quiz); });
    updateScore(quiz);
  }

  /* ---- pages built from the exported bank: practice and progress ------------------------ */
  function fetchJson(url) { return fetch(url).then(function (r) { if (!r.ok) throw new Error(url); return r.json(); }); }

  function questionMarkup(q, articleUrl) {
    var item = el("li", { "class": "qg-item" });
    var fs = el("fieldset", { "class": "qg-question", id: q.id, "data-question-id": q.id, "data-kind": q.kind, "data-family": q.family });
    if (q.correct !== null) fs.dataset.correct = String(q.correct);
    if (q.correct_order) fs.dataset.order = q.correct_order.join(",");
    fs.appendChild(el("legend", {}, q.stem));
    var list = el("ol", { "class": "qg-options" });
    q.options.forEach(function (option, i) {
      var li = el("li", { "class": "qg-option", "data-index": String(i) }, option);
      if (q.option_notes[i]) li.dataset.note = q.option_notes[i];
      list.appendChild(li);
    });
    fs.appendChild(list);
    var details = el("details", { "class": "qg-answer" });
    details.appendChild(el("summary", {}, "Answer and explanation"));
    details.appendChild(el("p", { "class": "qg-explanation" }, q.explanation));
    var sources = el("p", { "class": "qg-sources" }, "Sources: ");
    q.sources.forEach(function (s) { sources.appendChild(el("a", { href: articleUrl.replace("{id}", s.article) + "#" + s.anchor }, s.article)); sources.appendChild(document.createTextNode(" ")); });
    details.appendChild(sources);
    fs.appendChild(details);
    item.appendChild(fs);
    return item;
  }

  function select(name, label, choices) {
    var wrap = el("label", { "class": "qg-filter" }, label + " "), sel = el("select", { name: name });
    choices.forEach(function (c) { sel.appendChild(el("option", { value: c[0] }, c[1])); });
    wrap.appendChild(sel);
    return wrap;
  }

  function setupPractice(root) {
    if (root.dataset.ready) return;
    root.dataset.ready = "1";
    fetchJson(root.dataset.bank).then(function (bank) {
      var form = el("form", { "class": "qg-practice-form" });
      form.appendChild(select("article", "Article", [["", "All articles"]].concat(Object.keys(bank.articles).map(function (id) { return [id, bank.articles[id].outlet + ": " + bank.articles[id].headline]; }))));
      form.appendChild(select("topic", "Topic", [["", "All topics"]].concat(Object.keys(bank.topics).map(function (id) { return [id, bank.topics[id].title]; }))));
      form.appendChild(select("kind", "Kind", [["", "All kinds"], ["multiple-choice", "Multiple choice"], ["true-false", "True or false"], ["ordering", "Put in order"]]));
      form.appendChild(select("count", "Questions", [["10", "10"], ["5", "5"], ["20", "20"]]));
      form.appendChild(button("Draw questions", "md-button--primary qg-draw"));
      var status = el("p", { "class": "qg-practice-status", role: "status", "aria-live": "polite" }), holder = el("div");
      root.textContent = "";
      root.appendChild(form); root.appendChild(status); root.appendChild(holder);
      function draw() {
        var f = form.elements, pool = bank.questions.filter(function (q) {
          return (!f.article.value || q.articles.indexOf(f.article.value) >= 0) && (!f.topic.value || q.topics.indexOf(f.topic.value) >= 0) && (!f.kind.value || q.kind === f.kind.value);
        });
        var chosen = shuffle(pool.slice()).slice(0, parseInt(f.count.value, 10));
        holder.textContent = "";
        status.textContent = chosen.length ? chosen.length + " questions drawn from " + pool.length + "." : "No question matches these filters.";
        if (!chosen.length) return;
        var quiz = el("div", { "class": "qg-quiz", "data-quiz": "practice" }), list = el("ol", { "class": "qg-questions" });
        chosen.forEach(function (q) { list.appendChild(questionMarkup(q, root.dataset.articleUrl)); });
        quiz.appendChild(list);
        holder.appendChild(quiz);
        all(quiz, ".qg-question").forEach(function (fs) { if (fs.dataset.kind !== "true-false") shuffle(optionItems(fs)).forEach(function (li) { li.parentNode.appendChild(li); }); });
        setupQuiz(quiz);
      }
      form.querySelector(".qg-draw").addEventListener("click", draw);
      draw();
    }).catch(function () { root.textContent = "The question bank could not be loaded."; });
  }

  function progressTable(caption, rows) {
    var table = el("table", { "class": "qg-progress-table" }), head = el("tr");
    table.appendChild(el("caption", {}, caption));
    ["", "Questions", "Answered", "Right"].forEach(function (h) { head.appendChild(el("th", { scope: "col" }, h)); });
    table.appendChild(head);
    rows.forEach(function (r) {
      var tr = el("tr");
      tr.appendChild(el("th", { scope: "row" }, r[0]));
      [r[1], r[2], r[3]].forEach(function (v) { tr.appendChild(el("td", {}, String(v))); });
      table.appendChild(tr);
    });
    return table;
  }

  function setupProgress(root) {
    if (root.dataset.ready) return;
    root.dataset.ready = "1";
    fetchJson(root.dataset.bank).then(function (bank) {
      function render() {
        var progress = load(STORE), known = {}, kept = {};
        bank.questions.forEach(function (q) { known[q.id] = q; if (progress[q.id]) kept[q.id] = progress[q.id]; });
        save(STORE, kept); /* a regenerated site keeps what still matches and drops the rest */
        function rows(groups, key, title) {
          return Object.keys(groups).map(function (id) {
            var qs = bank.questions.filter(function (q) { return q[key].indexOf(id) >= 0; });
            var answered = qs.filter(function (q) { return kept[q.id]; }), right = answered.filter(function (q) { return kept[q.id].right; });
            return [title(groups[id]), qs.length, answered.length, right.length];
          });
        }
        var total = Object.keys(kept).length, right = Object.keys(kept).filter(function (id) { return kept[id].right; }).length;
        root.textContent = "";
        root.appendChild(el("p", { "class": "qg-progress-total", role: "status" }, "You have answered " + total + " of " + bank.questions.length + " questions; " + right + " right the last time you tried them."));
        root.appendChild(progressTable("By article", rows(bank.articles, "articles", function (a) { return a.outlet + ": " + a.headline; })));
        root.appendChild(progressTable("By topic", rows(bank.topics, "topics", function (t) { return t.title; })));
        var clear = button("Clear my progress", "qg-clear");
        clear.addEventListener("click", function () { save(STORE, {}); render(); });
        root.appendChild(clear);
      }
      render();
    }).catch(function () { root.textContent = "The question bank could not be loaded."; });
  }

  /* ---- glossary flashcards --------------------------------------------------------------- */
  function setupFlashcards(root) {
    if (root.dataset.ready) return;
    root.dataset.ready = "1";
    var cards = all(root, ".qg-card"), known = load(CARDS), status = el("p", { "class": "qg-card-status", role: "status", "aria-live": "polite" });
    var controls = el("div", { "class": "qg-card-controls" }), flip = button("Show definition", "md-button--primary qg-flip");
    var yes = button("I knew it", "qg-known"), no = button("Not yet", "qg-not-yet"), again = button("Start again", "qg-again");
    [flip, yes, no, again].forEach(function (b) { controls.appendChild(b); });
    root.insertBefore(status, root.firstChild);
    root.appendChild(controls);
    var queue = [], current = null;
    function show() {
      cards.forEach(function (c) { c.hidden = true; });
      var left = cards.filter(function (c) { return !known[c.dataset.term]; }).length;
      if (!queue.length) queue = cards.filter(function (c) { return !known[c.dataset.term]; });
      current = queue.shift() || null;
      var done = !current;
      flip.hidden = yes.hidden = no.hidden = done;
      again.hidden = !done;
      status.textContent = done ? "You know all " + cards.length + " terms." : (cards.length - left) + " of " + cards.length + " known; " + left + " to go.";
      if (!current) return;
      current.hidden = false;
      current.querySelector("details").open = false;
      yes.disabled = no.disabled = true;
    }
    flip.addEventListener("click", function () { if (current) { current.querySelector("details").open = true; yes.disabled = no.disabled = false; yes.focus(); } });
    yes.addEventListener("click", function () { known[current.dataset.term] = true; save(CARDS, known); show(); flip.focus(); });
    no.addEventListener("click", function () { delete known[current.dataset.term]; save(CARDS, known); queue.push(current); show(); flip.focus(); });
    again.addEventListener("click", function () { known = {}; save(CARDS, known); queue = []; show(); flip.focus(); });
    root.classList.add("qg-cards-ready");
    show();
  }

  function init() {
    /* The theme's search dialog has no accessible name (axe: aria-dialog-name); give it one. */
    all(document, '.md-search[role="dialog"]:not([aria-label])').forEach(function (d) { d.setAttribute("aria-label", "Search"); });
    all(document, ".qg-quiz").forEach(setupQuiz);
    all(document, "#qg-practice").forEach(setupPractice);
    all(document, "#qg-progress").forEach(setupProgress);
    all(document, "#qg-flashcards").forEach(setupFlashcards);
  }

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init); /* instant navigation */
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
