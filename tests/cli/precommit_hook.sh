#!/bin/sh
# precommit_hook.sh: the pre-commit hook picks articles and nothing else
# (issue 17, 2026-12-05: `types_or: [markdown, html, text]` matched every
# text file, because pre-commit's identify tags .py and .yaml as text, and
# the hook reported "No Charlottesville lies in North Carolina" in build.py
# and notes.yaml).  pre-commit selects with Python's re.search on the path
# and `files:`; with `types`/`types_or` also given, a file must match both,
# so those must not widen anything.  Then the hook's entry runs on the
# files it picks, as pre-commit runs it.
. "$(dirname "$0")/lib.sh"
hooks="$top/.pre-commit-hooks.yaml"
python3 - "$hooks" "$P" "$DB" "$tmp" <<'PY'
import json, os, re, subprocess, sys
hooks_file, binary, db, tmp = sys.argv[1:]
try:
    import yaml
    hooks = yaml.safe_load(open(hooks_file))
except ImportError:  # the fields used here, read by hand
    text = open(hooks_file).read()
    def field(k):
        m = re.search(r"^\s+%s:\s*(.*)$" % k, text, re.M)
        return m and m.group(1).strip()
    files = field("files")
    hooks = [{"id": "placecheck", "entry": field("entry"), "language": field("language"),
              "files": files[1:-1] if files and files[0] in "'\"" else files,
              "types_or": field("types_or"), "types": field("types")}]
fails = []
h = [x for x in hooks if x.get("id") == "placecheck"]
if len(h) != 1:
    sys.exit("FAIL: no single hook with id placecheck")
h = h[0]
if h.get("types_or") or (h.get("types") not in (None, ["file"])):
    fails.append("types/types_or %r %r widen or narrow by identify tags" % (h.get("types"), h.get("types_or")))
files_re = re.compile(h.get("files") or "")
picked = ["story.md", "news/world/Canberra.MD", "a.markdown", "page.html", "page.htm", "notes.txt"]
skipped = ["build.py", "notes.yaml", ".pre-commit-config.yaml", ".placecheck.ini", "Makefile",
           "data.json", "story.md.bak", "style.css", "script.js", "README.rst", "md/notes.yaml"]
for f in picked:
    if not files_re.search(f):
        fails.append("files: does not pick %s" % f)
for f in skipped:
    if files_re.search(f):
        fails.append("files: picks %s" % f)
# The entry on what it picks: a story with a mix-up, and code full of place names.
if h.get("language") != "system" or not h.get("entry", "").startswith("placecheck check"):
    fails.append("entry %r / language %r" % (h.get("entry"), h.get("language")))
os.makedirs(os.path.join(tmp, "repo"))
story = os.path.join(tmp, "repo", "story.md")
with open(story, "w") as fp:
    # a dateline, three states and the Australian dollar: a warning far
    # above the scored model's threshold (when written, 9.9 against 5.1)
    fp.write("# Canberra budget\n\nCANBERRA, Australia -- The prime minister met the premiers of Queensland,\n"
             "Victoria and New South Wales on Tuesday. Sydney and Melbourne pressed for\n"
             "money. The Australian dollar rose.\n\n"
             "Austria's prime minister said the budget would pass the Senate next week.\n")
with open(os.path.join(tmp, "repo", "build.py"), "w") as fp:
    fp.write('print("Charlottesville, N.C.")\n')
names = [n for n in sorted(os.listdir(os.path.join(tmp, "repo"))) if files_re.search(n)]
argv = [binary, "--db", db] + h["entry"].split()[1:] + ["--no-config"] + names
r = subprocess.run(argv, cwd=os.path.join(tmp, "repo"), capture_output=True, text=True)
if names != ["story.md"]:
    fails.append("the hook would get %r" % names)
if r.returncode != 1 or "story.md:" not in r.stdout or "build.py" in r.stdout:
    fails.append("entry: exit %d, output %r %r" % (r.returncode, r.stdout, r.stderr))
for f in fails:
    print("FAIL:", f)
sys.exit(1 if fails else 0)
PY
rc=$?
[ $rc -eq 0 ] || exit 1
echo "precommit_hook: ok"
