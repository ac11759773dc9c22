#!/usr/bin/env bash
# Whole-process benchmark: coopfacts against the baselines on a generated corpus.
#
#   BENCH_DATA=/somewhere/outside bench/run.sh [CORPUS] [RUNS]
#
# CORPUS is c10k (default), c100k or c1m; RUNS the counted rounds (default 3).
# Generates the corpus with ../shared/bench/gen_corpus.py into $BENCH_DATA/CORPUS
# if missing, builds the release binary, checks that coopfacts gives one record
# per article, no errors, a plausible number of facts and the same records from
# the files, the JSONL and the JSONL.gz (so that a fast wrong build cannot look
# good), then times, side by side with ../shared/bench/compare.py:
#   A coopfacts on the files        B coopfacts on articles.jsonl
#   C coopfacts on articles.jsonl.gz  D gzip -dc articles.jsonl.gz
#   E cat of the files               F rg -c -F -f terms.txt (if rg is installed)
#   G baseline_python.py (if ../shared/bench/.venv has it, or $BASELINE_PYTHON)
#   H coopfacts -j 1 on the files (for the thread scaling, G9)
#   I baseline_spacy.py (only with SPACY=1; 77 s a round on c10k)
# and appends the figures, with machine and commit, and the goal ratios of
# ../shared/bench/BASELINES.md (G1-G11, each with its bar and whether it is
# met) to bench/record/runs.jsonl, and the tables to bench/record/CORPUS.md.
# G6-G8 compare with the latest recorded run on the neighbouring corpus.
#
# Environment: BENCH_DATA (required), SHARED (default: ../shared beside the
# checkout), THREADS (coopfacts -j, default: all cores), BASELINES=0 to time
# coopfacts alone (for c1m, where a Python round takes ten minutes), SPACY=1,
# WARMUP (uncounted rounds first, default 1; the checks already read the corpus).
set -euo pipefail

corpus=${1:-c10k}
runs=${2:-3}
repo=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$repo/../shared}
: "${BENCH_DATA:?set BENCH_DATA to a folder outside the checkout}"
mkdir -p "$BENCH_DATA"
data=$(cd "$BENCH_DATA" && pwd)
case "$data/" in "$repo/"*) echo "BENCH_DATA must be outside the checkout" >&2; exit 2;; esac
case "$corpus" in
  c10k) n=10000;; c100k) n=100000;; c1m) n=1000000;;
  *) echo "unknown corpus $corpus (c10k, c100k, c1m)" >&2; exit 2;;
esac
dir=$data/$corpus
out=$data/out
mkdir -p "$out"

if [ ! -f "$dir/manifest.json" ]; then
  extra=(--jsonl --gzip)
  [ "$corpus" = c1m ] && extra=()
  python3 "$shared/bench/gen_corpus.py" --out "$dir" -n "$n" \
    --sources "$shared/gazetteer-sources" "${extra[@]}"
fi

cargo build --release --quiet --manifest-path "$repo/Cargo.toml"
bin=$repo/target/release/coopfacts
jflag=()
[ -n "${THREADS:-}" ] && jflag=(-j "$THREADS")

# --- correctness: counts and agreement across input forms -------------------
check() { # name, inputs...
  local name=$1; shift
  "$bin" extract "${jflag[@]}" --quiet "$@" -o "$out/$name.jsonl" --stats "$out/$name.stats.json" || {
    echo "coopfacts failed on $name (exit $?)" >&2; exit 1; }
}
check files "$dir/articles"
forms=(files)
if [ -f "$dir/articles.jsonl" ]; then check jsonl "$dir/articles.jsonl"; forms+=(jsonl); fi
if [ -f "$dir/articles.jsonl.gz" ]; then check jsonlgz "$dir/articles.jsonl.gz"; forms+=(jsonlgz); fi
python3 - "$out" "$dir/manifest.json" "${forms[@]}" <<'PY'
import json, sys
out, manifest, forms = sys.argv[1], sys.argv[2], sys.argv[3:]
count = json.load(open(manifest))["count"]
def bodies(name):
    for line in open(f"{out}/{name}.jsonl", encoding="utf-8"):
        r = json.loads(line); r.pop("source"); yield r
