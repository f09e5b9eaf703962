/*
 * Errata in the browser: the error fingerprint and ranking of errata.fingerprint
 * and errata.lookup (Python), the /lookup/ page, a search box that copes with
 * pasted errors, and the filter of /errors/.
 *
 * No pattern, threshold or weight is written here: they come with errors.json
 * ("rules"), compiled from the same file the Python side uses
 * (src/errata/data/fingerprint_rules.json), so the two cannot drift apart.
 * tests/fixtures/fingerprint_vectors.json checks both, pathological pastes too.
 */
(function (root) {
  "use strict";

  /* Where the site publishes its entries (hooks/errata_hooks.py writes it), from the site's root. */
  var INDEX_FILE = "errors.json";
  /* The lookup page's query parameter (LOOKUP_PARAM in errata/frontdoor.py, whose form sends it). Not
   * "q": Material opens its search dialog on any page loaded with ?q=, over the lookup's answer. */
  var LOOKUP_PARAM = "error";

  /* ---- fingerprint (mirrors errata/fingerprint.py) ---------------------- */

  function compileRules(rules) {
    return {
      unicodeForm: rules.paste.unicode_form,
      invisible: new RegExp(rules.paste.invisible, "g"),
      terminalCodes: new RegExp(rules.paste.terminal_codes, "g"),
      lineBreak: new RegExp(rules.paste.line_break, "g"),
      blank: new RegExp(rules.paste.blank, "g"),
      lineEndBlank: new RegExp(rules.paste.line_end_blank, "gm"),
      maxPasteChars: rules.paste.max_chars,
      typePrefix: new RegExp(rules.type_prefix),
      python3Types: rules.python3_types.rules.map(function (r) { return [new RegExp("^(?:" + r[0] + ")$"), new RegExp(r[1]), r[2]]; }),
      exceptionLine: new RegExp(rules.exception_line, "gm"),
      // "u": its place is at most 260 characters, which Python counts in code points (an emoji is one, not two).
      toolErrorLine: new RegExp(rules.tool_error_line, "gmu"),
      toolCauseLine: new RegExp(rules.tool_cause_line),
      loggedErrorLine: new RegExp(rules.logged_error_line),
      inlineExceptionLine: new RegExp(rules.inline_exception_line, "gm"),
      // Python writes a group in a replacement as \1, JavaScript as $1.
      localised: rules.localised.pairs,
      codes: rules.codes.rules.map(function (rule) { return [new RegExp(rule.pattern, "g"), rule.prefix, rule.suffix]; }),
      digitsAs: rules.codes.digits_as,
      placeholders: rules.placeholders.map(function (p) { return [new RegExp(p[0], "gm"), p[1].replace(/\\(\d)/g, "$$$1")]; }),
      space: new RegExp(rules.space, "gm"),
      trim: new Set(Array.from(rules.trim)),
      token: new RegExp(rules.token, "gm"),
      identity: new RegExp(rules.identity_token, "m"),
      quoted: new RegExp(rules.quoted_token, "m"),
      libraryName: new RegExp(rules.library_name, "m"),
      placeholderName: new RegExp(rules.placeholder_name, "m"),
      stopwords: new Set(rules.stopwords),
      weights: rules.weights,
      headTokens: rules.head_tokens,
      candidates: rules.candidates,
      scores: rules.scores,
    };
  }

  /* Where the last `count` characters of a text start, counted as Python counts them (code points,
   * not UTF-16 units); 0 when the text has no more than that. */
  function tailStart(text, count) {
    var i = text.length;
    for (var seen = 0; i > 0 && seen < count; seen++) {
      var low = text.charCodeAt(i - 1), pair = low >= 0xdc00 && low <= 0xdfff && i >= 2 && (text.charCodeAt(i - 2) & 0xfc00) === 0xd800;
      i -= pair ? 2 : 1;
    }
    return i;
  }

  /* A pasted text as it is fingerprinted (errata.fingerprint.normalise_paste). */
  function normalisePaste(text, R) {
    text = text.normalize(R.unicodeForm).replace(R.invisible, "").replace(R.terminalCodes, "").replace(R.lineBreak, "\n").replace(R.blank, " ").replace(R.lineEndBlank, "");
    var start = text.length > R.maxPasteChars ? tailStart(text, R.maxPasteChars) : 0;
    if (start > 0) {
      text = text.slice(start);
      var firstBreak = text.indexOf("\n");
      if (firstBreak !== -1 && firstBreak < text.length - 1) text = text.slice(firstBreak + 1);
    }
    return text;
  }

  function lastMatch(regex, text) {
    regex.lastIndex = 0;
    var match, last = null;
    while ((match = regex.exec(text)) !== null) {
      last = match;
      if (match[0] === "") regex.lastIndex++;
    }
    return last;
  }

  function exceptionLine(text, R) {
    text = normalisePaste(text, R);
    var m = lastMatch(R.exceptionLine, text);
    if (m) return [m[1], trimmed(m[2] || "", R)];
    m = lastMatch(R.toolErrorLine, text);
    if (m) return [null, trimmed(m[1], R)];
    m = lastMatch(R.inlineExceptionLine, text);
    if (m) return [m[2], trimmed(m[1] ? inCodeSpan(m[3], R) : m[3], R)]; // a backtick opened it: the code span is the message
    return [null, trimmed(text.replace(R.space, " "), R)];
  }

  /* The message of an exception a backtick opened: the code span's, or what follows a span that closes right
   * after the type (`RuntimeError:` one of the variables…), as errata.fingerprint._in_the_code_span. */
  function inCodeSpan(message, R) {
    var at = message.indexOf("`");
    if (at < 0) return message;
    var inside = message.slice(0, at), after = message.slice(at + 1);
    return trimmed(inside, R) === "" && after !== "" ? after.split("`").join("") : inside;
  }

  /* The text without whitespace at its ends, as Python's str.strip takes it off (errata.fingerprint.trimmed):
   * String.prototype.trim() knows another set of characters. */
  function trimmed(text, R) {
    var start = 0, end = text.length;
    while (start < end && R.trim.has(text[start])) start++;
    while (end > start && R.trim.has(text[end - 1])) end--;
    return text.slice(start, end);
  }

  function shortType(name) {
    if (!name) return null;
    var parts = name.split(".");
    return parts[parts.length - 1];
  }

  /* The short type Python 3 prints for the error (errata.fingerprint.python3_type). */
  function python3Type(name, message, R) {
    var short = shortType(name);
    if (!short) return short;
    for (var i = 0; i < R.python3Types.length; i++) {
      var rule = R.python3Types[i];
      if (rule[0].test(short) && rule[1].test(message)) return rule[2];
    }
    return short;
  }

  /* A feature that is a code naming the error whatever the exception around it (errata.fingerprint.is_code). */
  function isCode(feature, R) {
    return feature.indexOf(" ") === -1 && R.codes.some(function (rule) { return feature.indexOf(rule[1]) === 0; });
  }

  function parameterise(message, R) {
    message = message.replace(R.space, " "); // the placeholders rely on it (see the rules file)
    R.localised.forEach(function (pair) { message = message.split(pair[0]).join(pair[1]); });
    R.codes.forEach(function (rule) { // codes that name the error (see the rules file), kept whole
      message = message.replace(rule[0], function (_, code) {
        return rule[1] + code.toLowerCase().replace(/[0-9]/g, function (digit) { return R.digitsAs[Number(digit)]; }) + rule[2];
      });
    });
    R.placeholders.forEach(function (p) { message = message.replace(p[0], p[1]); });
    return trimmed(message.replace(R.space, " "), R);
  }

  function fingerprint(text, R) {
    var line = exceptionLine(text, R);
    var template = parameterise(line[1], R);
    var kind = python3Type(line[0], line[1], R);
    if (kind) return template ? kind + ": " + template : kind;
    return template;
  }

  function tokens(fp, R) {
    return (fp.match(R.token) || []).map(function (t) { return t.toLowerCase(); });
  }

  function features(fp, R) {
    var words = tokens(fp, R);
    var out = new Set(words);
    for (var i = 0; i + 1 < words.length; i++) out.add(words[i] + " " + words[i + 1]);
    return out;
  }

  function head(fp, R) {
    var message = R.typePrefix.test(fp) ? fp.slice(fp.indexOf(": ") + 2) : fp;
    var words = tokens(message, R).filter(function (t) { return !R.stopwords.has(t) && t.charAt(0) !== "<"; });
    return new Set(words.slice(0, R.headTokens));
  }

  /* A word that is neither a placeholder nor a function word (errata.fingerprint.says_something). */
  function saysSomething(fp, R) {
    // A letter besides the placeholders: 'gt_bboxes_<num>' names something, '<num>' does not.
    return tokens(fp, R).some(function (t) { return !R.stopwords.has(t) && (t.indexOf("<") === -1 || /\p{L}/u.test(t.replace(/<[a-z]+>/g, ""))); });
  }

  function featureWeight(feature, R) {
    if (feature.indexOf(" ") !== -1) return R.weights.bigram;
    if (R.quoted.test(feature)) return R.weights.quoted;
    if (R.stopwords.has(feature)) return R.weights.stopword;
    return 1;
  }

  function names(featureSet, R) {
    var out = new Set();
    featureSet.forEach(function (f) { if ((f.indexOf(" ") === -1 && R.quoted.test(f) && !R.placeholderName.test(f)) || R.libraryName.test(f)) out.add(f); });
    return out;
  }

  /* ---- ranking (mirrors errata/lookup.py) ------------------------------- */

  function LookupIndex(records, rules) {
    var R = (this.R = compileRules(rules));
    var self = this;
    var postings = (this.postings = new Map());
    this.entries = records.map(function (record, i) {
      var full = features(record.fingerprint, R);
      var own = features(fingerprint(record.message, R), R);
      new Set([].concat(Array.from(full), Array.from(own))).forEach(function (t) {
        if (!postings.has(t)) postings.set(t, []);
        postings.get(t).push(i);
      });
      return {
        record: record, variants: [full, own], heads: [head(record.fingerprint, R), head(fingerprint(record.message, R), R)],
        template: parameterise(record.message, R).toLowerCase(), type: python3Type(record.type, exceptionLine(record.message, R)[1], R), names: names(own, R),
      };
    });
    var count = this.entries.length;
    this.rarity = new Map();
    this.df = new Map();
    postings.forEach(function (ids, t) {
      self.df.set(t, ids.length);
      self.rarity.set(t, 1 + Math.log((count + 1) / (ids.length + 1)));
    });
    this.unknownRarity = 1 + Math.log(count + 1);
    this.rareCut = Math.max(R.candidates.rare_min, Math.floor(count / R.candidates.rare_fraction));
  }

  /* Entries worth scoring: those sharing a feature few entries have (as errata.lookup). */
  LookupIndex.prototype.candidates = function (queryFeatures) {
    var self = this, known = [], rare = [], out = new Set();
    queryFeatures.forEach(function (t) {
      if (!self.postings.has(t)) return;
      known.push(t);
      if (self.df.get(t) <= self.rareCut) rare.push(t);
    });
    (rare.length ? rare : known).forEach(function (t) { self.postings.get(t).forEach(function (i) { out.add(i); }); });
    return out;
  };

  LookupIndex.prototype.weight = function (t) {
    return featureWeight(t, this.R) * (this.rarity.has(t) ? this.rarity.get(t) : this.unknownRarity);
  };

  LookupIndex.prototype.weigh = function (set, lead) {
    var self = this, headWeight = this.R.weights.head, total = 0;
    set.forEach(function (t) { total += self.weight(t) * (lead.has(t) ? headWeight : 1); });
    return total;
  };

  /* queryTotal is the query's own weight, the same for every entry: weighed once by search(). */
  LookupIndex.prototype.overlap = function (query, queryHead, queryTotal, entry, entryHead) {
    if (!query.size || !entry.size) return 0;
    var shared = new Set(), small = query.size < entry.size ? query : entry, large = small === query ? entry : query;
    small.forEach(function (t) { if (large.has(t)) shared.add(t); });
    if (!shared.size) return 0;
    var precision = this.weigh(shared, queryHead) / queryTotal;
    var recall = this.weigh(shared, entryHead) / this.weigh(entry, entryHead);
    return Math.min(1, (Math.max(precision, recall) + precision * recall) / 2);
  };

  // As errata.lookup's search: where the paste's last error has no confident match, the errors
  // before it (earlierErrors), nearest first: a launcher's ChildFailedError ends many tracebacks.
  LookupIndex.prototype.search = function (query, limit, threshold) {
    var matches = this.searchOne(query, limit, threshold);
    // Gradle's error line names the task that failed, the next line why: every task's failure reads alike.
    var cause = statedCause(query, this.R);
    var byCause = cause ? this.searchOne(cause, limit, threshold) : [];
    if (byCause.length && (!matches.length || byCause[0].score > matches[0].score)) matches = byCause;
    // Asked below the bar, the last error often has some answers: the errors before it are tried where none is
    // confident, and the nearest with a confident one takes their place; where none has, the last error's answers
    // stand, or where it has none, the nearest earlier one's.
    var bar = this.R.scores.confident;
    var sure = function (found) { return found.length > 0 && found[0].score >= bar; };
    var earlier = sure(matches) ? [] : earlierErrors(query, this.R.scores.earlier_errors, this.R);
    var nearest = [];
    for (var k = 0; k < earlier.length; k++) {
      var found = this.searchOne(earlier[k], limit, threshold);
      if (sure(found)) return found;
      if (!nearest.length) nearest = found;
    }
    return matches.length ? matches : nearest;
  };

  function allMatches(regex, text) {
    var found = [], match;
    regex.lastIndex = 0;
    while ((match = regex.exec(text)) !== null) {
      found.push(match);
      if (match[0] === "") regex.lastIndex++;
    }
    return found;
  }

  function earlierErrors(text, count, R) {
    text = normalisePaste(text, R);
    var found = allMatches(R.exceptionLine, text), tool = !found.length;
    // A tool's errors where no line is an exception's (pip: what it could not find, then that nothing installs).
    if (tool) found = allMatches(R.toolErrorLine, text);
    if (!found.length) return [];
    // Each error once, and not the last one again: its type and message, whatever a tool put before it.
    var errorOf = function (m) { return tool ? "\n" + trimmed(m[1], R) : m[1] + "\n" + trimmed(m[2] || "", R); };
    var seen = new Set([errorOf(found[found.length - 1])]), out = [];
    for (var i = found.length - 2; i >= 0 && out.length < count; i--) {
      var error = errorOf(found[i]);
      if (!seen.has(error)) {
        seen.add(error);
        out.push(text.slice(0, found[i].index + found[i][0].length));
      }
    }
    // A tool's last error line often follows the line that says what went wrong in its own words: tried last.
    if (tool && out.length < count) {
      var before = lineBefore(text, found[found.length - 1].index, R);
      if (before) out.push(before);
    }
    if (tool) loggedErrors(text, found[found.length - 1].index, count, out, R);
    return out;
  }

  // As errata.fingerprint._logged_errors: lines before offset at that a log marks as errors by their level, not a
  // tool's error lines nor taken already, nearest first, added to out until it holds count.
  function loggedErrors(text, at, count, out, R) {
    var lines = text.slice(0, at).split("\n");
    for (var j = lines.length - 1; j >= 0 && out.length < count; j--) {
      var line = trimmed(lines[j], R);
      if (!line || !R.loggedErrorLine.test(line) || out.indexOf(line) >= 0) continue;
      R.toolErrorLine.lastIndex = 0;
      var tool = R.toolErrorLine.exec(line);
      if (!(tool && tool.index === 0)) out.push(line);
    }
  }

  // As errata.fingerprint.stated_cause: the cause a tool states on the line right under its last error line,
  // after a ">", where no line is an exception's.
  function statedCause(text, R) {
    text = normalisePaste(text, R);
    R.exceptionLine.lastIndex = 0;
    if (R.exceptionLine.test(text)) return null;
    var tools = allMatches(R.toolErrorLine, text);
    if (!tools.length) return null;
    var last = tools[tools.length - 1], end = last.index + last[0].length;
    if (text.charAt(end) !== "\n") return null;
    var next = text.indexOf("\n", end + 1);
    var cause = R.toolCauseLine.exec(text.slice(end + 1, next < 0 ? text.length : next));
    return cause ? trimmed(cause[1], R) : null;
  }

  // The line before offset at (a line's start) where it is the tool's words, not one of its error lines.
  function lineBefore(text, at, R) {
    var end = Math.max(at - 1, 0);
    var line = trimmed(text.slice(text.lastIndexOf("\n", end - 1) + 1, end), R);
    if (!line || !at) return null;
    R.toolErrorLine.lastIndex = 0;
    var m = R.toolErrorLine.exec(line);
    return m && m.index === 0 ? null : line;
  }

  LookupIndex.prototype.searchOne = function (query, limit, threshold) {
    var R = this.R, self = this, S = R.scores;
    limit = limit || 5;
    threshold = threshold === undefined ? S.confident : threshold;
    var line = exceptionLine(query, R);
    var queryType = python3Type(line[0], line[1], R);
    var queryFp = fingerprint(query, R);
    var queryFeatures = features(queryFp, R);
    var queryHead = head(queryFp, R);
    var queryTemplate = parameterise(line[1], R).toLowerCase();
    // An entry's message may start with its type (KeyError: 'bbox'): it is looked for in the type and message.
    var queryLine = line[0] ? parameterise(shortType(line[0]) + ": " + line[1], R).toLowerCase() : queryTemplate;
    var queryNames = names(queryFeatures, R);
    var queryTotal = this.weigh(queryFeatures, queryHead);
    if (!queryTotal || !saysSomething(queryFp, R)) return [];
    // A type with no message (RuntimeError:, KeyError: 0) would match every entry of its type.
    if (line[0] && !saysSomething(queryTemplate, R)) return [];
    var candidates = this.candidates(queryFeatures);
    var queryCodes = 0;
    queryFeatures.forEach(function (t) { if (isCode(t, R)) queryCodes += 1; });
    var matches = [];
    candidates.forEach(function (i) {
      var entry = self.entries[i];
      var score = Math.max(self.overlap(queryFeatures, queryHead, queryTotal, entry.variants[0], entry.heads[0]),
                           self.overlap(queryFeatures, queryHead, queryTotal, entry.variants[1], entry.heads[1]));
      var sameType = !!(queryType && entry.type && queryType === entry.type);
      var identity = false;
      // Not where the entry names a file, module or command the paste does not show (as errata.lookup's by_identity).
      if (sameType && (queryNames.size || !entry.names.size)) queryFeatures.forEach(function (t) { if (entry.variants[0].has(t) && R.identity.test(t)) identity = true; });
      // ORA-00054, whatever wraps it, where every code the entry names is in the paste (a list of codes names none alone)
      var codes = 0, shared = 0;
      entry.variants[0].forEach(function (t) { if (isCode(t, R)) { codes += 1; if (queryFeatures.has(t)) shared += 1; } });
      if (codes && shared === codes) identity = true;
      if ((entry.template && queryLine.indexOf(entry.template) !== -1) || identity) score = Math.max(score, S.contained);
      if (queryType && entry.type) {
        score = sameType ? Math.min(1, score * (1 + S.same_type_bonus)) : score * S.other_type_factor;
      }
      if (entry.names.size && queryNames.size) {
        var agree = false;
        entry.names.forEach(function (n) { if (queryNames.has(n)) agree = true; });
        // Names that agree are no match where both name codes and none agree: MySQL's 1698 is not 1045 for a shared 'root'@'localhost'.
        if (codes && queryCodes && !shared) agree = false;
        if (!agree) score *= R.weights.other_name_factor;
        // Another shared library is another package to install: twice.
        var libraries = function (set) { var found = false; set.forEach(function (n) { if (R.libraryName.test(n)) found = true; }); return found; };
        if (!agree && libraries(entry.names) && libraries(queryNames)) score *= R.weights.other_name_factor;
      }
      if (score >= threshold) {
        matches.push({ score: score, message: entry.record.message, url: entry.record.url, type: entry.record.type, essay: entry.record.essay });
      }
    });
    // Scores to four places, as Python compares them: the last bits of a tie may differ between the two. Of two
    // that tie, the longer message (in code points, as Python counts) says more of the paste.
    var fourPlaces = function (score) { return Math.floor(score * 10000 + 0.5); };
    var length = function (text) { return Array.from(text).length; };
    matches.sort(function (a, b) {
      return fourPlaces(b.score) - fourPlaces(a.score) || length(b.message) - length(a.message) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
    });
    return matches.slice(0, limit);
  };

  /* At most this many characters reach Material's search: lunr's work grows with
   * the terms of a query (a 40,000-character query took seconds); no search
   * needs more words than this, and the lookup gets the whole paste anyway. */
  var SEARCH_BOX_CHARS = 200;

  /* The first SEARCH_BOX_CHARS characters of a query, cut between words. */
  function capQuery(text) {
    text = text.replace(/[ \t\r\n\f\v\u00a0\u3000]+/g, " ").trim();
    if (text.length <= SEARCH_BOX_CHARS) return text;
    var cut = text.slice(0, SEARCH_BOX_CHARS + 1), space = cut.lastIndexOf(" ");
    return (space > 0 ? cut.slice(0, space) : cut.slice(0, SEARCH_BOX_CHARS)).trim();
  }

  /* A pasted error as a query that lunr can digest: its message, without the
   * parts that differ from machine to machine (numbers, shapes, paths). */
  function searchableQuery(text, R) {
    var line = exceptionLine(text, R);
    var template = parameterise(line[1], R).replace(/<[a-z]+>/g, " ");
    return capQuery(((line[0] ? shortType(line[0]) + " " : "") + template).replace(/[^A-Za-z0-9_\u3400-\u9fff]+/g, " "));
  }

  var api = {
    compileRules: compileRules, normalisePaste: normalisePaste, exceptionLine: exceptionLine, parameterise: parameterise, fingerprint: fingerprint,
    tokens: tokens, features: features, head: head, shortType: shortType, python3Type: python3Type, saysSomething: saysSomething, LookupIndex: LookupIndex, searchableQuery: searchableQuery,
    capQuery: capQuery, SEARCH_BOX_CHARS: SEARCH_BOX_CHARS, earlierErrors: earlierErrors, statedCause: statedCause,
  };
  if (typeof module !== "undefined" && module.exports) { module.exports = api; return; }
  root.Errata = api;

  /* ---- the site --------------------------------------------------------- */

  function siteBase() {
    var config = document.getElementById("__config");
    var base = config ? JSON.parse(config.textContent).base : ".";
    return base.replace(/\/$/, "");
  }

  var indexPromise = null;
  function loadIndex() {
    if (!indexPromise) {
      indexPromise = fetch(siteBase() + "/" + INDEX_FILE)
        .then(function (response) { return response.json(); })
        .then(function (data) { return new LookupIndex(data.entries, data.rules); });
    }
    return indexPromise;
  }

  function entryHref(url) { return siteBase() + "/" + url; }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function initLookupPage() {
    var form = document.getElementById("errata-lookup");
    if (!form) return;
    var input = form.querySelector("textarea");
    var output = document.getElementById("errata-lookup-results");
    function run() {
      var query = input.value.trim();
      if (!query) { output.innerHTML = ""; return; }
      loadIndex().then(function (index) {
        var started = performance.now();
        var matches = index.search(query, 5);
        var elapsed = performance.now() - started;
        output.setAttribute("data-elapsed-ms", elapsed.toFixed(2));
        if (!matches.length) {
          output.innerHTML = '<p class="errata-none">没有找到可靠的匹配。这个报错可能还没有收录——可以<a class="errata-search-all" href="#">在全站搜索这段报错</a>，' +
            '也欢迎<a href="' + siteBase() + '/#contribute">贡献一条</a>。</p>';
        } else {
          output.innerHTML = '<ol class="errata-matches">' + matches.map(function (m) {
            return '<li><a class="errata-match" href="' + escapeHtml(entryHref(m.url)) + '"><code>' + escapeHtml(m.message) +
              "</code></a><span class=\"errata-score\">匹配度 " + Math.round(m.score * 100) + "%</span>" +
              (m.essay ? '<span class="errata-essay">' + escapeHtml(m.essay) + "</span>" : "") + "</li>";
          }).join("") + "</ol>" +
            '<p class="errata-more">不是要找的？<a class="errata-search-all" href="#">在全站搜索这段报错</a></p>';
        }
        linkSiteSearch(output.querySelector(".errata-search-all"), searchableQuery(query, index.R));
      });
    }
    form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
    input.addEventListener("input", run);
    var pasted = new URLSearchParams(location.search).get(LOOKUP_PARAM);
    if (pasted) { input.value = pasted; run(); }
  }

  /* Where the lookup knows no entry (or not the one wanted), the site's full-text search may know a page:
   * the link opens Material's search with the paste's searchable words, on this page. Its href is
   * Material's own deep link (?q=), which does the same after a page load should the dialog be missing. */
  function linkSiteSearch(link, query) {
    if (!link) return;
    var url = new URL(location.href);
    url.search = "";
    url.hash = "";
    url.searchParams.set("q", query);
    link.href = url.href;
    link.addEventListener("click", function (event) {
      var toggle = document.getElementById("__search");
      var box = document.querySelector(".md-search__input");
      if (!toggle || !box) return;
      event.preventDefault();
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
      box.value = query;
      box.focus();
      box.dispatchEvent(new Event("input", { bubbles: true }));
    });
  }

  function looksLikeAnError(text) {
    return /\n/.test(text.trim()) || /(Error|Exception|Warning)\b/.test(text) || text.split(/\s+/).length >= 4;
  }

  function initSearchBox() {
    var input = document.querySelector(".md-search__input");
    var list = document.querySelector(".md-search-result__list");
    if (!input || !list) return;

    // Whatever way text arrives (typed, dropped, pasted), the box holds no more than lunr digests quickly.
    input.maxLength = SEARCH_BOX_CHARS;
    function setQuery(query, pasted) {
      input.value = query;
      if (pasted) input.setAttribute("data-errata-pasted", pasted); else input.removeAttribute("data-errata-pasted");
      input.dispatchEvent(new Event("input", { bubbles: true }));
    }
    input.addEventListener("paste", function (event) {
      var text = (event.clipboardData || window.clipboardData).getData("text");
      if (!text) return;
      if (!looksLikeAnError(text)) {
        // A long or space-padded paste: its words, not the padding (the browser would keep the first 200 characters).
        if (text.length > SEARCH_BOX_CHARS || /[ \t\r\n]{2}/.test(text)) { event.preventDefault(); setQuery(capQuery(text)); }
        return;
      }
      event.preventDefault();
      loadIndex().then(function (index) {
        // The lookup needs no more of the paste than it fingerprints: keep that, not megabytes in an attribute.
        setQuery(searchableQuery(text, index.R), normalisePaste(text, index.R));
      });
    });
    input.addEventListener("input", function (event) {
      if (event.isTrusted) input.removeAttribute("data-errata-pasted");
    });

    function pin() {
      var query = input.getAttribute("data-errata-pasted") || input.value;
      var existing = list.querySelector(".errata-pinned");
      if (!query.trim() || !looksLikeAnError(query)) { if (existing) existing.remove(); return; }
      loadIndex().then(function (index) {
        var best = index.search(query, 1)[0];
        var current = list.querySelector(".errata-pinned");
        if (!best) { if (current) current.remove(); return; }
        var href = entryHref(best.url);
        if (current && current.getAttribute("data-href") === href && list.firstElementChild === current) return;
        if (current) current.remove();
        var item = document.createElement("li");
        item.className = "md-search-result__item errata-pinned";
        item.setAttribute("data-href", href);
        item.innerHTML = '<a href="' + escapeHtml(href) + '" class="md-search-result__link" tabindex="-1">' +
          '<article class="md-search-result__article md-typeset"><div class="md-search-result__icon md-icon"></div>' +
          "<h1>" + escapeHtml(best.message) + "</h1><p>最可能的条目 · 匹配度 " + Math.round(best.score * 100) + "%" +
          (best.essay ? " · " + escapeHtml(best.essay) : "") + "</p></article></a>";
        list.insertBefore(item, list.firstChild);
      });
    }
    // Material re-renders the result list for every query; pin() is idempotent,
    // so re-pinning after each render (ours included) settles at once.
    new MutationObserver(pin).observe(list, { childList: true });
    input.addEventListener("input", pin);
  }

  function initErrorsFilter() {
    var box = document.querySelector(".errata-filter");
    if (!box) return;
    var input = box.querySelector(".errata-filter-input");
    var active = new Set();
    function apply() {
      var text = input.value.trim().toLowerCase();
      document.querySelectorAll(".errata-index tbody tr").forEach(function (row) {
        var tags = (row.getAttribute("data-tags") || "").split("|");
        var tagOk = Array.from(active).every(function (t) { return tags.indexOf(t) !== -1; });
        var textOk = !text || row.textContent.toLowerCase().indexOf(text) !== -1;
        row.hidden = !(tagOk && textOk);
      });
    }
    input.addEventListener("input", apply);
    box.querySelectorAll(".errata-chip").forEach(function (chip) {
      chip.addEventListener("click", function () {
        var tag = chip.getAttribute("data-tag");
        if (active.has(tag)) active.delete(tag); else active.add(tag);
        chip.classList.toggle("errata-chip--active", active.has(tag));
        apply();
      });
    });
  }

  function init() { initLookupPage(); initSearchBox(); initErrorsFilter(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})(typeof window !== "undefined" ? window : this);
