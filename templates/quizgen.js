/* quizgen: interactive quizzes, practice, flashcards and progress on a static site.
   Progressive enhancement of the markup the site ships (no page needs this script to be read); no
   dependencies, no build step, no network but the site's own files. Each feature is an ES module,
   loaded by the page as a module script (type=module): this one, the quizzes the server rendered
   (.qg-quiz: questions checked in place, a score, results, Retry and Review, test mode with an
   optional time limit, their state kept over reload and Back); quizgen/practice.js,
   quizgen/progress.js, quizgen/flashcards.js; all share quizgen/state.js. */
import { first, load, pageKey, record, save, state } from "./quizgen/state.js";

/* ---- DOM helpers, for every part of the script ---- */
export const counted = (n, word) => n + " " + word + (n === 1 ? "" : "s");
export const one = (root, selector) => root.querySelector(selector);
export const all = (root, selector) => [...root.querySelectorAll(selector)];
export function el(tag, attrs, text) {
  const node = document.createElement(tag);
  for (const k in attrs) node.setAttribute(k, attrs[k]);
  if (text != null) node.textContent = text;
  return node;
}
/* click: what the button does (optional); label: its accessible name, when not its text */
export function button(text, cls, click, label) {
  const b = el("button", { type: "button", "class": "md-button " + cls }, text);
  if (label) b.setAttribute("aria-label", label);
  if (click) b.addEventListener("click", click);
  return b;
}
export function shuffle(items) {
  for (let i = items.length - 1; i > 0; i--) { const j = Math.floor(Math.random() * (i + 1)); [items[i], items[j]] = [items[j], items[i]]; }
  return items;
}

/* run setup on every page: on each of instant navigation's (mkdocs-material), else once */
export function onPage(setup) {
  if (window.document$ && document$.subscribe) document$.subscribe(setup);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
}


/* ---- items answered in the server's own form controls (class qg-write), which work without JavaScript
   too: a number written in (data-value, within data-tolerance), or a letter chosen for each item on
   the left of a matching question (data-order: each item's right letter). */
const LETTERS = "ABCDEFGH";
const written = fs => all(fs, ".qg-write");

/* an option marked right or wrong, with what to say about it */
function mark(li, ok, yes, no) {
  li.classList.add(ok ? "qg-right" : "qg-wrong");
  li.appendChild(el("span", { "class": "qg-badge " + (ok ? "qg-ok" : "qg-no") }, ok ? yes : no));
}

function judgeWritten(fs, items) {
  const d = fs.dataset, order = (d.order || "").split(","), w = written(fs);
  if (d.value) return Math.abs(parseFloat(w[0].value.replace(/[^\d.-]/g, "")) - d.value) <= +d.tolerance;
  return !items.filter(li => {
    const right = order[li.dataset.index], ok = one(li, "select").value === right;
    mark(li, ok, "✓ Right", "✗ The answer is " + LETTERS[right]);
    return !ok;
  }).length;
}

/* ---- one question ------------------------------------------------------------------- */
const options = fs => all(one(fs, ".qg-options"), ":scope > li");
const ordering = fs => fs.dataset.kind === "ordering";
const unanswered = fs => { const w = written(fs); return !ordering(fs) && !one(fs, "input:checked") && !(w.length && w.every(x => x.value.trim())); };
const quizOf = fs => fs.closest(".qg-quiz");
const itemOf = fs => fs.closest(".qg-item");
export const quizKey = quiz => pageKey("quiz") + "#" + quiz.dataset.quiz;

function relabel(fs) {
  const items = options(fs), done = !!state(fs).done;
  items.forEach((li, i) => {
    const letter = one(li, ".qg-letter"), up = one(li, ".qg-up");
    if (letter) letter.textContent = (ordering(fs) ? i + 1 : LETTERS[i]) + ".";
    if (up) { up.disabled = done || !i; one(li, ".qg-down").disabled = done || i === items.length - 1; }
  });
}

/* the option's text, after its letter or number */
function parts(li) {
  const t = li.textContent;
  li.textContent = "";
  li.appendChild(el("span", { "class": "qg-letter", "aria-hidden": "true" }));
  li.appendChild(el("span", { "class": "qg-text" }, t));
  return t;
}

