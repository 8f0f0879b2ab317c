#!/usr/bin/env bash
# Metadata scale (docs/benchmarks-metadata.md): builds a synthetic archive of R nightly runs x (TOPICS x PARTITIONS)
# partitions through the project's own RunWriter (tiny segments), then times, each as a fresh `kdr` JVM as an
# operator runs it: `backups list`, `verify` (not --deep), `restore topics --dry-run` (all topics, and one topic).
# The archive grows step by step (RUNS="30 120 365"); at each step it is measured as a format-1 archive with the
# build in KDR_BEFORE (e.g. a checkout of the commit before format 2) when given, then with this build after writing
# the index as of the newest run (what a format-2 writer leaves after every run), then with this build after
# deleting the index again (it falls back to the chain walk). verify does not use the index: timed once per build.
#   STORE=local RUNS="30 120 365" TOPICS=10 PARTITIONS=100 benchmarks/scripts/metadata-scale.sh
#   STORE=s3    RUNS="30 120"     TOPICS=10 PARTITIONS=10  benchmarks/scripts/metadata-scale.sh
# Results: one line per measurement on stdout and in $WORK/results-$STORE.tsv.
# Env: KDR_BEFORE=/path/to/checkout (built with mvn -pl restore-cli -am package -DskipTests), BEFORE_MAX_RUNS
# (measure KDR_BEFORE only up to this many runs; default 30), VERIFY_MAX_RUNS (skip verify above this many runs;
# default 1000), MEASURE_TIMEOUT (s per command, default 600; exit 124 = timed out), GEN_THREADS (default 2),
# FRESH (1: delete the work dir first, the default; 0: continue the archive already there), MVN_FLAGS ("-B -q"),
# SKIP_BUILD=1 (use the jars already built, e.g. while another run of this script uses them).
set -euo pipefail
REPO=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
STORE=${STORE:-local} RUNS=${RUNS:-"30 120 365"} TOPICS=${TOPICS:-10} PARTITIONS=${PARTITIONS:-100}
PORT=${BENCH_PORT:-19592} VERIFY_MAX_RUNS=${VERIFY_MAX_RUNS:-1000} GEN_THREADS=${GEN_THREADS:-2}
BEFORE_MAX_RUNS=${BEFORE_MAX_RUNS:-30} MEASURE_TIMEOUT=${MEASURE_TIMEOUT:-600}
KAFKA="$REPO/scripts/kafka-local.sh"
WORK="${KDR_WORK:-$REPO/.kdr-local}/metadata-scale-$STORE-${TOPICS}x$PARTITIONS"
RESULTS="$WORK/results-$STORE.tsv"
S3PID=""
cleanup() {
  "$KAFKA" stop --name metascale --purge >/dev/null 2>&1 || true
  if [ -n "$S3PID" ]; then kill "$S3PID" 2>/dev/null || true; fi
}
trap cleanup EXIT

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  # shellcheck disable=SC2086 # MVN_FLAGS is a list of arguments
  (cd "$REPO" && mvn ${MVN_FLAGS:--B -q} package dependency:build-classpath -DskipTests -pl restore-cli,benchmarks \
    -am -Dmdep.outputFile=target/classpath.txt)
fi
if [ "${FRESH:-1}" = 1 ]; then rm -rf "$WORK"; fi
mkdir -p "$WORK"
B=$("$KAFKA" start --name metascale --port "$PORT")

case "$STORE" in
  local)
    URI="file://$WORK/archive"
    GEN_STORE_ARGS=(--store-option local.fsync=false) ;;
  s3)
    JAR="$HOME/.m2/repository/com/adobe/testing/s3mock/5.2.0/s3mock-5.2.0-exec.jar"
    S3PORT=${S3_PORT:-19590}
    mkdir -p "$WORK/s3mock"
    java -Xmx512m -jar "$JAR" --server.ssl.enabled=false --server.address=127.0.0.1 --server.port="$S3PORT" \
      --http.port=0 --com.adobe.testing.s3mock.store.root="$WORK/s3mock" --logging.level.root=WARN \
      --spring.main.banner-mode=off > "$WORK/s3mock.log" 2>&1 &
    S3PID=$!
    for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$S3PORT" >/dev/null && break; sleep 1; done
    curl -fs -X PUT "http://127.0.0.1:$S3PORT/metascale" >/dev/null
    export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_REGION=us-east-1
    URI="s3://metascale/archive?endpoint=http://127.0.0.1:$S3PORT&region=us-east-1&path-style=true"
    GEN_STORE_ARGS=() ;;
  *) echo "STORE must be local or s3" >&2; exit 2 ;;
esac

gen() {
  java -Xmx6g -cp "$REPO/benchmarks/target/classes:$(cat "$REPO/benchmarks/target/classpath.txt")" \
    dev.kafkadr.benchmarks.MetadataScaleGenerator --store "$URI" ${GEN_STORE_ARGS[@]+"${GEN_STORE_ARGS[@]}"} \
    --topics "$TOPICS" --partitions "$PARTITIONS" --threads "$GEN_THREADS" "$@"
}

# measure VERSION KDR_LAUNCHER RUNS NAME ARGS...: one fresh JVM; prints seconds, max RSS, exit code, output lines
measure() {
  local version=$1 kdr=$2 runs=$3 name=$4
  shift 4
  local out="$WORK/$version-$runs-$name.out" load
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/time.txt" timeout "$MEASURE_TIMEOUT" "$kdr" "$@" > "$out" 2> "$out.err" \
    && rc=0 || rc=$?
  read -r secs user sys rss < <(tail -1 "$WORK/time.txt")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%.2f\t%.2f\t%d\t%d\t%d\t%s\n' "$STORE" "$version" "$runs" \
    "$((TOPICS * PARTITIONS))" "$name" "$(date -u +%H:%M:%S)" "$secs" "$(awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}')" \
    "$((rss / 1024))" "$rc" "$(wc -l < "$out")" "$load" | tee -a "$RESULTS"
}

commands() {
  local version=$1 kdr=$2 runs=$3 verify=${4:-yes}
  measure "$version" "$kdr" "$runs" list backups list --store "$URI"
  measure "$version" "$kdr" "$runs" dry-run-all restore topics --store "$URI" --bootstrap-server "$B" --dry-run
  measure "$version" "$kdr" "$runs" dry-run-one restore topics --store "$URI" --bootstrap-server "$B" --dry-run \
    --topics topic-03
  if [ "$verify" = yes ] && [ "$runs" -le "$VERIFY_MAX_RUNS" ]; then
    measure "$version" "$kdr" "$runs" verify verify --store "$URI"
  fi
}

[ -f "$RESULTS" ] || printf 'store\tversion\truns\tpartitions\tcommand\tutc\twall_s\tcpu_s\tmax_rss_mib\texit\tout_lines\tloadavg\n' \
  | tee "$RESULTS"
for r in $RUNS; do
  start=$(date +%s)
  gen --drop-indexes
  gen --runs "$r" --index-every 0 | tail -1 >&2
  echo "generated $r runs in $(( $(date +%s) - start )) s" >&2
  if [ -n "${KDR_BEFORE:-}" ] && [ "$r" -le "$BEFORE_MAX_RUNS" ]; then
    commands v1-before "$KDR_BEFORE/scripts/kdr" "$r"
  fi
  gen --index-only | tee -a "$WORK/index-build.txt" >&2
  commands v2-indexed "$REPO/scripts/kdr" "$r"
  gen --drop-indexes
  commands v2-no-index "$REPO/scripts/kdr" "$r" no
done
du -sh "$WORK/archive" "$WORK/s3mock" 2>/dev/null >&2 || true
