#!/usr/bin/env bash
# The benchmark harness: one command per scenario, e.g.
#   benchmarks/run.sh target [--json FILE] [--scale F] [--profile] [--work DIR]
#   benchmarks/run.sh --help          # lists the scenarios
# Builds what it needs (backup-agent, restore-cli, benchmarks; Maven offline unless KDR_BENCH_MVN_FLAGS says
# otherwise), starts its own Kafka 4.3.1 broker (scripts/kafka-local.sh, free ports, stopped and purged on exit or
# Ctrl-C), prints one Markdown table on stdout (progress on stderr) and writes the JSON (default
# benchmarks/target/bench/SCENARIO-TIMESTAMP.json). See docs/benchmarks.md.
set -euo pipefail
REPO=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
cd "$REPO"
die() { echo "bench: error: $*" >&2; exit 2; }

command -v java >/dev/null || die "java not found: install Java 17+"
command -v mvn >/dev/null || die "mvn not found: Maven is needed to build the agent, kdr and Kafka's classpath"
command -v kcat >/dev/null || die "kcat not found: the kcat|zstd baseline needs it (Debian/Ubuntu: apt-get install -y kcat)"
command -v zstd >/dev/null || die "zstd not found: the kcat|zstd baseline needs it (Debian/Ubuntu: apt-get install -y zstd)"

if [[ "${KDR_BENCH_SKIP_BUILD:-}" != 1 ]]; then
  echo "bench: building backup-agent, restore-cli and benchmarks (mvn ${KDR_BENCH_MVN_FLAGS--o} package -DskipTests)" >&2
  # shellcheck disable=SC2086 # a list of Maven flags
  mvn -B -q ${KDR_BENCH_MVN_FLAGS--o} package -DskipTests -pl backup-agent,restore-cli,benchmarks -am \
    dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >&2
fi
[[ -s benchmarks/target/classpath.txt ]] || die "benchmarks/target/classpath.txt missing: run without KDR_BENCH_SKIP_BUILD=1"
exec java -Xmx256m -Dkdr.repo="$REPO" -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  dev.kafkadr.benchmarks.harness.HarnessMain "$@"
