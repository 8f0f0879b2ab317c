#!/usr/bin/env bash
# Restore throughput of kdr restore topics against Kafka's own ProducerPerformance with the same settings (acks=all,
# idempotence, no compression) and record size on the same local broker. First backs up a topic written by
# ProducerPerformance, then restores it under a new name. Prints both rates and the ratio.
#   RECORDS=1000000 RECORD_BYTES=1024 PARTITIONS=6 benchmarks/scripts/restore-vs-producer-perf.sh
set -euo pipefail
REPO=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
RECORDS=${RECORDS:-1000000} RECORD_BYTES=${RECORD_BYTES:-1024} PARTITIONS=${PARTITIONS:-6}
PARALLELISM=${PARALLELISM:-4} PORT=${BENCH_PORT:-19492}
KAFKA="$REPO/scripts/kafka-local.sh"
WORK="${KDR_WORK:-$REPO/.kdr-local}/bench-restore"
trap '"$KAFKA" stop --name benchr --purge >/dev/null 2>&1 || true' EXIT
(cd "$REPO" && mvn -B -q package -DskipTests -pl backup-agent,restore-cli -am)
rm -rf "$WORK" && mkdir -p "$WORK"
B=$("$KAFKA" start --name benchr --port "$PORT")
for t in source perf; do
  "$KAFKA" tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$B" --create --topic "$t" \
    --partitions "$PARTITIONS" --replication-factor 1 >/dev/null
done
mib=$(awk -v n="$RECORDS" -v s="$RECORD_BYTES" 'BEGIN {printf "%.1f", n * s / 1048576}')

echo "ProducerPerformance: $RECORDS x $RECORD_BYTES B, acks=all, enable.idempotence=true, compression none" >&2
"$KAFKA" tool org.apache.kafka.tools.ProducerPerformance --topic perf --num-records "$RECORDS" \
  --record-size "$RECORD_BYTES" --throughput -1 --producer-props "bootstrap.servers=$B" acks=all \
  enable.idempotence=true compression.type=none linger.ms=5 batch.size=65536 | tail -1 > "$WORK/producer-perf.txt"
pp_rate=$(grep -o '([0-9.]* MB/sec)' "$WORK/producer-perf.txt" | tr -d '(' | cut -d' ' -f1)

# the same kind of data into the topic to back up, then the archive
"$KAFKA" tool org.apache.kafka.tools.ProducerPerformance --topic source --num-records "$RECORDS" \
  --record-size "$RECORD_BYTES" --throughput -1 --producer-props "bootstrap.servers=$B" acks=all \
  linger.ms=20 batch.size=262144 >/dev/null
"$REPO/scripts/kdr-agent" --once --bootstrap-server "$B" --store "file://$WORK/archive" --cluster-name bench \
  --topics source --set metrics.port=-1 >/dev/null

start=$(date +%s.%N)
"$REPO/scripts/kdr" restore topics --store "file://$WORK/archive" --bootstrap-server "$B" --topics source \
  --rename source=restored --parallelism "$PARALLELISM" > "$WORK/restore.txt"
restore_s=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN {print b - a}')
restore_wall=$(awk -v m="$mib" -v s="$restore_s" 'BEGIN {printf "%.1f", m / s}')
run_s=$(grep -o 'partitions in [0-9.]*s' "$WORK/restore.txt" | tail -1 | grep -o '[0-9.]*s$' | tr -d s)
restore_run=$(awk -v m="$mib" -v s="$run_s" 'BEGIN {printf "%.1f", m / s}')
echo "payload: $mib MiB in $RECORDS records, $PARTITIONS partitions"
echo "ProducerPerformance: $pp_rate MiB/s ($(cat "$WORK/producer-perf.txt"))"
echo "kdr restore topics:  $restore_run MiB/s over the restore (plan, create topic, write, check: $run_s s);" \
  "$restore_wall MiB/s incl. JVM start (${restore_s%.*} s)"
awk -v a="$restore_run" -v c="$pp_rate" 'BEGIN {printf "ratio kdr restore / ProducerPerformance = %.2f\n", a / c}'
