#!/usr/bin/env bash
# Real local Apache Kafka clusters for the demo, the DR drill and the benchmarks: each cluster is one KRaft node
# (combined broker+controller) in its own JVM, started from the Maven Central artifacts listed in
# scripts/kafka-local/pom.xml (versions from the root pom). Data, logs and PID files live under
# $KDR_WORK/kafka/NAME (default work dir: <repo>/.kdr-local).
#
# Progress and errors go to stderr; 'start' and 'bootstrap' print only the bootstrap address on stdout, so
#   BOOTSTRAP=$(scripts/kafka-local.sh start --name a --port 19092)
# works in scripts. Exit codes: 0 ok, 1 failure, 2 usage error, 3 not running (status, bootstrap).
set -euo pipefail

readonly PROG=kafka-local
REPO=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
readonly REPO
readonly HERE="$REPO/scripts/kafka-local"
readonly WORK="${KDR_WORK:-$REPO/.kdr-local}"
readonly CLUSTERS="$WORK/kafka"

usage() {
  cat <<EOF
Usage: scripts/kafka-local.sh COMMAND [OPTIONS]

Commands:
  start [--name NAME] [--port PORT] [--controller-port PORT] [--set KEY=VALUE]...
        Start (or restart) a single-node KRaft cluster and wait until it answers; prints its bootstrap address.
        Defaults: --name local, --port 9092 (or the cluster's previous port), --controller-port PORT+1.
        --set adds a broker setting (e.g. --set auto.create.topics.enable=false).
  stop [--name NAME | --all] [--purge]
        Stop a cluster (SIGTERM, then SIGKILL after \$KDR_KAFKA_STOP_TIMEOUT s, default 30). Stopping a stopped
        cluster is not an error. --purge also deletes its data and logs.
  status [--name NAME]        One line per cluster; exit 3 if the named cluster is not running.
  bootstrap [--name NAME]     Print the bootstrap address of a running cluster.
  classpath                   Print the classpath of Kafka's broker and tools (resolved once with Maven, cached).
  tool CLASS [ARGS...]        Run a Kafka tool class with that classpath, e.g.
                              tool org.apache.kafka.tools.ProducerPerformance --topic t --num-records 1000 ...

Environment: KDR_WORK (work dir, default $REPO/.kdr-local), JAVA_HOME, KAFKA_HEAP_OPTS (default -Xms256m -Xmx512m),
KDR_KAFKA_START_TIMEOUT (s, default 90), KDR_KAFKA_STOP_TIMEOUT (s, default 30), KDR_KAFKA_PROBE (kcat|java: how
readiness is checked; default kcat when installed), KDR_MVN (default mvn), KDR_MVN_OPTS (extra Maven arguments).
EOF
}

info() { echo "$PROG: $*" >&2; }
die() { echo "$PROG: error: $1" >&2; exit "${2:-1}"; }
usage_error() { die "$1 (see 'scripts/kafka-local.sh --help')" 2; }

# ---------------------------------------------------------------------------------------------------- java / classpath

java_cmd() {
  local java
  if [[ -n "${JAVA_HOME:-}" ]]; then
    java="$JAVA_HOME/bin/java"
    [[ -x "$java" ]] || die "JAVA_HOME is $JAVA_HOME but $java is not an executable: point JAVA_HOME at a Java 17+ installation"
  else
    java=$(command -v java) || die "java not found: install Java 17 or newer, or set JAVA_HOME"
  fi
  local version major
  version=$("$java" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)
  major=${version%%[.+-]*}
  [[ "$major" == 1 ]] && major=$(echo "$version" | cut -d. -f2)
  [[ "$major" =~ ^[0-9]+$ ]] || die "cannot tell the version of $java (java -version said '$version')"
  (( major >= 17 )) || die "$java is Java $version; Kafka 4 needs Java 17 or newer (set JAVA_HOME)"
  echo "$java"
}

# The classpath file is keyed by the content of both poms, so a version change in the root pom re-resolves it.
kafka_classpath() {
  local key cp_file
  key=$(cat "$HERE/pom.xml" "$REPO/pom.xml" | cksum | cut -d' ' -f1)
  cp_file="$WORK/kafka-classpath-$key.txt"
  if [[ -s "$cp_file" ]] && all_jars_exist "$cp_file"; then
    cat "$cp_file"
    return
  fi
  local mvn="${KDR_MVN:-mvn}"
  command -v "$mvn" >/dev/null || die "Maven ($mvn) not found: it is needed once to resolve Kafka's jars from $HERE/pom.xml"
  mkdir -p "$WORK"
  info "resolving the Kafka classpath with Maven (once; cached in $cp_file)"
  # shellcheck disable=SC2086 # KDR_MVN_OPTS is a list of arguments
  if ! "$mvn" -q -B ${KDR_MVN_OPTS:-} -f "$HERE/pom.xml" dependency:build-classpath \
      -Dmdep.outputFile="$cp_file.tmp" >"$WORK/mvn-classpath.log" 2>&1 || [[ ! -s "$cp_file.tmp" ]]; then
    die "could not resolve the Kafka classpath with Maven; see $WORK/mvn-classpath.log"
  fi
  mv "$cp_file.tmp" "$cp_file"
  cat "$cp_file"
}

all_jars_exist() {
  local jar
  while IFS= read -r -d ':' jar; do
    [[ -f "$jar" ]] || return 1
  done < <(tr -d '\n' <"$1"; printf ':')
}

# ------------------------------------------------------------------------------------------------------- processes

cluster_dir() { echo "$CLUSTERS/$1"; }

# Prints the PID of the cluster's broker if it is alive and really is that broker (not a recycled PID).
running_pid() {
  local dir pid
  dir=$(cluster_dir "$1")
  [[ -f "$dir/kafka.pid" ]] || return 1
  pid=$(<"$dir/kafka.pid")
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [[ -r "/proc/$pid/cmdline" ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "kafka.Kafka $dir/server.properties" || return 1
  echo "$pid"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

setting() {
  [[ -f "$1" ]] || return 0
  sed -n "s/^$2=//p" "$1" | tail -n 1
}

broker_ready() {
  local port=$1 probe="${KDR_KAFKA_PROBE:-}"
  if [[ -z "$probe" ]]; then
    if command -v kcat >/dev/null; then probe=kcat; else probe=java; fi
  fi
  case "$probe" in
    kcat) kcat -L -m 2 -b "127.0.0.1:$port" 2>/dev/null | grep -q "broker 1 at" ;;
    java) port_open "$port" && "$JAVA" -cp "$CP" -Dlog4j2.configurationFile="$HERE/tools-log4j2.xml" \
            org.apache.kafka.tools.BrokerApiVersionsCommand --bootstrap-server "127.0.0.1:$port" 2>/dev/null \
            | grep -q "(id: 1 " ;;
    *) die "KDR_KAFKA_PROBE must be kcat or java, not '$probe'" 2 ;;
  esac
}

# ---------------------------------------------------------------------------------------------------------- start

write_properties() {
  local dir=$1 port=$2 cport=$3
  shift 3
  {
    echo "# written by scripts/kafka-local.sh; rewritten at every start"
    echo "process.roles=broker,controller"
    echo "node.id=1"
    echo "controller.quorum.bootstrap.servers=127.0.0.1:$cport"
    echo "listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport"
    echo "advertised.listeners=PLAINTEXT://127.0.0.1:$port"
    echo "controller.listener.names=CONTROLLER"
    echo "inter.broker.listener.name=PLAINTEXT"
    echo "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"
    echo "log.dirs=$dir/data"
    echo "num.partitions=1"
    echo "offsets.topic.replication.factor=1"
    echo "transaction.state.log.replication.factor=1"
    echo "transaction.state.log.min.isr=1"
    echo "share.coordinator.state.topic.replication.factor=1"
    echo "share.coordinator.state.topic.min.isr=1"
    echo "group.initial.rebalance.delay.ms=0"
    local kv
    for kv in "$@"; do echo "$kv"; done
  } >"$dir/server.properties"
}

cmd_start() {
  local name=local port="" cport="" sets=()
  while (( $# )); do
    case "$1" in
      --name) name=${2:?}; shift 2 ;;
      --port) port=${2:?}; shift 2 ;;
      --controller-port) cport=${2:?}; shift 2 ;;
      --set) [[ "${2:-}" == *=* ]] || usage_error "--set needs KEY=VALUE"; sets+=("$2"); shift 2 ;;
      *) usage_error "start: unknown option '$1'" ;;
    esac
  done
  check_name "$name"
  local dir
  dir=$(cluster_dir "$name")
  # a formatted cluster keeps its ports: its controller address is part of its metadata log
  local old_port old_cport
  old_port=$(setting "$dir/server.properties" advertised.listeners | sed 's/.*://')
  old_cport=$(setting "$dir/server.properties" controller.quorum.bootstrap.servers | sed 's/.*://')
  port=${port:-${old_port:-9092}}
  check_port "$port" --port
  cport=${cport:-${old_cport:-$((port + 1))}}
  check_port "$cport" --controller-port
  [[ "$port" != "$cport" ]] || usage_error "--port and --controller-port must differ"

  local pid
  if pid=$(running_pid "$name"); then
    [[ "$port" == "$old_port" ]] || die "cluster '$name' is already running on port $old_port (pid $pid); stop it first"
    info "cluster '$name' is already running (pid $pid)"
    echo "127.0.0.1:$port"
    return
  fi
  if [[ -f "$dir/data/meta.properties" && -n "$old_cport" && "$cport" != "$old_cport" ]]; then
    die "cluster '$name' was created with controller port $old_cport; use that port or 'stop --name $name --purge' first"
  fi
  port_open "$port" && die "port $port is already in use; pick another with --port"
  port_open "$cport" && die "controller port $cport is already in use; pick another with --controller-port"

  JAVA=$(java_cmd)
  CP=$(kafka_classpath)
  mkdir -p "$dir/data" "$dir/logs"
  write_properties "$dir" "$port" "$cport" "${sets[@]+"${sets[@]}"}"
  if [[ ! -f "$dir/data/meta.properties" ]]; then
    local id
    id=$("$JAVA" -cp "$CP" -Dlog4j2.configurationFile="$HERE/tools-log4j2.xml" kafka.tools.StorageTool random-uuid)
    "$JAVA" -cp "$CP" -Dlog4j2.configurationFile="$HERE/tools-log4j2.xml" kafka.tools.StorageTool format \
      -t "$id" -c "$dir/server.properties" --standalone >"$dir/logs/format.log" 2>&1 \
      || die "formatting the storage of '$name' failed: $(tail -n 1 "$dir/logs/format.log")"
    info "formatted cluster '$name' (cluster id $id) in $dir/data"
  fi

  local launcher=()
  command -v setsid >/dev/null && launcher=(setsid)  # own session: a Ctrl-C in the caller's terminal does not reach it
  # shellcheck disable=SC2086 # KAFKA_HEAP_OPTS is a list of JVM options
  nohup "${launcher[@]+"${launcher[@]}"}" "$JAVA" ${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m} -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$HERE/broker-log4j2.xml" -Dkafka.logs.dir="$dir/logs" \
    -cp "$CP" kafka.Kafka "$dir/server.properties" >"$dir/logs/kafka.out" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$dir/kafka.pid"
  STARTING=$name
  trap on_interrupt INT TERM

  local timeout=${KDR_KAFKA_START_TIMEOUT:-90} started=$SECONDS
  until broker_ready "$port"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$dir/kafka.pid"
      die "Kafka '$name' exited during start-up: $(last_error "$dir"); logs in $dir/logs"
    fi
    if (( SECONDS - started >= timeout )); then
      stop_one "$name" >/dev/null
      die "Kafka '$name' did not answer on 127.0.0.1:$port within ${timeout}s; stopped it; logs in $dir/logs"
    fi
    sleep 0.5
  done
  trap - INT TERM
  info "cluster '$name' is up in $((SECONDS - started))s (pid $pid, data in $dir)"
  echo "127.0.0.1:$port"
}

