// Runs tests/fixtures/fingerprint_vectors.json against docs/assets/javascripts/errata.js under Node.
// Usage: node tests/js/check_vectors.js RULES_JSON VECTORS_JSON ; prints one JSON report line:
// {checked, failures, timings: {reference, <pathological name>: ms}} (best of 3 searches over the records).
const fs = require("fs");
const path = require("path");
const Errata = require(path.resolve(__dirname, "../../docs/assets/javascripts/errata.js"));
const rules = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const vectors = JSON.parse(fs.readFileSync(process.argv[3], "utf8"));
const R = Errata.compileRules(rules);
const failures = [];
for (const v of vectors.fingerprints) {
  const got = Errata.fingerprint(v.input, R);
  const type = Errata.exceptionLine(v.input, R)[0];
  if (got !== v.fingerprint || type !== v.type) failures.push({ input: v.input, want: v.fingerprint, got, type });
}
const index = new Errata.LookupIndex(vectors.records, rules);
for (const r of vectors.ranking) {
  const got = index.search(r.query, 3, 0).map((m) => ({ message: m.message, score: Math.round(m.score * 10000) / 10000 }));
  if (JSON.stringify(got) !== JSON.stringify(r.top)) failures.push({ query: r.query, want: r.top, got });
}
for (const e of vectors.earlier) {
  const got = index.search(e.query, 5).map((m) => m.message);
  if (JSON.stringify(got) !== JSON.stringify(e.matches)) failures.push({ earlier: e.query.slice(0, 80), want: e.matches, got });
}
for (const e of vectors.earlier_below_the_bar) {
  const got = index.search(e.query, 5, e.threshold).map((m) => m.message);
  if (got[0] !== e.first) failures.push({ earlier_below_the_bar: e.query.slice(0, 80), want: e.first, got });
}
for (const e of vectors.earlier_lines) {
  const got = Errata.earlierErrors(e.query, e.count, R);
  if (JSON.stringify(got) !== JSON.stringify(e.earlier)) failures.push({ earlier_lines: e.query.slice(0, 80), want: e.earlier, got });
}
for (const c of vectors.confident) {
  const got = index.search(c.query).map((m) => m.message);
  if (JSON.stringify(got) !== JSON.stringify(c.matches)) failures.push({ confident: c.query, want: c.matches, got });
}
const names = new Errata.LookupIndex(vectors.names.records, rules);
for (const c of vectors.names.confident) {
  const got = names.search(c.query).map((m) => m.message);
  if (JSON.stringify(got) !== JSON.stringify(c.matches)) failures.push({ names: c.query.slice(0, 80), want: c.matches, got });
}
const causes = new Errata.LookupIndex(vectors.causes.records, rules);
for (const c of vectors.causes.cases) {
  const got = { cause: Errata.statedCause(c.query, R), matches: causes.search(c.query).map((m) => m.message) };
  if (JSON.stringify(got) !== JSON.stringify({ cause: c.cause, matches: c.matches })) failures.push({ causes: c.query.slice(0, 80), want: c, got });
}
const localised = new Errata.LookupIndex(vectors.localised.records, rules);
for (const c of vectors.localised.confident) {
  const got = localised.search(c.query).map((m) => m.message);
  if (JSON.stringify(got) !== JSON.stringify(c.matches)) failures.push({ localised: c.query.slice(0, 80), want: c.matches, got });
}
const codes = new Errata.LookupIndex(vectors.codes.records, rules);
for (const c of vectors.codes.confident) {
  const got = codes.search(c.query).map((m) => m.message);
  if (JSON.stringify(got) !== JSON.stringify(c.matches)) failures.push({ codes: c.query.slice(0, 80), want: c.matches, got });
}
for (const c of vectors.says_something) {
  if (Errata.saysSomething(c.text, R) !== c.says) failures.push({ says_something: c.text, want: c.says });
}
const paste = (c) => c.prefix + c.unit.repeat(c.repeat) + c.suffix;
function bestTime(text) {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const started = process.hrtime.bigint();
    index.search(text, 5);
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6);
  }
  return best;
}
const timings = { reference: bestTime(paste(vectors.reference_paste)) };
for (const c of [vectors.reference_paste, ...vectors.pathological]) {
  const text = paste(c);
  const messages = index.search(text, 5).map((m) => m.message);
  if (JSON.stringify(messages) !== JSON.stringify(c.matches)) failures.push({ paste: c.name || "reference", want: c.matches, got: messages });
  if (!c.name) continue;
  const fp = Array.from(Errata.fingerprint(text, R)); // code points, as Python counts
  const type = Errata.exceptionLine(text, R)[0];
  const head = fp.slice(0, 60).join("");
  if (fp.length !== c.fingerprint_length || head !== c.fingerprint_head || type !== c.type) {
    failures.push({ paste: c.name, want: [c.fingerprint_length, c.fingerprint_head, c.type], got: [fp.length, head, type] });
  }
  timings[c.name] = bestTime(text);
}
// The thresholds and the type-prefix pattern are the rules file's, not the script's: change them there, the page follows.
const changed = JSON.parse(JSON.stringify(rules));
changed.scores.confident = 1.01;
changed.type_prefix = "^(?!)";
if (new Errata.LookupIndex(vectors.records, changed).search(paste(vectors.reference_paste), 5).length) failures.push({ rules: "scores.confident is not read" });
if (!Errata.head("KeyError: a b c", Errata.compileRules(changed)).has("keyerror")) failures.push({ rules: "type_prefix is not read" });
const checked = vectors.fingerprints.length + vectors.ranking.length + vectors.earlier.length + vectors.earlier_below_the_bar.length + vectors.earlier_lines.length + vectors.confident.length + vectors.names.confident.length + vectors.codes.confident.length + vectors.localised.confident.length + vectors.causes.cases.length + vectors.says_something.length + 1 + vectors.pathological.length;
console.log(JSON.stringify({ checked, failures, timings }));