function setupChoice(fs) {
  options(fs).forEach(li => {
    const label = el("label");
    label.appendChild(el("input", { type: "radio", name: fs.id + "-choice", value: li.dataset.index }));
    parts(li);
    while (li.firstChild) label.appendChild(li.firstChild);
    li.appendChild(label);
  });
}

function moved(fs) { relabel(fs); saveQuiz(quizOf(fs)); }

function move(li, delta, fs) {
  const items = options(fs), to = items.indexOf(li) + delta;
  if (to < 0 || to >= items.length || state(fs).done) return;
  li.parentNode.insertBefore(li, delta < 0 ? items[to] : items[to].nextSibling);
  one(fs, ".qg-feedback").textContent = "Moved to position " + (to + 1) + " of " + items.length + ".";
  moved(fs);
}

function setupOrdering(fs) {
  let dragged = null;
  options(fs).forEach(li => {
    const t = parts(li);
    li.setAttribute("draggable", "true");
    /* the first ↑ and last ↓ are disabled: keep the focus on the item's other button */
    const up = button("↑", "qg-move qg-up", () => { move(li, -1, fs); (up.disabled ? down : up).focus(); }, "Move up: " + t);
    const down = button("↓", "qg-move qg-down", () => { move(li, 1, fs); (down.disabled ? up : down).focus(); }, "Move down: " + t);
    li.appendChild(up);
    li.appendChild(down);
    li.addEventListener("dragstart", e => { dragged = li; e.dataTransfer.effectAllowed = "move"; e.dataTransfer.setData("text/plain", t); });
    li.addEventListener("dragover", e => { if (dragged && !state(fs).done) e.preventDefault(); });
    li.addEventListener("drop", e => {
      e.preventDefault();
      if (!dragged || dragged === li || state(fs).done) return;
      const box = li.getBoundingClientRect();
      li.parentNode.insertBefore(dragged, e.clientY > box.top + box.height / 2 ? li.nextSibling : li);
      dragged = null;
      moved(fs);
    });
  });
}

function setupQuestion(fs, quiz) {
  if (!first(fs)) return;
  const details = one(fs, ".qg-answer"), actions = el("div", { "class": "qg-actions" });
  if (ordering(fs)) setupOrdering(fs); else if (!written(fs).length) setupChoice(fs);
  relabel(fs);
  actions.appendChild(button("Check answer", "md-button--primary qg-check", () => check(fs, quiz)));
  /* Hints from the sources: the paragraph that holds the answer (#where-quote-…), not the quote */
  const links = all(details, ".qg-sources a");
  links.forEach(a => actions.appendChild(el("a", { href: a.getAttribute("href").replace("#quote-", "#where-quote-"), "class": "qg-hint" },
    "Show me where to look" + (links.length > 1 ? " (" + a.textContent + ")" : ""))));
  fs.insertBefore(actions, details);
  fs.insertBefore(el("p", { "class": "qg-feedback", role: "status", "aria-live": "polite", tabindex: "-1" }), details);
  details.hidden = true;
  fs.addEventListener("change", () => saveQuiz(quiz));
}

const controls = (fs, more) => all(fs, "input, select, .qg-move" + (more || ""));

/* quiet: restoring a saved answer, neither recorded again nor focused;
   force: the end of a test (true, or "blank" for an answer never saved, which is no answer) */