on_interrupt() {
  info "interrupted: stopping cluster '$STARTING'"
  stop_one "$STARTING" 2>/dev/null
  exit 130
}

last_error() {
  local line
  line=$(grep -h -E "ERROR|FATAL|Exception" "$1/logs/server.log" "$1/logs/kafka.out" 2>/dev/null | tail -n 1 || true)
  echo "${line:-no error logged}"
}

check_name() {
  [[ "$1" =~ ^[A-Za-z0-9_-]{1,64}$ ]] || usage_error "cluster name '$1' must be 1 to 64 of [A-Za-z0-9_-]"
}

check_port() {
  if ! [[ "$1" =~ ^[0-9]+$ ]] || (( $1 < 1 || $1 > 65535 )); then
    usage_error "$2 '$1' is not a port number (1-65535)"
  fi
}

# ----------------------------------------------------------------------------------------------------------- stop

stop_one() {
  local name=$1 dir pid
  dir=$(cluster_dir "$name")
  if ! pid=$(running_pid "$name"); then
    rm -f "$dir/kafka.pid"
    info "cluster '$name' is not running"
    return
  fi
  kill -TERM "$pid" 2>/dev/null || true
  local timeout=${KDR_KAFKA_STOP_TIMEOUT:-30} started=$SECONDS
  while kill -0 "$pid" 2>/dev/null; do
    if (( SECONDS - started >= timeout )); then
      info "cluster '$name' (pid $pid) did not stop within ${timeout}s of SIGTERM; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
      break
    fi
    sleep 0.2
  done
  rm -f "$dir/kafka.pid"
  info "stopped cluster '$name' (pid $pid)"
}

