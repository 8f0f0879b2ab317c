#!/usr/bin/env bash
# Backup throughput of 1, 2 and 3 kdr-agent processes in continuous mode (one consumer group) against the same local
# broker and topic. The topic is filled first (RECORDS records of RECORD_BYTES over PARTITIONS partitions); then for
# each agent count a fresh archive and group: the agents start together and the clock stops when the group's lag is
# 0 on every partition (the agents commit the group's Kafka offsets only after the archive commit, so lag 0 means
# everything is in committed runs). Throughput = payload MiB / wall seconds, JVM start and group join included.
# Prints one line per agent count and the 1-minute load average next to it (the numbers mean little on a loaded host).
#   RECORDS=300000 RECORD_BYTES=1024 PARTITIONS=24 AGENTS="1 2 3" benchmarks/scripts/agents-scale-out.sh
set -euo pipefail
REPO=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
RECORDS=${RECORDS:-300000} RECORD_BYTES=${RECORD_BYTES:-1024} PARTITIONS=${PARTITIONS:-24}
AGENTS=${AGENTS:-"1 2 3"} PORT=${BENCH_PORT:-19394} AGE_MS=${AGE_MS:-2000} HEAP=${HEAP:-256m}
KAFKA="$REPO/scripts/kafka-local.sh"
WORK="${KDR_WORK:-$REPO/.kdr-local}/bench-agents"
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  "$KAFKA" stop --name bench-agents --purge >/dev/null 2>&1 || true
}
trap cleanup EXIT
(cd "$REPO" && mvn -B -q -o package -DskipTests -pl backup-agent -am)
rm -rf "$WORK" && mkdir -p "$WORK"
B=$("$KAFKA" start --name bench-agents --port "$PORT")
"$KAFKA" tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$B" --create --topic bench \
  --partitions "$PARTITIONS" --replication-factor 1 >/dev/null
echo "producing $RECORDS records of $RECORD_BYTES bytes over $PARTITIONS partitions (acks=all)" >&2
"$KAFKA" tool org.apache.kafka.tools.ProducerPerformance --topic bench --num-records "$RECORDS" \
  --record-size "$RECORD_BYTES" --throughput -1 --producer-props "bootstrap.servers=$B" acks=all \
  linger.ms=20 batch.size=262144 | tail -1 >&2
mib=$(awk -v n="$RECORDS" -v s="$RECORD_BYTES" 'BEGIN {printf "%.1f", n * s / 1048576}')
printf 'session.timeout.ms=10000\n' > "$WORK/client.properties"

# total lag of the group over the topic's partitions, or -1 while not every partition has a committed offset
lag() {
  "$KAFKA" tool org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server "$B" \
    --describe --group "$1" 2>/dev/null | awk -v want="$PARTITIONS" '
      $2 == "bench" { n++; if ($4 == "-" || $6 == "-") missing++; else sum += $6 }
      END { if (n < want || missing > 0) print -1; else print sum + 0 }'
}

echo "payload: $mib MiB, $RECORDS records, $PARTITIONS partitions; backup.segment.max.age.ms=$AGE_MS; heap $HEAP"
for n in $AGENTS; do
  group="bench-$n"
  PIDS=()
  start=$(date +%s.%N)
  for i in $(seq 1 "$n"); do
    JAVA_OPTS="-Xmx$HEAP" "$REPO/scripts/kdr-agent" --continuous --bootstrap-server "$B" \
      --command-config "$WORK/client.properties" --store "file://$WORK/archive-$n" --cluster-name "$group" \
      --topics bench --set metrics.port=-1 --set "agent.group-id=$group" --set "agent.writer-id=agent-$i" \
      --set "backup.segment.max.age.ms=$AGE_MS" > "$WORK/agent-$n-$i.log" 2>&1 &
    PIDS+=($!)
  done
  while :; do
    l=$(lag "$group")
    [ "$l" = "0" ] && break
    sleep 1
  done
  secs=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')
  load=$(cut -d' ' -f1 /proc/loadavg)
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  archive=$(du -sm "$WORK/archive-$n" | cut -f1)
  awk -v n="$n" -v m="$mib" -v s="$secs" -v l="$load" -v a="$archive" 'BEGIN {
    printf "%d agent(s): %.1f MiB/s (%s s wall incl. JVM start and group join; archive %s MiB; load average %s)\n",
      n, m / s, s, a, l }'
done
