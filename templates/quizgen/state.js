/* The state every part of the quiz script shares: where it keeps a student's work, and what it knows.
   Progress lives in localStorage, keyed by the stable question ids; a page's quiz state (answers,
   order, review, practice set) in sessionStorage, so that reload, Back and instant navigation bring
   it back. Every key is namespaced by the site's folder (two quizgen sites on one origin keep their
   own) and versioned. What the script knows about an element while the page is open is in state(). */
export const NS = "quizgen-v2:" + new URL("../../", import.meta.url).pathname + ":", STORE = NS + "progress";

const area = session => session ? sessionStorage : localStorage;
export function load(key, session) { try { return JSON.parse(area(session).getItem(key) || "{}") || {}; } catch (e) { return {}; } }
export function save(key, value, session) { try { area(session).setItem(key, JSON.stringify(value)); } catch (e) { /* private mode */ } }
export const pageKey = what => NS + what + ":" + location.pathname;

const states = new WeakMap();
/* the script's own record of a question, quiz or widget: answered, right, held, the test's deadline */
export const state = node => states.get(node) || states.set(node, {}).get(node);
/* true the first time it is asked for node: every part sets up each element once */
export const first = node => !state(node).ready && (state(node).ready = 1);

export function record(id, right) {
  const progress = load(STORE);
  progress[id] = { right: right, tries: (progress[id] || { tries: 0 }).tries + 1 };
  save(STORE, progress);
}