function check(fs, quiz, quiet, force) {
  const s = state(fs), feedback = one(fs, ".qg-feedback"), items = options(fs), blank = force === "blank";
  const miss = blank ? "✗ Not answered" : "✗ Not quite";
  let right, message;
  if (s.done) return;
  if (state(quiz).mode === "test" && !force) return hold(fs, quiz, quiet);
  if (unanswered(fs) && !force) { feedback.textContent = "Choose an answer first."; return; }
  if (written(fs).length) {
    right = !blank && judgeWritten(fs, items);
    message = right ? "✓ Right!" : miss + ". " + one(fs, ".qg-correct").textContent;
  } else if (ordering(fs)) {
    const order = fs.dataset.order.split(","), current = items.map(li => li.dataset.index);
    /* at the end of a test, an order never saved is not an answer, even if it happens to be right */
    right = !blank && current.join() === order.join();
    items.forEach((li, i) => mark(li, current[i] === order[i], "✓ in place", "✗ belongs at " + (order.indexOf(li.dataset.index) + 1)));
    message = right ? "✓ Right: that is the order they happened in." : miss + ": the numbers show where each event belongs.";
  } else {
    const chosen = one(fs, "input:checked"), chosenLi = chosen && chosen.closest("li");
    const correct = items.find(li => li.dataset.index === fs.dataset.correct), letter = one(correct, ".qg-letter").textContent;
    const line = one(fs, ".qg-correct strong"), rest = line && line.nextSibling;
    right = chosenLi === correct;
    mark(correct, true, "✓ Correct answer");
    if (!right && chosenLi) mark(chosenLi, false, "", "✗ Your answer");
    /* Retry reshuffles the options: the answer line names the letter shown now. */
    if (rest && rest.nodeType === 3) rest.textContent = rest.textContent.replace(/^\s*[A-Z]\./, " " + letter);
    message = right ? "✓ Right!" : "✗ " + (chosenLi ? "Not quite" : "Not answered") + ". The answer is " + letter + " " + one(correct, ".qg-text").textContent + "."
      + (chosenLi && chosenLi.dataset.note ? " About your answer: " + chosenLi.dataset.note : "");
  }
  controls(fs).forEach(b => { b.disabled = true; });
  Object.assign(s, { held: 0, blank: blank, done: 1, right: right });
  fs.classList.add(right ? "qg-is-right" : "qg-is-wrong");
  feedback.textContent = message;
  const details = one(fs, ".qg-answer");
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
  const feedback = one(fs, ".qg-feedback");
  if (unanswered(fs)) { feedback.textContent = "Choose an answer first."; return; }
  state(fs).held = 1;
  controls(fs, ", .qg-check").forEach(b => { b.disabled = true; });
  feedback.textContent = "Answer saved. You will see how you did at the end of the test.";
  if (quiet) return;
  updateScore(quiz);
  feedback.focus();
}

function reset(fs) {
  const list = one(fs, ".qg-options");
  Object.assign(state(fs), { held: 0, blank: 0, done: 0, right: 0 });
  fs.classList.remove("qg-is-right", "qg-is-wrong");
  all(fs, ".qg-badge").forEach(b => b.remove());
  options(fs).forEach(li => li.classList.remove("qg-right", "qg-wrong"));
  if (!/^[to]/.test(fs.dataset.kind)) shuffle(options(fs)).forEach(li => list.appendChild(li)); // true-false, ordering: kept as built
  all(fs, "input, select").forEach(input => { input.disabled = false; input.checked = false; });
  written(fs).forEach(x => { x.value = ""; });
  all(fs, "button").forEach(b => { b.disabled = false; });
  one(fs, ".qg-feedback").textContent = "";
  one(fs, ".qg-answer").hidden = true;
  relabel(fs);
}

/* ---- a quiz: score, results, retry ---------------------------------------------------- */
export const visible = root => all(root, ".qg-question").filter(fs => !itemOf(fs).hidden);

function stem(fs) { const legend = one(fs, "legend").cloneNode(true), n = one(legend, ".qg-number"); if (n) n.remove(); return legend.textContent.trim(); }

