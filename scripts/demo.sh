#!/usr/bin/env bash
# The README's first command: from a fresh clone to a working backup and restore.
#   1. builds kafka-dr (kdr-agent, kdr)            4. simulates the disaster: deletes the topics and the group
#   2. starts a real local Kafka 4.3.1 broker       5. restores topics and consumer-group offsets, verifies
#   3. writes sample topics + a consumer group,     6. prints a before/after table (records, content hash,
#      backs them up into a local archive               group offsets) and fails if anything differs
# It stops everything it started on exit, Ctrl-C or failure. Work files: $KDR_WORK/demo (default .kdr-local/demo).
set -euo pipefail

REPO=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
WORK="${KDR_WORK:-$REPO/.kdr-local}"
DEMO="$WORK/demo"
PORT="${KDR_DEMO_PORT:-19092}"
CLUSTER_NAME=demo
TOPICS=(orders payments)
GROUP=billing
KAFKA="$REPO/scripts/kafka-local.sh"

say() { printf '\n==> %s\n' "$*"; }
tool() { "$KAFKA" tool "$@"; }

cleanup() {
  local code=$?
  "$KAFKA" stop --name demo >/dev/null 2>&1 || true
  if [[ $code -ne 0 ]]; then
    echo "demo: failed (exit $code); the broker was stopped. Logs: $WORK/kafka/demo" >&2
  fi
  exit $code
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say "building kafka-dr (first build downloads dependencies; later ones take seconds)"
(cd "$REPO" && mvn -B -q package -DskipTests -pl backup-agent,restore-cli -am)

say "starting a local Kafka 4.3.1 broker on 127.0.0.1:$PORT"
rm -rf "$DEMO" && mkdir -p "$DEMO"
"$KAFKA" stop --name demo --purge >/dev/null 2>&1 || true   # every demo starts from an empty broker
BOOTSTRAP=$("$KAFKA" start --name demo --port "$PORT")
ARCHIVE="file://$DEMO/archive"

say "creating topics ${TOPICS[*]} with keyed records and headers, and consumer group '$GROUP'"
tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$BOOTSTRAP" --create --topic orders \
  --partitions 3 --replication-factor 1 --config retention.ms=-1 >/dev/null
tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$BOOTSTRAP" --create --topic payments \
  --partitions 2 --replication-factor 1 --config cleanup.policy=compact >/dev/null
for i in $(seq 1 300); do
  printf 'source:demo,seq:%d\torder-%d\t{"order":%d,"amount":%d}\n' "$i" $((i % 40)) "$i" $((i * 7 % 1000))
done > "$DEMO/orders.txt"
for i in $(seq 1 120); do
  printf 'source:demo\tacct-%d\t{"payment":%d}\n' $((i % 25)) "$i"
done > "$DEMO/payments.txt"
for t in "${TOPICS[@]}"; do
  tool org.apache.kafka.tools.ConsoleProducer --bootstrap-server "$BOOTSTRAP" --topic "$t" \
    --reader-property parse.key=true --reader-property parse.headers=true --reader-property "headers.delimiter=	" \
    --reader-property "key.separator=	" --reader-property "headers.separator=," \
    --reader-property "headers.key.separator=:" \
    --command-property acks=all < "$DEMO/$t.txt"
done
# the application read 200 orders and committed its position
tool org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server "$BOOTSTRAP" --topic orders \
  --group "$GROUP" --from-beginning --max-messages 200 >/dev/null 2>&1

# records (count + content hash, partition by partition in offset order) and group offsets, as a consumer sees them
declare -A PARTITIONS=([orders]=3 [payments]=2)
snapshot() {
  local out=$1
  : > "$out"
  for t in "${TOPICS[@]}"; do
    local dump="$DEMO/$t.dump"
    : > "$dump"
    for ((p = 0; p < PARTITIONS[$t]; p++)); do
      local end
      end=$(tool org.apache.kafka.tools.GetOffsetShell --bootstrap-server "$BOOTSTRAP" --topic "$t" \
        --partitions "$p" --time -1 | awk -F: '{print $3}')
      if [[ "$end" -gt 0 ]]; then
        tool org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server "$BOOTSTRAP" --topic "$t" \
          --partition "$p" --offset earliest --max-messages "$end" --timeout-ms 20000 \
          --formatter-property print.key=true --formatter-property print.headers=true \
          --formatter-property print.timestamp=true \
          >> "$dump" 2>/dev/null || true
      fi
    done
    printf '%s: %s records, content sha256 %s\n' "$t" "$(wc -l < "$dump")" \
      "$(sha256sum < "$dump" | cut -c1-12)" >> "$out"
  done
  tool org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server "$BOOTSTRAP" \
    --describe --group "$GROUP" 2>/dev/null | awk -v g="$GROUP" '$1==g {print "group " g " " $2 "-" $3 ": offset " $4}' \
    | sort >> "$out"
}
snapshot "$DEMO/before.txt"

say "backing up cluster '$CLUSTER_NAME' into $ARCHIVE (kdr-agent --once)"
"$REPO/scripts/kdr-agent" --once --bootstrap-server "$BOOTSTRAP" --store "$ARCHIVE" \
  --cluster-name "$CLUSTER_NAME" --topics 'orders|payments' --set metrics.port=-1
"$REPO/scripts/kdr" backups list --store "$ARCHIVE"

say "disaster: deleting the topics and the consumer group"
tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$BOOTSTRAP" --delete --topic 'orders|payments'
tool org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server "$BOOTSTRAP" \
  --delete --group "$GROUP" >/dev/null
for _ in $(seq 1 50); do
  if ! tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$BOOTSTRAP" --list | grep -qE '^(orders|payments)$'; then
    break
  fi
  sleep 0.2
done

say "restoring topics and consumer-group offsets (kdr restore), then verifying the archive (kdr verify --deep)"
"$REPO/scripts/kdr" restore topics --store "$ARCHIVE" --bootstrap-server "$BOOTSTRAP"
"$REPO/scripts/kdr" restore offsets --store "$ARCHIVE" --bootstrap-server "$BOOTSTRAP"
"$REPO/scripts/kdr" verify --store "$ARCHIVE" --deep
snapshot "$DEMO/after.txt"

say "before / after"
printf '%-44s | %-44s\n' "BEFORE (original cluster)" "AFTER (restored)"
paste -d'|' <(cut -c1-44 "$DEMO/before.txt" | awk '{printf "%-44s\n", $0}') \
            <(cut -c1-44 "$DEMO/after.txt" | awk '{printf " %-44s\n", $0}')
if diff -q "$DEMO/before.txt" "$DEMO/after.txt" >/dev/null; then
  echo
  echo "demo: OK: every record, header, timestamp and the group's position came back."
else
  echo "demo: MISMATCH between before and after:" >&2
  diff "$DEMO/before.txt" "$DEMO/after.txt" >&2 || true
  exit 1
fi
