/* Practice (#qg-practice): a set drawn at random from the exported bank, by article, topic or kind,
   or from the questions last answered wrongly. The questions are the server's own, cloned from the
   page of them it renders for Practice (data-questions), and asked as any quiz is. */
import { first, load, pageKey, save, STORE } from "./state.js";
import { all, counted, el, one, onPage, quizKey, setupQuiz, shuffle, skipLink } from "../quizgen.js";

const fetched = (url, as) => fetch(url).then(r => { if (!r.ok) throw new Error(url); return r[as](); });

onPage(() => {
  const root = one(document, "#qg-practice");
  if (!root || !first(root)) return;
  Promise.all([fetched(root.dataset.bank, "json"), fetched(root.dataset.questions, "text")]).then(([bank, html]) => {
    const items = {}, form = one(root, "form"), holder = el("div");
    const status = el("p", { "class": "qg-practice-status", role: "status", "aria-live": "polite" });
    /* the server's quiz, its questions taken out: each set drawn is a copy of it holding some */
    const shell = one(new DOMParser().parseFromString(html, "text/html"), ".qg-quiz");
    all(shell, ".qg-item").forEach(li => { items[one(li, ".qg-question").id] = li; li.remove(); });
    one(form, ".qg-draw").onclick = () => draw();
    one(form, ".qg-mistakes").onclick = () => draw(null, true);
    one(root, ".qg-noscript").remove();
    form.hidden = false;
    root.append(status, holder);
    const f = form.elements, fields = ["article", "topic", "kind", "count"], key = pageKey("practice"), saved = load(key, true);
    /* saved: the set drawn in this tab, kept over reload, Back and links; Draw makes a new one */
    /* mistakes: the questions last answered wrongly on any page of this site (its own progress) */
    function draw(saved, mistakes) {
      const progress = load(STORE);
      mistakes = saved ? saved.mistakes : mistakes;
      /* the bank's written items are not on Practice's page: they are asked on a page of their own */
      const pool = bank.questions.filter(q => items[q.id] && (mistakes ? progress[q.id] && !progress[q.id].right
        : (!f.article.value || q.articles.includes(f.article.value)) && (!f.topic.value || q.topics.includes(f.topic.value)) && (!f.kind.value || q.kind === f.kind.value)));
      const ids = saved ? saved.ids : shuffle(pool.map(q => q.id)).slice(0, parseInt(f.count.value, 10)), n = ids.length;
      const kept = { ids: ids, mistakes: !!mistakes };
      fields.forEach(k => { kept[k] = f[k].value; });
      save(key, kept, true);
      holder.textContent = "";
      status.textContent = mistakes
        ? (n ? counted(n, "question") + " you got wrong, drawn from " + pool.length + "." : "No mistakes to practise: every question you last answered on this site, you got right. Answer some quizzes, then come back.")
        : n ? counted(n, "question") + " drawn from " + pool.length + "." : "No question matches these filters.";
      if (!n) return skipLink();
      const quiz = document.importNode(shell, true), list = one(quiz, ".qg-questions");
      ids.forEach((id, i) => {
        const li = document.importNode(items[id], true), options = one(li, ".qg-options");
        one(li, ".qg-number").textContent = i + 1 + ".";
        if (!/^[to]/.test(one(li, ".qg-question").dataset.kind)) shuffle([...options.children]).forEach(o => options.appendChild(o));
        list.appendChild(li);
      });
      holder.appendChild(quiz);
      if (!saved) save(quizKey(quiz), {}, true);
      setupQuiz(quiz);
      skipLink();
    }
    const usable = saved.ids && saved.ids.every(id => items[id]);
    if (usable) fields.forEach(k => { if (saved[k] !== undefined) f[k].value = saved[k]; });
    draw(usable ? saved : null);
  }).catch(() => { root.textContent = "The question bank could not be loaded."; });
});
