/* Glossary flashcards (#qg-flashcards): Leitner boxes. Each term is [box, day it is due] (days since
   1970). "I knew it" moves it up a box, due after DAYS[box]; "Not yet" puts it back in box 1, due
   now. Terms without a record are due. */
import { NS, first, load, save } from "./state.js";
import { all, onPage, one, shuffle } from "../quizgen.js";

const CARDS = NS + "leitner", DAYS = [0, 1, 3, 7, 14], today = () => Math.floor(Date.now() / 864e5);

onPage(() => {
  const root = one(document, "#qg-flashcards");
  if (!root || !first(root)) return;
  const cards = all(root, ".qg-card"), status = one(root, ".qg-card-status"), controls = one(root, ".qg-card-controls");
  const [flip, yes, no, again] = all(controls, "button");
  let boxes = load(CARDS), queue = [], current = null;
  flip.onclick = () => { if (current) { one(current, "details").open = true; yes.disabled = no.disabled = false; yes.focus(); } };
  yes.onclick = () => mark(true);
  no.onclick = () => mark(false);
  again.onclick = () => {
    if (!confirm("Start again? Every card goes back to the first box.")) return;
    boxes = {}; save(CARDS, boxes); queue = []; show(); flip.focus();
  };
  const box = c => boxes[c.dataset.term], due = c => !box(c) || box(c)[1] <= today();
  status.hidden = controls.hidden = false;
  function show() {
    cards.forEach(c => { c.hidden = true; });
    queue = queue.filter(due);
    if (!queue.length) queue = shuffle(cards.filter(due)); /* the page lists them alphabetically */
    current = queue.shift() || null;
    const known = cards.filter(c => box(c) && box(c)[0] > 1).length, next = Math.min(...cards.map(c => box(c) ? box(c)[1] : 0));
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
    const b = knew ? Math.min((box(current) || [1])[0] + 1, DAYS.length) : 1;
    boxes[current.dataset.term] = [b, today() + DAYS[b - 1]];
    if (!knew) queue.push(current);
    save(CARDS, boxes); show(); (current ? flip : again).focus();
  }
  root.classList.add("qg-cards-ready");
  show();
});