for name in forms:
    s = json.load(open(f"{out}/{name}.stats.json"))
    assert s["records"] == count, f"{name}: {s['records']} records for {count} articles"
    assert s["errors"] == 0, f"{name}: {s['errors']} errors"
    # The generator puts about 30 findable facts into an article; far fewer means
    # a broken build, however fast.
    assert s["facts"] >= 10 * count, f"{name}: only {s['facts']} facts for {count} articles"
    print(f"check {name}: {s['records']} records, {s['facts']} facts, {s['facts']/count:.1f} per article")
for name in forms[1:]:
    # JSONL ids are the file names; records must agree in order and content.
    for i, (a, b) in enumerate(zip(bodies("files"), bodies(name))):
        assert a == b, f"{name}: record {i + 1} differs from the files' record"
    print(f"check {name}: same records as the files")
PY

# --- timing -----------------------------------------------------------------
names=("coopfacts files"); cmds=("$bin extract ${jflag[*]} --quiet $dir/articles -o $out/a.jsonl")
if [ -f "$dir/articles.jsonl" ]; then
  names+=("coopfacts jsonl"); cmds+=("$bin extract ${jflag[*]} --quiet $dir/articles.jsonl -o $out/b.jsonl")
fi
if [ -f "$dir/articles.jsonl.gz" ]; then
  names+=("coopfacts jsonl.gz"); cmds+=("$bin extract ${jflag[*]} --quiet $dir/articles.jsonl.gz -o $out/c.jsonl")
  names+=("gzip -dc jsonl.gz"); cmds+=("gzip -dc $dir/articles.jsonl.gz")
fi
if [ "${BASELINES:-1}" != 0 ]; then
  names+=("cat files"); cmds+=("find $dir/articles -type f -print0 | xargs -0 cat")
  if command -v rg >/dev/null; then
    names+=("rg -c -F -f terms"); cmds+=("rg -c -F -f $dir/terms.txt $dir/articles")
  fi
  py=${BASELINE_PYTHON:-$shared/bench/.venv/bin/python}
  if [ -x "$py" ] && "$py" -c 'import ahocorasick' 2>/dev/null; then
    names+=("baseline_python"); cmds+=("$py $shared/bench/baseline_python.py $dir/articles --gazetteer $dir/gazetteer.tsv -o $out/py.jsonl")
  fi
  names+=("coopfacts files -j1"); cmds+=("$bin extract -j 1 --quiet $dir/articles -o $out/h.jsonl")
  if [ "${SPACY:-0}" = 1 ] && [ -x "$py" ] && "$py" -c 'import spacy' 2>/dev/null; then
    names+=("baseline_spacy"); cmds+=("$py $shared/bench/baseline_spacy.py $dir/articles --gazetteer $dir/gazetteer.tsv -o $out/spacy.jsonl")
  fi
fi

table=$(python3 "$shared/bench/compare.py" -n "$runs" --warmup "${WARMUP:-1}" --json "$out/compare.json" -- "${cmds[@]}" 2>/dev/null)
echo "$table"

# --- record -------------------------------------------------------------------
commit=$(git -C "$repo" rev-parse --short HEAD)
dirty=$(git -C "$repo" status --porcelain --untracked-files=no | grep -q . && echo "+dirty" || true)
machine="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr)"
when=$(date -u +%Y-%m-%dT%H:%MZ)
mkdir -p "$repo/bench/record"
python3 - "$out/compare.json" "$out/files.stats.json" "$repo/bench/record/runs.jsonl" \
  "$corpus" "$commit$dirty" "$machine" "$when" "${names[@]}" <<'PY'
import json, statistics, sys
compare, stats, record, corpus, commit, machine, when, *names = sys.argv[1:]
runs = json.load(open(compare))
s = json.load(open(stats))
row = {"when": when, "commit": commit, "machine": machine, "corpus": corpus,
       "records": s["records"], "facts": s["facts"], "bytes": s["bytes"], "commands": []}