function updateScore(quiz) {
  const q = state(quiz), questions = visible(quiz), done = questions.filter(fs => state(fs).done), test = q.mode === "test";
  const right = done.filter(fs => state(fs).right), whole = questions.length === all(quiz, ".qg-question").length;
  const complete = done.length === questions.length && questions.length, results = one(quiz, ".qg-results"), bar = one(quiz, ".qg-mode");
  /* the first complete attempt at the whole quiz stays, whatever Retry and Review do after it */
  if (complete && whole && !q.first) q.first = right.length + " of " + questions.length;
  const firstTry = q.first ? " First attempt: " + q.first + " right." : "";
  quiz.classList.toggle("qg-test", test);
  all(quiz, ".qg-check").forEach(b => { b.textContent = test ? "Save answer" : "Check answer"; });
  quiz.classList.toggle("qg-test-done", test && !!complete);
  if (bar) bar.className = "qg-mode" + (test ? (complete ? " qg-mode-done" : " qg-mode-running") : "");
  one(quiz, ".qg-score").textContent = test && !complete
    ? "Test: " + questions.filter(fs => state(fs).held).length + " of " + counted(questions.length, "question") + " answered; you see how you did when you finish."
    : "Score: " + right.length + " right of " + done.length + " answered, " + counted(questions.length, "question") + "." + firstTry;
  saveQuiz(quiz);
  if (!complete) { results.hidden = true; return; }
  const summary = [], add = node => summary.push(node), missed = questions.filter(fs => !state(fs).right), seen = {};
  all(results, ":scope > :not(button)").forEach(n => n.remove());
  add(el("h3", { tabindex: "-1" }, (test ? "Test results: " : "Results: ") + document.title.split(" - ")[0]));
  add(el("p", { "class": "qg-total" }, "You got " + right.length + " of " + questions.length + " right (" + Math.round(100 * right.length / questions.length) + "%)." + firstTry));
  if (missed.length) {
    const list = el("ul", { "class": "qg-missed" });
    add(el("p", {}, "Questions you missed:"));
    missed.forEach(fs => { const t = stem(fs); seen[t] = (seen[t] || 0) + 1; });
    missed.forEach(fs => {
      let t = one(fs, "legend").textContent.trim();
      const li = el("li");
      /* identical stems (every ordering question) are told apart by their options */
      if (seen[stem(fs)] > 1) t += " (" + options(fs).map(o => one(o, ".qg-text").textContent).sort().join("; ").slice(0, 90) + "…)";
      const a = el("a", { href: "#" + fs.id }, t);
      /* in-page: scroll to the question; instant navigation must not reload the page */
      a.addEventListener("click", e => { e.preventDefault(); e.stopPropagation(); one(fs, ".qg-feedback").focus(); });
      li.appendChild(a);
      all(fs, ".qg-sources a").forEach(s => li.append(" · ", s.cloneNode(true)));
      list.appendChild(li);
    });
    add(list);
  }
  results.prepend(...summary);
  const [print, , review, again] = all(results, "button");
  print.hidden = !test;
  review.hidden = !missed.length;
  again.hidden = whole; /* reviewing: offer the whole quiz back */
  results.hidden = false;
}

/* mode: "same" retries the questions shown now, "missed" only those answered wrongly, "all" every one;
   test: starts a test (its deadline, see tick) or, 0, practice mode */
function restart(quiz, mode, test) {
  const q = state(quiz);
  if (test !== undefined) { q.mode = test ? "test" : ""; q.deadline = test || ""; }
  else if (q.mode && q.limit > 0) q.deadline = Date.now() + q.limit * 60000;
  all(quiz, ".qg-item").forEach(item => {
    const fs = one(item, ".qg-question");
    if (mode === "all") item.hidden = false;
    else if (mode === "missed") item.hidden = item.hidden || !!state(fs).right;
    reset(fs);
  });
  updateScore(quiz);
  tick(quiz);
  const input = visible(quiz)[0] && one(visible(quiz)[0], "input, select, button");
  if (input) input.focus();
}

export function setupQuiz(quiz) {
  if (!first(quiz)) return;
  const bar = one(quiz, ".qg-mode"), [print, retry, review, again] = all(one(quiz, ".qg-results"), "button");
  if (bar) modeBar(quiz, bar);
  one(quiz, ".qg-score").hidden = false;
  print.onclick = () => window.print();
  retry.onclick = () => restart(quiz, "same");
  review.onclick = () => restart(quiz, "missed");
  again.onclick = () => restart(quiz, "all");
  all(quiz, ".qg-question").forEach(fs => setupQuestion(fs, quiz));
  restoreQuiz(quiz);
  updateScore(quiz);
  tick(quiz);
}

/* ---- test mode: feedback held to the end, an optional time limit ----------------------- */
/* the bar the server rendered (hidden without JavaScript), absent on Practice */
function modeBar(quiz, bar) {
  const q = state(quiz), [start, finish, back] = all(bar, "button");
  start.onclick = () => { q.limit = one(bar, "select").value; restart(quiz, "all", q.limit > 0 ? Date.now() + q.limit * 60000 : 1); };
  finish.onclick = () => finishTest(quiz);
  back.onclick = () => restart(quiz, "all", 0);
  bar.hidden = false;
}

/* the deadline is a time (ms), or 1 for a test without a limit */
function tick(quiz) {
  const q = state(quiz), timer = one(quiz, ".qg-timer");
  clearInterval(q.timer);
  if (!timer) return;
  timer.textContent = "";
  if (q.mode !== "test" || quiz.classList.contains("qg-test-done") || !(q.deadline > 1)) return;
  function update() {
    const left = Math.max(0, Math.ceil((q.deadline - Date.now()) / 1000));
    timer.textContent = "Time left: " + Math.floor(left / 60) + ":" + ("0" + left % 60).slice(-2);
    /* a quiz left by instant navigation stops; its saved deadline ends the test on return */
    if (!document.contains(quiz)) return clearInterval(q.timer);
    if (!left) { clearInterval(q.timer); finishTest(quiz); }
  }
  q.timer = setInterval(update, 1000);
  update();
}

