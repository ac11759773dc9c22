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
# and appends the figures, with machine and commit, to bench/record/runs.jsonl
# and the table to bench/record/CORPUS.md.
#
# Environment: BENCH_DATA (required), SHARED (default: ../shared beside the
# checkout), THREADS (coopfacts -j, default: all cores).
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
names+=("cat files"); cmds+=("find $dir/articles -type f -print0 | xargs -0 cat")
if command -v rg >/dev/null; then
  names+=("rg -c -F -f terms"); cmds+=("rg -c -F -f $dir/terms.txt $dir/articles")
fi
py=${BASELINE_PYTHON:-$shared/bench/.venv/bin/python}
if [ -x "$py" ] && "$py" -c 'import ahocorasick' 2>/dev/null; then
  names+=("baseline_python"); cmds+=("$py $shared/bench/baseline_python.py $dir/articles --gazetteer $dir/gazetteer.tsv -o $out/py.jsonl")
fi

table=$(python3 "$shared/bench/compare.py" -n "$runs" --json "$out/compare.json" -- "${cmds[@]}" 2>/dev/null)
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
with open(record, "a") as f:
    f.write(json.dumps(row, ensure_ascii=False) + "\n")
PY
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
} >> "$repo/bench/record/$corpus.md"
echo "recorded in bench/record/runs.jsonl and bench/record/$corpus.md"