for name, c in zip(names, runs):
    wall = statistics.median(r["wall"] for r in c["runs"])
    row["commands"].append({"name": name, "command": c["command"], "wall_s": round(wall, 3),
        "cpu_s": round(statistics.median(r["cpu"] for r in c["runs"]), 3),
        "peak_mib": round(statistics.median(r["peak_mib"] for r in c["runs"]), 1),
        "exit": max(r["exit"] for r in c["runs"]), "rounds": len(c["runs"])})
a = row["commands"][0]["wall_s"]
row["docs_per_s"] = round(s["records"] / a)
row["mb_per_s"] = round(s["bytes"] / 1e6 / a, 1)

# The goals of BASELINES.md, as ratios of the medians of this run (G6-G8 against
# the latest run recorded on the neighbouring corpus).
by = {c["name"]: c for c in row["commands"]}
def ratio(num, key_num, den, key_den):
    if num in by and den in by and by[den][key_den] > 0:
        return round(by[num][key_num] / by[den][key_den], 3)
goals = {}
def goal(name, value, bar, at_most):
    if value is not None:
        goals[name] = {"value": value, "bar": ("<= " if at_most else ">= ") + str(bar),
                       "met": value <= bar if at_most else value >= bar}
A = "coopfacts files"
goal("G1 wall / rg", ratio(A, "wall_s", "rg -c -F -f terms", "wall_s"), 2.5, True)
goal("G2 python / wall", ratio("baseline_python", "wall_s", A, "wall_s"), 10, False)
goal("G3 spacy / wall", ratio("baseline_spacy", "wall_s", A, "wall_s"), 50, False)
goal("G4 cpu / rg cpu", ratio(A, "cpu_s", "rg -c -F -f terms", "cpu_s"), 2.5, True)
goal("G5 peak / rg peak", ratio(A, "peak_mib", "rg -c -F -f terms", "peak_mib"), 2, True)
goal("G9 wall -j1 / wall", ratio("coopfacts files -j1", "wall_s", A, "wall_s"), 1.7, False)
goal("G10 jsonl.gz / gzip -dc", ratio("coopfacts jsonl.gz", "wall_s", "gzip -dc jsonl.gz", "wall_s"), 1.5, True)
goal("G11 jsonl / files", ratio("coopfacts jsonl", "wall_s", A, "wall_s"), 1.0, True)
def latest(corpus_name):
    last = None
    try:
        for line in open(record):
            r = json.loads(line)
            if r["corpus"] == corpus_name:
                last = r
    except FileNotFoundError:
        pass
    return last and {c["name"]: c for c in last["commands"]}.get(A)
if corpus == "c1m" and (ref := latest("c100k")):
    goal("G6 peak c1m / c100k", round(by[A]["peak_mib"] / ref["peak_mib"], 3), 1.2, True)
    goal("G7 wall c1m / c100k", round(by[A]["wall_s"] / ref["wall_s"], 3), 10.5, True)
if corpus == "c100k" and (ref := latest("c10k")):
    goal("G8 wall c10k / c100k", round(ref["wall_s"] / by[A]["wall_s"], 3), 0.15, True)
row["goals"] = goals
with open(record, "a") as f:
    f.write(json.dumps(row, ensure_ascii=False) + "\n")
with open(record + ".goals", "w") as f:
    for name, g in goals.items():
        f.write(f"{name:28} {g['value']:>8}  (bar {g['bar']})  {'met' if g['met'] else 'NOT met'}\n")
PY
goals=$(cat "$repo/bench/record/runs.jsonl.goals"); rm -f "$repo/bench/record/runs.jsonl.goals"
echo "$goals"
{
  echo
  echo "## $when, $commit$dirty"
  echo
  echo "$machine. Corpus $corpus, $runs counted rounds after one warm-up (compare.py)."
  i=0; for name in "${names[@]}"; do printf '%s %s\n' "$(printf "\\$(printf %o $((65 + i)))")" "$name"; i=$((i + 1)); done | paste -sd, - | sed 's/,/, /g'
  echo
  echo '```'
  echo "$table"
  echo '```'
  if [ -n "$goals" ]; then
    echo
    echo "Goals (ratios of the medians above):"
    echo
    echo '```'
    echo "$goals"
    echo '```'
  fi
} >> "$repo/bench/record/$corpus.md"
echo "recorded in bench/record/runs.jsonl and bench/record/$corpus.md"
