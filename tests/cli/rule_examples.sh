#!/bin/sh
# rule_examples.sh: the example each rule shows (`help rules`, the man page,
# the README) does what it says.  Its "flagged" text, checked alone, gives a
# finding of that rule; for a rule above suggestion level its "fixed" text
# gives none of that rule.  (The examples once claimed findings the scored
# model no longer gave.)  stale-suppression needs a comment and a file:
# suppress_line.sh covers it.
. "$(dirname "$0")/lib.sh"
"$P" --db "$DB" help rules >"$tmp/help" 2>&1 || { echo "FAIL: help rules exited $?"; exit 1; }
python3 - "$P" "$DB" "$tmp/help" <<'PY'
import json, re, subprocess, sys
exe, db, path = sys.argv[1:4]
text = open(path).read()
blocks = re.split(r"\n(?=[a-z-]+ \((?:error|warning|suggestion)\)\n)", text)
fails = n = 0
for b in blocks:
    m = re.match(r"([a-z-]+) \((error|warning|suggestion)\)\n", b)
    if not m or m.group(1) == "stale-suppression":
        continue
    rid, sev = m.group(1), m.group(2)
    ex = re.search(r"flagged:  (.*?)\n    fixed:    (.*?)(?:\n\n|\n?\Z)", b, re.S)
    if not ex:
        print(f"FAIL: {rid}: no example pair"); fails += 1; continue
    flagged, fixed = (" ".join(x.strip() for x in g.split("\n")) for g in ex.groups())
    def rules(t):
        out = subprocess.run([exe, "--db", db, "check", "--no-config", "--format", "json", "-"],
                             input=t.encode(), capture_output=True)
        if out.returncode not in (0, 1):
            return None
        return [f["rule"] for f in json.loads(out.stdout.decode().splitlines()[0])["findings"]]
    got = rules(flagged)
    n += 1
    if got is None or rid not in got:
        print(f"FAIL: {rid}: its flagged example gives {got}: {flagged!r}"); fails += 1
    if sev != "suggestion":
        got = rules(fixed)
        n += 1
        if got is None or rid in got:
            print(f"FAIL: {rid}: its fixed example gives {got}: {fixed!r}"); fails += 1
print(f"rule_examples: {n - fails} of {n} examples do what they say")
sys.exit(1 if fails else 0)
PY
