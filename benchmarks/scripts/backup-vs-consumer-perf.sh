#!/usr/bin/env bash
# Backup throughput of kdr-agent --once against Kafka's own ConsumerPerformance on the same local broker and topic.
# Both read the same RECORDS records of RECORD_BYTES; throughput is payload MiB per second of wall time (the agent's
# includes encoding, compression and writing segments to a local file:// archive). Prints the ratio.
#   RECORDS=1000000 RECORD_BYTES=1024 PARTITIONS=6 CODEC=zstd benchmarks/scripts/backup-vs-consumer-perf.sh
set -euo pipefail
REPO=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
RECORDS=${RECORDS:-1000000} RECORD_BYTES=${RECORD_BYTES:-1024} PARTITIONS=${PARTITIONS:-6} CODEC=${CODEC:-zstd}
PARALLELISM=${PARALLELISM:-0} PORT=${BENCH_PORT:-19392}
KAFKA="$REPO/scripts/kafka-local.sh"
WORK="${KDR_WORK:-$REPO/.kdr-local}/bench-backup"
trap '"$KAFKA" stop --name bench --purge >/dev/null 2>&1 || true' EXIT
(cd "$REPO" && mvn -B -q package -DskipTests -pl backup-agent,restore-cli -am)
rm -rf "$WORK" && mkdir -p "$WORK"
B=$("$KAFKA" start --name bench --port "$PORT")
"$KAFKA" tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$B" --create --topic bench \
  --partitions "$PARTITIONS" --replication-factor 1 >/dev/null
echo "producing $RECORDS records of $RECORD_BYTES bytes (ProducerPerformance, acks=all)" >&2
"$KAFKA" tool org.apache.kafka.tools.ProducerPerformance --topic bench --num-records "$RECORDS" \
  --record-size "$RECORD_BYTES" --throughput -1 --producer-props "bootstrap.servers=$B" acks=all \
  linger.ms=20 batch.size=262144 | tail -1 >&2

mib=$(awk -v n="$RECORDS" -v s="$RECORD_BYTES" 'BEGIN {printf "%.1f", n * s / 1048576}')
"$KAFKA" tool org.apache.kafka.tools.ConsumerPerformance --bootstrap-server "$B" --topic bench \
  --num-records "$RECORDS" --timeout 60000 > "$WORK/consumer-perf.txt"
cp_rate=$(awk -F', *' '/^[0-9]/ {print $4}' "$WORK/consumer-perf.txt")
cp_fetch=$(awk -F', *' '/^[0-9]/ {print $9}' "$WORK/consumer-perf.txt")

start=$(date +%s.%N)
"$REPO/scripts/kdr-agent" --once --bootstrap-server "$B" --store "file://$WORK/archive" --cluster-name bench \
  --topics bench --set metrics.port=-1 --set "backup.compression=$CODEC" --set "backup.parallelism=$PARALLELISM" \
  > "$WORK/agent.txt"
agent_s=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN {print b - a}')
archive=$(du -sm "$WORK/archive" | cut -f1)
run_s=$(grep -o 'records, .* in [0-9.]* s' "$WORK/agent.txt" | tail -1 | awk '{print $(NF-1)}')
agent_run=$(awk -v m="$mib" -v s="$run_s" 'BEGIN {printf "%.1f", m / s}')
agent_wall=$(awk -v m="$mib" -v s="$agent_s" 'BEGIN {printf "%.1f", m / s}')
echo "payload: $mib MiB in $RECORDS records, $PARTITIONS partitions; archive: $archive MiB ($CODEC)"
echo "ConsumerPerformance: $cp_rate MiB/s from its start (incl. group join), $cp_fetch MiB/s fetching only"
echo "kdr-agent --once:    $agent_run MiB/s over the run (cut, snapshots, read, encode, write, commit: $run_s s);" \
  "$agent_wall MiB/s incl. JVM start (${agent_s%.*} s)"
awk -v a="$agent_run" -v c="$cp_rate" -v f="$cp_fetch" 'BEGIN {
  printf "ratio kdr-agent run / ConsumerPerformance = %.2f (vs its fetch-only rate: %.2f)\n", a / c, a / f }'