cmd_stop() {
  local name=local all=false purge=false
  while (( $# )); do
    case "$1" in
      --name) name=${2:?}; shift 2 ;;
      --all) all=true; shift ;;
      --purge) purge=true; shift ;;
      *) usage_error "stop: unknown option '$1'" ;;
    esac
  done
  local names=()
  if $all; then
    mapfile -t names < <(known_clusters)
  else
    check_name "$name"
    names=("$name")
  fi
  local n
  for n in "${names[@]+"${names[@]}"}"; do
    stop_one "$n"
    if $purge; then
      rm -rf "$(cluster_dir "$n")"
      info "deleted the data and logs of cluster '$n'"
    fi
  done
}

# ------------------------------------------------------------------------------------------------- status / others

known_clusters() {
  [[ -d "$CLUSTERS" ]] || return 0
  local d
  for d in "$CLUSTERS"/*/; do
    [[ -f "$d/server.properties" ]] && basename "$d"
  done
}

status_line() {
  local name=$1 dir pid port
  dir=$(cluster_dir "$name")
  port=$(setting "$dir/server.properties" advertised.listeners | sed 's/.*://')
  if pid=$(running_pid "$name"); then
    if port_open "$port"; then
      echo "$name running pid=$pid bootstrap=127.0.0.1:$port dir=$dir"
    else
      echo "$name starting pid=$pid bootstrap=127.0.0.1:$port dir=$dir"
    fi
    return 0
  fi
  echo "$name stopped${port:+ port=$port} dir=$dir"
  return 3
}

cmd_status() {
  local name=""
  while (( $# )); do
    case "$1" in
      --name) name=${2:?}; shift 2 ;;
      *) usage_error "status: unknown option '$1'" ;;
    esac
  done
  if [[ -n "$name" ]]; then
    check_name "$name"
    status_line "$name"
    return
  fi
  local n any=false
  while IFS= read -r n; do
    any=true
    status_line "$n" || true
  done < <(known_clusters)
  $any || info "no clusters under $CLUSTERS"
}

cmd_bootstrap() {
  local name=local
  while (( $# )); do
    case "$1" in
      --name) name=${2:?}; shift 2 ;;
      *) usage_error "bootstrap: unknown option '$1'" ;;
    esac
  done
  check_name "$name"
  running_pid "$name" >/dev/null || die "cluster '$name' is not running" 3
  echo "127.0.0.1:$(setting "$(cluster_dir "$name")/server.properties" advertised.listeners | sed 's/.*://')"
}

cmd_tool() {
  (( $# )) || usage_error "tool needs a class name, e.g. org.apache.kafka.tools.ProducerPerformance"
  local java cp
  java=$(java_cmd)
  cp=$(kafka_classpath)
  # shellcheck disable=SC2086 # KAFKA_HEAP_OPTS is a list of JVM options
  exec "$java" ${KAFKA_HEAP_OPTS:-} -Dlog4j2.configurationFile="$HERE/tools-log4j2.xml" -cp "$cp" "$@"
}

main() {
  (( $# )) || { usage >&2; exit 2; }
  local cmd=$1
  shift
  case "$cmd" in
    start) cmd_start "$@" ;;
    stop) cmd_stop "$@" ;;
    status) cmd_status "$@" ;;
    bootstrap) cmd_bootstrap "$@" ;;
    classpath) kafka_classpath ;;
    tool) cmd_tool "$@" ;;
    -h|--help|help) usage ;;
    *) usage_error "unknown command '$cmd'" ;;
  esac
}

main "$@"
