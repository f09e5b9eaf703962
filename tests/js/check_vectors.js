// Runs tests/fixtures/fingerprint_vectors.json against docs/assets/javascripts/errata.js under Node.
// Usage: node tests/js/check_vectors.js RULES_JSON VECTORS_JSON ; prints one JSON report line.
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
console.log(JSON.stringify({ checked: vectors.fingerprints.length + vectors.ranking.length, failures }));
