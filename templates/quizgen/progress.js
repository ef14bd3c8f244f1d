/* My progress (#qg-progress): the answers kept in this browser, counted in the tables the server
   rendered per article and per topic (each row lists its questions' ids in data-questions). */
import { first, load, NS, STORE } from "./state.js";
import { all, counted, el, one, onPage } from "../quizgen.js";

onPage(() => {
  const root = one(document, "#qg-progress");
  if (!root || !first(root)) return;
  const parts = one(root, ".qg-progress-parts"), weak = one(parts, ".qg-weak"), total = one(parts, ".qg-progress-total");
  const ids = row => row.dataset.questions.split(" ");
  function render() {
    /* Only this bank's answers count; nothing else is deleted (an old question may come back). */
    const progress = load(STORE), bank = [...new Set(all(parts, "[data-questions]").flatMap(ids))];
    const answered = qs => qs.filter(id => progress[id]), right = qs => answered(qs).filter(id => progress[id].right);
    weak.textContent = "";
    all(parts, "tr[data-questions]").forEach(row => {
      const qs = ids(row), a = answered(qs).length, r = right(qs).length, link = one(row, "a");
      row.cells[2].textContent = a;
      row.cells[3].textContent = r;
      if (link && a && r < 0.7 * a) {
        const li = el("li");
        li.append(link.cloneNode(true), ": " + r + " of " + a + " right");
        weak.append(li);
      }
    });
    total.textContent = "You have answered " + answered(bank).length + " of " + counted(bank.length, "question") + "; " + right(bank).length + " right the last time you tried them.";
    weak.previousElementSibling.hidden = weak.hidden = !weak.firstChild;
  }
  one(parts, ".qg-clear").onclick = () => {
    if (!confirm("Clear every answer you gave on this site? This cannot be undone.")) return;
    try { localStorage.removeItem(STORE); Object.keys(sessionStorage).forEach(k => { if (!k.indexOf(NS)) sessionStorage.removeItem(k); }); } catch (e) { /* private mode */ }
    render();
  };
  one(root, ".qg-noscript").remove();
  parts.hidden = false;
  render();
});
