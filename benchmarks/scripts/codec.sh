#!/usr/bin/env bash
# JMH: encode/decode throughput of the segment codec for 1 KiB records, per block codec, one thread.
# One JMH op = one 1 KiB record, so ops/s x 1 KiB = bytes/s. Extra arguments go to JMH (e.g. -p codec=zstd).
set -euo pipefail
REPO=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
cd "$REPO"
mvn -B -q -pl benchmarks -am package dependency:build-classpath -DskipTests -Dmdep.outputFile=target/classpath.txt
exec java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" org.openjdk.jmh.Main \
  CodecBenchmark -rf json -rff benchmarks/target/jmh-codec.json "$@"