function finishTest(quiz) {
  visible(quiz).forEach(fs => {
    const s = state(fs);
    if (s.done) return;
    check(fs, quiz, true, s.held ? true : "blank");
    record(fs.dataset.questionId, s.right);
  });
  updateScore(quiz);
  tick(quiz);
  one(quiz, ".qg-results h3").focus();
}

/* A quiz's state: each question's option order, choice, whether checked (3: blank) or held (2),
   whether hidden (review); and the quiz's first attempt and test. */
const KEPT = ["first", "mode", "deadline", "limit"];
function saveQuiz(quiz) {
  if (!quiz || state(quiz).restoring) return;
  const q = state(quiz), kept = { q: {} };
  KEPT.forEach(k => { kept[k] = q[k] || ""; });
  all(quiz, ".qg-question").forEach(fs => {
    const chosen = one(fs, "input:checked"), s = state(fs);
    kept.q[fs.id] = [options(fs).map(li => li.dataset.index).join(), chosen ? chosen.value : written(fs).map(x => x.value).join("|"),
      s.done ? (s.blank ? 3 : 1) : s.held ? 2 : 0, itemOf(fs).hidden ? 1 : 0];
  });
  save(quizKey(quiz), kept, true);
}

function restoreQuiz(quiz) {
  const kept = load(quizKey(quiz), true), q = state(quiz);
  if (!kept.q) return;
  q.restoring = 1;
  KEPT.forEach(k => { if (kept[k]) q[k] = kept[k]; });
  all(quiz, ".qg-question").forEach(fs => {
    const saved = kept.q[fs.id], list = one(fs, ".qg-options"), w = written(fs);
    if (!saved) return;
    saved[0].split(",").forEach(i => { const li = one(list, ':scope > li[data-index="' + i + '"]'); if (li) list.appendChild(li); });
    relabel(fs);
    const input = !w.length && saved[1] && one(fs, 'input[value="' + saved[1] + '"]');
    if (input) input.checked = true;
    w.forEach((x, i) => { x.value = saved[1].split("|")[i] || ""; });
    itemOf(fs).hidden = !!saved[3];
    if (saved[2] === 1 || saved[2] === 3) check(fs, quiz, true, saved[2] === 3 ? "blank" : true);
    if (saved[2] === 2) hold(fs, quiz, true);
  });
  q.restoring = 0;
}

/* "Skip to the quiz": the first Tab stop of a page with a quiz leads to its first open question. */
export function skipLink() {
  all(document, ".qg-skip").forEach(a => a.remove());
  if (!one(document, ".qg-quiz .qg-question")) return;
  const a = el("a", { href: "#", "class": "md-skip qg-skip" }, "Skip to the quiz");
  a.addEventListener("click", e => {
    e.preventDefault(); e.stopPropagation();
    const open = visible(document).find(fs => !state(fs).done && !state(fs).held), target = open && one(open, "input, select, .qg-move:not(:disabled)");
    if (target) target.focus();
  });
  document.body.insertBefore(a, document.body.firstChild);
}

/* A hint's landing (#where-quote-…): the paragraph holding the quote, not the quote itself. */
function showWhere() {
  const m = /^#where-(quote-[\w-]+)$/.exec(location.hash), a = m && document.getElementById(m[1]), p = a && a.closest("p");
  if (!p) return;
  all(document, ".qg-where").forEach(x => x.classList.remove("qg-where"));
  p.classList.add("qg-where");
  p.tabIndex = -1;
  p.scrollIntoView({ block: "center" });
  p.focus({ preventScroll: true });
}

onPage(() => {
  showWhere();
  /* The theme's search dialog has no accessible name (axe: aria-dialog-name); give it one. */
  all(document, '.md-search[role="dialog"]:not([aria-label])').forEach(d => d.setAttribute("aria-label", "Search"));
  all(document, ".qg-quiz").forEach(setupQuiz);
  skipLink();
});
addEventListener("hashchange", showWhere);
