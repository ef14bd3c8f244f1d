/* quizgen: interactive quizzes, practice, flashcards and progress on a static site.
   Progressive enhancement of the quiz markup the site ships; no dependencies, no network but the
   site's own exports. Progress lives in localStorage, keyed by the stable question ids; a page's
   quiz state (answers, order, review, practice set) in sessionStorage, so that reload, Back and
   instant navigation bring it back. Every key is namespaced by the site's folder (two quizgen sites
   on one origin keep their own) and versioned. */
(function () {
  "use strict";
  var me = document.currentScript, LETTERS = "ABCDEFGH";
  var NS = "quizgen-v2:" + new URL(me ? me.src.replace(/assets\/quizgen\.js.*$/, "") : "/", location.href).pathname + ":";
  var STORE = NS + "progress", CARDS = NS + "leitner", DAYS = [0, 1, 3, 7, 14];

  function area(session) { return session ? window.sessionStorage : window.localStorage; }
  function load(key, session) { try { return JSON.parse(area(session).getItem(key) || "{}") || {}; } catch (e) { return {}; } }
  function save(key, value, session) { try { area(session).setItem(key, JSON.stringify(value)); } catch (e) { /* private mode */ } }
  function pageKey(what) { return NS + what + ":" + location.pathname; }
  function counted(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
  function one(root, selector) { return root.querySelector(selector); }
  function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }
  /* click: what the button does (optional); label: its accessible name, when not its text */
  function button(text, cls, click, label) {
    var b = el("button", { type: "button", "class": "md-button " + (cls || "") }, text);
    if (label) b.setAttribute("aria-label", label);
    if (click) b.addEventListener("click", click);
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
  function optionItems(fs) { return all(one(fs, ".qg-options"), ":scope > li"); }
  /* numeric and matching items: the number written in, the letter chosen by each item */
  function written(fs) { return all(fs, ".qg-write"); }
  function unanswered(fs) {
    var w = written(fs);
    return fs.dataset.kind !== "ordering" && !one(fs, "input:checked") && !(w.length && w.every(function (x) { return x.value.trim(); }));
  }

  function relabel(fs) {
    var items = optionItems(fs);
    items.forEach(function (li, i) {
      var letter = one(li, ".qg-letter"), up = one(li, ".qg-up"), down = one(li, ".qg-down");
      if (letter) letter.textContent = (fs.dataset.kind === "ordering" ? i + 1 : LETTERS[i]) + ".";
      if (up) { up.disabled = !!fs.dataset.done || !i; down.disabled = !!fs.dataset.done || i === items.length - 1; }
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
    one(fs, ".qg-feedback").textContent = "Moved to position " + (to + 1) + " of " + items.length + ".";
    saveQuiz(fs.closest(".qg-quiz"));
  }

  function setupOrdering(fs) {
    var dragged = null;
    optionItems(fs).forEach(function (li) {
      var text = li.textContent;
      li.textContent = "";
      li.setAttribute("draggable", "true");
      li.appendChild(el("span", { "class": "qg-letter", "aria-hidden": "true" }));
      li.appendChild(el("span", { "class": "qg-text" }, text));
      /* the first ↑ and last ↓ are disabled: keep the focus on the item's other button */
      var up = button("↑", "qg-move qg-up", function () { move(li, -1, fs); (up.disabled ? down : up).focus(); }, "Move up: " + text);
      var down = button("↓", "qg-move qg-down", function () { move(li, 1, fs); (down.disabled ? up : down).focus(); }, "Move down: " + text);
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
        saveQuiz(fs.closest(".qg-quiz"));
      });
    });
  }

  function setupQuestion(fs, quiz) {
    if (fs.dataset.ready) return;
    fs.dataset.ready = "1";
    var details = one(fs, ".qg-answer");
    if (fs.dataset.kind === "ordering") setupOrdering(fs); else if (!written(fs).length) setupChoice(fs);
    relabel(fs);
    var actions = el("div", { "class": "qg-actions" }), check = button("Check answer", "md-button--primary qg-check", function () { checkQuestion(fs, quiz); });
    actions.appendChild(check);
    /* Hints from the sources: the paragraph that holds the answer (#where-quote-…), not the quote */
    var links = all(details, ".qg-sources a");
    links.forEach(function (a) {
      var where = el("a", { href: a.getAttribute("href").replace("#quote-", "#where-quote-"), "class": "qg-hint" }, "Show me where to look" + (links.length > 1 ? " (" + a.textContent + ")" : ""));
      actions.appendChild(where);
    });
    fs.insertBefore(actions, details);
    fs.insertBefore(el("p", { "class": "qg-feedback", role: "status", "aria-live": "polite", tabindex: "-1" }), details);
    details.hidden = true;
    fs.addEventListener("change", function () { saveQuiz(quiz); });
  }

  function badge(li, text, cls) { li.appendChild(el("span", { "class": "qg-badge " + cls }, text)); }

  /* quiet: restoring a saved answer, neither recorded again nor focused */
  function checkQuestion(fs, quiz, quiet, force) {
    if (fs.dataset.done) return;
    if (quiz.dataset.mode === "test" && !force) return hold(fs, quiz, quiet);
    var feedback = one(fs, ".qg-feedback"), items = optionItems(fs), w = written(fs), right, message;
    var miss = force === "blank" ? "✗ Not answered" : "✗ Not quite";
    if (unanswered(fs) && !force) { feedback.textContent = "Choose an answer first."; return; }
    if (w.length) {
      var order = (fs.dataset.order || "").split(","), n = parseFloat(w[0].value.replace(/[^\d.-]/g, ""));
      /* at the end of a test, an answer never saved is not an answer */
      right = force !== "blank" && (fs.dataset.value ? Math.abs(n - fs.dataset.value) <= +fs.dataset.tolerance : !items.filter(function (li) {
        var ok = one(li, "select").value === order[li.dataset.index];
        li.classList.add(ok ? "qg-right" : "qg-wrong");
        badge(li, ok ? "✓ Right" : "✗ The answer is " + LETTERS[order[li.dataset.index]], ok ? "qg-ok" : "qg-no");
        return !ok;
      }).length);
      message = right ? "✓ Right!" : miss + ". " + one(fs, ".qg-correct").textContent;
    } else if (fs.dataset.kind === "ordering") {
      var order = fs.dataset.order.split(","), current = items.map(function (li) { return li.dataset.index; });
      /* at the end of a test, an order never saved is not an answer, even if it happens to be right */
      right = force !== "blank" && current.join() === order.join();
      items.forEach(function (li, i) {
        var ok = current[i] === order[i];
        li.classList.add(ok ? "qg-right" : "qg-wrong");
        badge(li, ok ? "✓ in place" : "✗ belongs at " + (order.indexOf(li.dataset.index) + 1), ok ? "qg-ok" : "qg-no");
      });
      message = right ? "✓ Right: that is the order they happened in." : miss + ": the numbers show where each event belongs.";
    } else {
      var chosen = one(fs, "input:checked");
      var correctLi = items.filter(function (li) { return li.dataset.index === fs.dataset.correct; })[0];
      var chosenLi = chosen && chosen.closest("li");
      right = chosenLi === correctLi;
      badge(correctLi, "✓ Correct answer", "qg-ok");
      correctLi.classList.add("qg-right");
      if (!right && chosenLi) { badge(chosenLi, "✗ Your answer", "qg-no"); chosenLi.classList.add("qg-wrong"); }
      var letter = one(correctLi, ".qg-letter").textContent;
      var line = one(fs, ".qg-correct strong"), rest = line && line.nextSibling;
      /* Retry reshuffles the options: the answer line names the letter shown now. */
      if (rest && rest.nodeType === 3) rest.textContent = rest.textContent.replace(/^\s*[A-Z]\./, " " + letter);
      message = right ? "✓ Right!" : "✗ " + (chosenLi ? "Not quite" : "Not answered") + ". The answer is " + letter + " " + one(correctLi, ".qg-text").textContent + "."
        + (chosenLi && chosenLi.dataset.note ? " About your answer: " + chosenLi.dataset.note : "");
    }
    all(fs, "input, select, .qg-move").forEach(function (b) { b.disabled = true; });
    delete fs.dataset.held;
    if (force === "blank") fs.dataset.blank = "1";
    fs.dataset.done = "1";
    fs.dataset.right = right ? "1" : "0";
    fs.classList.add(right ? "qg-is-right" : "qg-is-wrong");
    feedback.textContent = message;
    var details = one(fs, ".qg-answer");
    details.hidden = false;
    details.open = true;
    one(fs, ".qg-check").disabled = true;
    if (quiet) return;
    record(fs.dataset.questionId, right);
    updateScore(quiz);
    feedback.focus();
  }

  /* Test mode: the answer is kept, and neither judged nor explained until the end. */
  function hold(fs, quiz, quiet) {
    if (unanswered(fs)) { one(fs, ".qg-feedback").textContent = "Choose an answer first."; return; }
    fs.dataset.held = "1";
    all(fs, "input, select, .qg-move, .qg-check").forEach(function (b) { b.disabled = true; });
    one(fs, ".qg-feedback").textContent = "Answer saved. You will see how you did at the end of the test.";
    if (quiet) return;
    updateScore(quiz);
    one(fs, ".qg-feedback").focus();
  }

  function resetQuestion(fs) {
    ["held", "blank", "done", "right"].forEach(function (k) { delete fs.dataset[k]; });
    fs.classList.remove("qg-is-right", "qg-is-wrong");
    all(fs, ".qg-badge").forEach(function (b) { b.remove(); });
    var list = one(fs, ".qg-options");
    optionItems(fs).forEach(function (li) { li.classList.remove("qg-right", "qg-wrong"); });
    if (fs.dataset.kind !== "true-false") shuffle(optionItems(fs)).forEach(function (li) { list.appendChild(li); });
    all(fs, "input, select").forEach(function (input) { input.disabled = false; input.checked = false; });
    written(fs).forEach(function (x) { x.value = ""; });
    all(fs, "button").forEach(function (b) { b.disabled = false; });
    one(fs, ".qg-feedback").textContent = "";
    one(fs, ".qg-answer").hidden = true;
    relabel(fs);
  }

  /* ---- a quiz: score, results, retry ---------------------------------------------------- */
  function visibleQuestions(quiz) {
    return all(quiz, ".qg-question").filter(function (fs) { return !fs.closest(".qg-item").hidden; });
  }

  function updateScore(quiz) {
    var questions = visibleQuestions(quiz), done = questions.filter(function (fs) { return fs.dataset.done; }), test = quiz.dataset.mode === "test";
    var right = done.filter(function (fs) { return fs.dataset.right === "1"; });
    var whole = questions.length === all(quiz, ".qg-question").length, complete = done.length === questions.length && questions.length;
    /* the first complete attempt at the whole quiz stays, whatever Retry and Review do after it */
    if (complete && whole && !quiz.dataset.first) quiz.dataset.first = right.length + " of " + questions.length;
    var first = quiz.dataset.first ? " First attempt: " + quiz.dataset.first + " right." : "";
    quiz.classList.toggle("qg-test", test);
    all(quiz, ".qg-check").forEach(function (b) { b.textContent = test ? "Save answer" : "Check answer"; });
    quiz.classList.toggle("qg-test-done", test && !!complete);
    var bar = one(quiz, ".qg-mode");
    if (bar) bar.className = "qg-mode" + (test ? (complete ? " qg-mode-done" : " qg-mode-running") : "");
    one(quiz, ".qg-score").textContent = test && !complete ? "Test: " + questions.filter(function (fs) { return fs.dataset.held; }).length + " of " + counted(questions.length, "question") + " answered; you see how you did when you finish." : "Score: " + right.length + " right of " + done.length + " answered, " + counted(questions.length, "question") + "." + first;
    saveQuiz(quiz);
    var results = one(quiz, ".qg-results");
    if (!complete) { results.hidden = true; return; }
    results.textContent = "";
    var percent = Math.round(100 * right.length / questions.length);
    results.appendChild(el("h3", { tabindex: "-1" }, (test ? "Test results: " : "Results: ") + document.title.split(" - ")[0]));
    results.appendChild(el("p", { "class": "qg-total" }, "You got " + right.length + " of " + questions.length + " right (" + percent + "%)." + first));
    var missed = questions.filter(function (fs) { return fs.dataset.right !== "1"; });
    if (missed.length) {
      results.appendChild(el("p", {}, "Questions you missed:"));
      var list = el("ul", { "class": "qg-missed" }), seen = {};
      missed.forEach(function (fs) { var t = stemOf(fs); seen[t] = (seen[t] || 0) + 1; });
      missed.forEach(function (fs) {
        var text = one(fs, "legend").textContent.trim(), li = el("li");
        /* identical stems (every ordering question) are told apart by their options */
        if (seen[stemOf(fs)] > 1) text += " (" + optionItems(fs).map(function (o) { return one(o, ".qg-text").textContent; }).sort().join("; ").slice(0, 90) + "…)";
        var a = el("a", { href: "#" + fs.id }, text);
        /* in-page: scroll to the question; instant navigation must not reload the page */
        a.addEventListener("click", function (e) { e.preventDefault(); e.stopPropagation(); one(fs, ".qg-feedback").focus(); });
        li.appendChild(a);
        all(fs, ".qg-sources a").forEach(function (s) { li.appendChild(document.createTextNode(" · ")); li.appendChild(s.cloneNode(true)); });
        list.appendChild(li);
      });
      results.appendChild(list);
    }
    if (test) results.appendChild(button("Print this summary", "qg-print", function () { window.print(); }));
    results.appendChild(button("Retry (options reshuffled)", "qg-retry", function () { restart(quiz, "same"); }));
    if (missed.length) results.appendChild(button("Review my mistakes", "md-button--primary qg-review", function () { restart(quiz, "missed"); }));
    /* reviewing: offer the whole quiz back */
    if (!whole) results.appendChild(button("Whole quiz again", "qg-whole", function () { restart(quiz, "all"); }));
    results.hidden = false;
  }

  /* mode: "same" retries the questions shown now, "missed" only those answered wrongly, "all" every one. */
  function restart(quiz, mode, test) {
    if (test !== undefined) { quiz.dataset.mode = test ? "test" : ""; quiz.dataset.deadline = test || ""; }
    else if (quiz.dataset.mode && quiz.dataset.limit > 0) quiz.dataset.deadline = Date.now() + quiz.dataset.limit * 60000;
    all(quiz, ".qg-item").forEach(function (item) {
      var fs = one(item, ".qg-question");
      if (mode === "all") item.hidden = false;
      else if (mode === "missed") item.hidden = item.hidden || fs.dataset.right === "1";
      resetQuestion(fs);
    });
    updateScore(quiz);
    tick(quiz);
    var first = visibleQuestions(quiz)[0];
    if (first) { var input = one(first, "input, select, button"); if (input) input.focus(); }
  }

  function setupQuiz(quiz) {
    if (quiz.dataset.ready) return;
    quiz.dataset.ready = "1";
    var score = el("p", { "class": "qg-score", role: "status", "aria-live": "polite" });
    quiz.insertBefore(score, quiz.firstChild);
    if (quiz.dataset.quiz !== "practice") quiz.insertBefore(modeBar(quiz), score);
    quiz.appendChild(el("section", { "class": "qg-results", "aria-live": "polite", hidden: "" }));
    all(quiz, ".qg-question").forEach(function (fs) { setupQuestion(fs, quiz); });
    restoreQuiz(quiz);
    updateScore(quiz);
    tick(quiz);
  }

  /* ---- test mode: feedback held to the end, an optional time limit ----------------------- */
  function modeBar(quiz) {
    var bar = el("div", { "class": "qg-mode", role: "group", "aria-label": "Test mode" });
    bar.appendChild(el("p", { "class": "qg-mode-note" }, "Test mode holds every answer's feedback until you finish."));
    var limit = select("limit", "Time limit", [["0", "None"], ["5", "5 minutes"], ["10", "10 minutes"], ["20", "20 minutes"]]);
    var start = button("Start a test", "qg-start-test", function () {
      quiz.dataset.limit = one(limit, "select").value;
      restart(quiz, "all", quiz.dataset.limit > 0 ? Date.now() + quiz.dataset.limit * 60000 : 1);
    });
    var finish = button("Finish the test", "md-button--primary qg-finish", function () { finishTest(quiz); });
    var practice = button("Back to practice mode", "qg-practice-mode", function () { restart(quiz, "all", 0); });
    [limit, start, el("span", { "class": "qg-timer", role: "timer", "aria-live": "off" }), finish, practice].forEach(function (n) { bar.appendChild(n); });
    return bar;
  }

  /* the deadline is a time (ms), or 1 for a test without a limit */
  function tick(quiz) {
    clearInterval(quiz.qgTimer);
    var timer = one(quiz, ".qg-timer");
    if (!timer) return;
    timer.textContent = "";
    if (quiz.dataset.mode !== "test" || quiz.classList.contains("qg-test-done") || !(quiz.dataset.deadline > 1)) return;
    function update() {
      var left = Math.max(0, Math.ceil((quiz.dataset.deadline - Date.now()) / 1000));
      timer.textContent = "Time left: " + Math.floor(left / 60) + ":" + ("0" + left % 60).slice(-2);
      /* a quiz left by instant navigation stops; its saved deadline ends the test on return */
      if (!document.contains(quiz)) return clearInterval(quiz.qgTimer);
      if (!left) { clearInterval(quiz.qgTimer); finishTest(quiz); }
    }
    quiz.qgTimer = setInterval(update, 1000);
    update();
  }

  function finishTest(quiz) {
    visibleQuestions(quiz).forEach(function (fs) {
      if (fs.dataset.done) return;
      checkQuestion(fs, quiz, true, fs.dataset.held ? true : "blank");
      record(fs.dataset.questionId, fs.dataset.right === "1");
    });
    updateScore(quiz);
    tick(quiz);
    one(quiz, ".qg-results h3").focus();
  }

  function stemOf(fs) { var legend = one(fs, "legend").cloneNode(true), n = one(legend, ".qg-number"); if (n) n.remove(); return legend.textContent.trim(); }
  function quizKey(quiz) { return pageKey("quiz") + "#" + quiz.dataset.quiz; }

  /* A quiz's state: each question's option order, choice, whether checked and hidden (review). */
  var KEPT = ["first", "mode", "deadline", "limit"];
  function saveQuiz(quiz) {
    if (!quiz || quiz.dataset.restoring) return;
    var state = { q: {} };
    KEPT.forEach(function (k) { state[k] = quiz.dataset[k] || ""; });
    all(quiz, ".qg-question").forEach(function (fs) {
      var chosen = one(fs, "input:checked");
      state.q[fs.id] = [optionItems(fs).map(function (li) { return li.dataset.index; }).join(), chosen ? chosen.value : written(fs).map(function (x) { return x.value; }).join("|"), fs.dataset.done ? (fs.dataset.blank ? 3 : 1) : fs.dataset.held ? 2 : 0, fs.closest(".qg-item").hidden ? 1 : 0];
    });
    save(quizKey(quiz), state, true);
  }

  function restoreQuiz(quiz) {
    var state = load(quizKey(quiz), true);
    if (!state.q) return;
    quiz.dataset.restoring = "1";
    KEPT.forEach(function (k) { if (state[k]) quiz.dataset[k] = state[k]; });
    all(quiz, ".qg-question").forEach(function (fs) {
      var saved = state.q[fs.id], list = one(fs, ".qg-options");
      if (!saved) return;
      saved[0].split(",").forEach(function (i) { var li = one(list, ':scope > li[data-index="' + i + '"]'); if (li) list.appendChild(li); });
      relabel(fs);
      var w = written(fs), input = !w.length && saved[1] && one(fs, 'input[value="' + saved[1] + '"]');
      if (input) input.checked = true;
      w.forEach(function (x, i) { x.value = saved[1].split("|")[i] || ""; });
      fs.closest(".qg-item").hidden = !!saved[3];
      if (saved[2] === 1 || saved[2] === 3) checkQuestion(fs, quiz, true, saved[2] === 3 ? "blank" : true);
      if (saved[2] === 2) hold(fs, quiz, true);
    });
    delete quiz.dataset.restoring;
  }

  /* "Skip to the quiz": the first Tab stop of a page with a quiz leads to its first open question. */
  function skipLink() {
    all(document, ".qg-skip").forEach(function (a) { a.remove(); });
    if (!one(document, ".qg-quiz .qg-question")) return;
    var a = el("a", { href: "#", "class": "md-skip qg-skip" }, "Skip to the quiz");
    a.addEventListener("click", function (e) {
      e.preventDefault(); e.stopPropagation();
      var open = visibleQuestions(document).filter(function (fs) { return !fs.dataset.done && !fs.dataset.held; })[0];
      var target = open && one(open, "input, select, .qg-move:not(:disabled)");
      if (target) target.focus();
    });
    document.body.insertBefore(a, document.body.firstChild);
  }

  /* ---- pages built from the exported bank: practice and progress ------------------------ */
  function fetched(url, as) { return fetch(url).then(function (r) { if (!r.ok) throw new Error(url); return r[as || "json"](); }); }

  function select(name, label, choices) {
    var wrap = el("label", { "class": "qg-filter" }, label + " "), sel = el("select", { name: name });
    choices.forEach(function (c) { sel.appendChild(el("option", { value: c[0] }, c[1])); });
    wrap.appendChild(sel);
    return wrap;
  }

  function setupPractice(root) {
    if (root.dataset.ready) return;
    root.dataset.ready = "1";
    /* the questions are the server's own, cloned from the page of them it renders for Practice */
    Promise.all([fetched(root.dataset.bank), fetched(root.dataset.questions, "text")]).then(function (got) {
      var bank = got[0], items = {}, form = el("form", { "class": "qg-practice-form" });
      form.appendChild(select("article", "Article", [["", "All articles"]].concat(Object.keys(bank.articles).map(function (id) { return [id, bank.articles[id].outlet + ": " + bank.articles[id].headline]; }))));
      form.appendChild(select("topic", "Topic", [["", "All topics"]].concat(Object.keys(bank.topics).map(function (id) { return [id, bank.topics[id].title]; }))));
      form.appendChild(select("kind", "Kind", [["", "All kinds"], ["multiple-choice", "Multiple choice"], ["true-false", "True or false"], ["ordering", "Put in order"]]));
      form.appendChild(select("count", "Questions", [["10", "10"], ["5", "5"], ["20", "20"]]));
      form.appendChild(button("Draw questions", "md-button--primary qg-draw", function () { draw(); }));
      form.appendChild(button("Practise my mistakes", "qg-mistakes", function () { draw(null, true); }));
      var status = el("p", { "class": "qg-practice-status", role: "status", "aria-live": "polite" }), holder = el("div");
      root.textContent = "";
      root.appendChild(form); root.appendChild(status); root.appendChild(holder);
      var f = form.elements, names = ["article", "topic", "kind", "count"], key = pageKey("practice"), saved = load(key, true);
      all(new DOMParser().parseFromString(got[1], "text/html"), ".qg-item").forEach(function (li) { items[one(li, "fieldset").id] = li; });
      /* saved: the set drawn in this tab, kept over reload, Back and links; Draw makes a new one */
      /* mistakes: the questions last answered wrongly on any page of this site (its own progress) */
      function draw(saved, mistakes) {
        var progress = load(STORE);
        mistakes = saved ? saved.mistakes : mistakes;
        var pool = bank.questions.filter(function (q) {
          if (!items[q.id]) return; /* a written item, asked on a page of its own */
          if (mistakes) return progress[q.id] && !progress[q.id].right;
          return (!f.article.value || q.articles.indexOf(f.article.value) >= 0) && (!f.topic.value || q.topics.indexOf(f.topic.value) >= 0) && (!f.kind.value || q.kind === f.kind.value);
        });
        var chosen = saved ? saved.ids : shuffle(pool.map(function (q) { return q.id; })).slice(0, parseInt(f.count.value, 10));
        var state = { ids: chosen, mistakes: !!mistakes };
        names.forEach(function (n) { state[n] = f[n].value; });
        save(key, state, true);
        holder.textContent = "";
        status.textContent = mistakes
          ? (chosen.length ? counted(chosen.length, "question") + " you got wrong, drawn from " + pool.length + "." : "No mistakes to practise: every question you last answered on this site, you got right. Answer some quizzes, then come back.")
          : chosen.length ? counted(chosen.length, "question") + " drawn from " + pool.length + "." : "No question matches these filters.";
        if (!chosen.length) return skipLink();
        var quiz = el("div", { "class": "qg-quiz", "data-quiz": "practice" }), list = el("ol", { "class": "qg-questions" });
        chosen.forEach(function (id, i) { var li = document.importNode(items[id], true); one(li, ".qg-number").textContent = i + 1 + "."; list.appendChild(li); });
        quiz.appendChild(list);
        holder.appendChild(quiz);
        all(quiz, ".qg-question").forEach(function (fs) { if (fs.dataset.kind !== "true-false") shuffle(optionItems(fs)).forEach(function (li) { li.parentNode.appendChild(li); }); });
        if (!saved) save(quizKey(quiz), {}, true);
        setupQuiz(quiz);
        skipLink();
      }
      var usable = saved.ids && saved.ids.every(function (id) { return items[id]; });
      if (usable) names.forEach(function (n) { if (saved[n] !== undefined) f[n].value = saved[n]; });
      draw(usable ? saved : null);
    }).catch(function () { root.textContent = "The question bank could not be loaded."; });
  }

  function progressTable(caption, rows) {
    var table = el("table", { "class": "qg-progress-table" }), head = el("tr");
    table.appendChild(el("caption", {}, caption));
    ["", "Questions", "Answered", "Right"].forEach(function (h) { head.appendChild(el("th", { scope: "col" }, h)); });
    table.appendChild(head);
    rows.forEach(function (r) {
      var tr = el("tr"), th = el("th", { scope: "row" });
      th.appendChild(r[0]);
      tr.appendChild(th);
      r.slice(1).forEach(function (v) { tr.appendChild(el("td", {}, String(v))); });
      table.appendChild(tr);
    });
    return table;
  }

  function setupProgress(root) {
    if (root.dataset.ready) return;
    root.dataset.ready = "1";
    fetched(root.dataset.bank).then(function (bank) {
      function render() {
        /* Only this bank's answers count; nothing else is deleted (an old question may come back). */
        var progress = load(STORE), kept = {}, weak = el("ul", { "class": "qg-weak" });
        bank.questions.forEach(function (q) { if (progress[q.id]) kept[q.id] = progress[q.id]; });
        function rows(groups, key, title, url) {
          return Object.keys(groups).map(function (id) {
            var qs = bank.questions.filter(function (q) { return q[key].indexOf(id) >= 0; });
            var answered = qs.filter(function (q) { return kept[q.id]; }), right = answered.filter(function (q) { return kept[q.id].right; });
            var name = document.createTextNode(title(groups[id]));
            if (url && qs.length) {
              name = el("a", { href: url.replace("{id}", id) }, name.textContent);
              if (answered.length && right.length < 0.7 * answered.length) {
                var li = el("li");
                li.appendChild(name.cloneNode(true));
                li.appendChild(document.createTextNode(": " + right.length + " of " + answered.length + " right"));
                weak.appendChild(li);
              }
            }
            return [name, qs.length, answered.length, right.length];
          });
        }
        var total = Object.keys(kept).length, right = Object.keys(kept).filter(function (id) { return kept[id].right; }).length;
        var byArticle = progressTable("By article", rows(bank.articles, "articles", function (a) { return a.outlet + ": " + a.headline; }));
        var byTopic = progressTable("By topic", rows(bank.topics, "topics", function (t) { return t.title; }, root.dataset.topicUrl));
        root.textContent = "";
        root.appendChild(el("p", { "class": "qg-progress-total", role: "status" }, "You have answered " + total + " of " + counted(bank.questions.length, "question") + "; " + right + " right the last time you tried them."));
        if (weak.firstChild) {
          root.appendChild(el("p", {}, "Topics to work on (under 70% right):"));
          root.appendChild(weak);
        }
        root.appendChild(byArticle);
        root.appendChild(byTopic);
        root.appendChild(button("Clear my progress", "qg-clear", function () {
          if (!window.confirm("Clear every answer you gave on this site? This cannot be undone.")) return;
          try { localStorage.removeItem(STORE); Object.keys(sessionStorage).forEach(function (k) { if (!k.indexOf(NS)) sessionStorage.removeItem(k); }); } catch (e) { /* private mode */ }
          render();
        }));
      }
      render();
    }).catch(function () { root.textContent = "The question bank could not be loaded."; });
  }

  /* ---- glossary flashcards: Leitner boxes ------------------------------------------------
     Each term is [box, day it is due] (days since 1970). "I knew it" moves it up a box, due after
     DAYS[box]; "Not yet" puts it back in box 1, due now. Terms without a record are due. */
  function setupFlashcards(root) {
    if (root.dataset.ready) return;
    root.dataset.ready = "1";
    var cards = all(root, ".qg-card"), boxes = load(CARDS), status = el("p", { "class": "qg-card-status", role: "status", "aria-live": "polite" });
    var controls = el("div", { "class": "qg-card-controls" }), flip = button("Show definition", "md-button--primary qg-flip", function () { if (current) { one(current, "details").open = true; yes.disabled = no.disabled = false; yes.focus(); } });
    var yes = button("I knew it", "qg-known", function () { mark(true); }), no = button("Not yet", "qg-not-yet", function () { mark(false); });
    var again = button("Start again", "qg-again", function () {
      if (!window.confirm("Start again? Every card goes back to the first box.")) return;
      boxes = {}; save(CARDS, boxes); queue = []; show(); flip.focus();
    });
    [flip, yes, no, again].forEach(function (b) { controls.appendChild(b); });
    root.insertBefore(status, root.firstChild);
    root.appendChild(controls);
    var queue = [], current = null;
    function today() { return Math.floor(Date.now() / 864e5); }
    function due(c) { var b = boxes[c.dataset.term]; return !b || b[1] <= today(); }
    function show() {
      cards.forEach(function (c) { c.hidden = true; });
      queue = queue.filter(due);
      if (!queue.length) queue = shuffle(cards.filter(due)); /* the page lists them alphabetically */
      current = queue.shift() || null;
      var known = cards.filter(function (c) { return boxes[c.dataset.term] && boxes[c.dataset.term][0] > 1; }).length;
      var next = Math.min.apply(null, cards.map(function (c) { return boxes[c.dataset.term] ? boxes[c.dataset.term][1] : 0; }));
      flip.hidden = yes.hidden = no.hidden = !current;
      again.hidden = !Object.keys(boxes).length;
      status.textContent = current ? known + " of " + cards.length + " known; " + (queue.length + 1) + " due now."
        : "You know all " + cards.length + " terms. None is due now; the next comes back on " + new Date(next * 864e5).toLocaleDateString() + ".";
      if (!current) return;
      current.hidden = false;
      one(current, "details").open = false;
      yes.disabled = no.disabled = true;
    }
    function mark(knew) {
      if (!current) return;
      var box = knew ? Math.min(((boxes[current.dataset.term] || [1])[0]) + 1, DAYS.length) : 1;
      boxes[current.dataset.term] = [box, today() + DAYS[box - 1]];
      if (!knew) queue.push(current);
      save(CARDS, boxes); show(); (current ? flip : again).focus();
    }
    root.classList.add("qg-cards-ready");
    show();
  }

  /* A hint's landing (#where-quote-…): the paragraph holding the quote, not the quote itself. */
  function showWhere() {
    var m = /^#where-(quote-[\w-]+)$/.exec(location.hash), a = m && document.getElementById(m[1]), p = a && a.closest("p");
    if (!p) return;
    all(document, ".qg-where").forEach(function (x) { x.classList.remove("qg-where"); });
    p.classList.add("qg-where");
    p.tabIndex = -1;
    p.scrollIntoView({ block: "center" });
    p.focus({ preventScroll: true });
  }

  function init() {
    showWhere();
    /* The theme's search dialog has no accessible name (axe: aria-dialog-name); give it one. */
    all(document, '.md-search[role="dialog"]:not([aria-label])').forEach(function (d) { d.setAttribute("aria-label", "Search"); });
    all(document, ".qg-quiz").forEach(setupQuiz);
    skipLink();
    all(document, "#qg-practice").forEach(setupPractice);
    all(document, "#qg-progress").forEach(setupProgress);
    all(document, "#qg-flashcards").forEach(setupFlashcards);
  }

  window.addEventListener("hashchange", showWhere);
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init); /* instant navigation */
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
