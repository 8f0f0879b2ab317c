#!/usr/bin/env bash
# The staging DR drill. Optionally backs up the source cluster first (or uses the newest committed run), then
# 'kdr drill' restores that run into the drill cluster under a topic prefix with its consumer-group offsets, compares
# every restored partition with the archive (record count + content SHA-256) and writes drill-report.md/.json with
# the measured RPO (age of the newest committed run when the drill started) and RTO (time to restore).
# All the logic lives in kdr-agent and kdr; this script only wires them together.
set -euo pipefail

REPO=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
KDR=${KDR:-$REPO/scripts/kdr}
KDR_AGENT=${KDR_AGENT:-$REPO/scripts/kdr-agent}

usage() {
  cat <<'EOF2'
Usage: scripts/dr-drill.sh --store URI --drill-bootstrap HOST:PORT [options]

  --store URI                   archive (file:///…, s3://bucket/prefix, hdfs://nn:port/path)
  --store-option KEY=VALUE      store setting for kdr (repeatable), e.g. s3.region=eu-west-1
  --cluster NAME                archived cluster name (needed if the store holds several, and for --backup)
  --drill-bootstrap HOST:PORT   the drill (staging) cluster to restore into
  --drill-command-config FILE   Kafka client properties for the drill cluster
  --backup                      back up the source cluster now, before the drill (else: newest committed run)
  --source-bootstrap HOST:PORT  the source cluster (with --backup)
  --source-command-config FILE  Kafka client properties for the source cluster (with --backup)
  --agent-config FILE           a kdr-agent YAML config for the backup instead of the flags above
  --prefix PREFIX               drill topic prefix (default drill-)
  --topics REGEX                archived topics to drill (default: all of the run)
  --replication-factor N        replication factor of the drill topics (default: the archived one)
  --report-dir DIR              where drill-report.md and drill-report.json go (default ./drill-report)

Exit codes: 0 drill passed; 3 a restored partition differs from the archive; others from kdr-agent/kdr.
EOF2
}

store="" cluster="" drill="" drill_cc="" backup=0 source="" source_cc="" agent_config="" prefix="drill-"
topics="" rf="" report_dir="drill-report"
store_opts=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --store) store=$2; shift 2 ;;
    --store-option) store_opts+=(--store-option "$2"); shift 2 ;;
    --cluster) cluster=$2; shift 2 ;;
    --drill-bootstrap) drill=$2; shift 2 ;;
    --drill-command-config) drill_cc=$2; shift 2 ;;
    --backup) backup=1; shift ;;
    --source-bootstrap) source=$2; shift 2 ;;
    --source-command-config) source_cc=$2; shift 2 ;;
    --agent-config) agent_config=$2; shift 2 ;;
    --prefix) prefix=$2; shift 2 ;;
    --topics) topics=$2; shift 2 ;;
    --replication-factor) rf=$2; shift 2 ;;
    --report-dir) report_dir=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "dr-drill: error: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[[ -n "$store" ]] || { echo "dr-drill: error: --store is required (see --help)" >&2; exit 2; }
[[ -n "$drill" ]] || { echo "dr-drill: error: --drill-bootstrap is required (see --help)" >&2; exit 2; }

if [[ $backup == 1 ]]; then
  agent_args=(--once --set metrics.port=-1)
  if [[ -n "$agent_config" ]]; then
    agent_args+=(--config "$agent_config")
  else
    [[ -n "$source" && -n "$cluster" ]] || {
      echo "dr-drill: error: --backup needs --source-bootstrap and --cluster (or --agent-config)" >&2; exit 2; }
    agent_args+=(--bootstrap-server "$source" --store "$store" --cluster-name "$cluster")
    [[ -n "$source_cc" ]] && agent_args+=(--command-config "$source_cc")
    [[ -n "$topics" ]] && agent_args+=(--topics "$topics")
  fi
  echo "dr-drill: backing up the source cluster first" >&2
  "$KDR_AGENT" "${agent_args[@]}"
fi

drill_args=(drill --store "$store" "${store_opts[@]}" --bootstrap-server "$drill" --prefix "$prefix"
  --report-dir "$report_dir")
[[ -n "$cluster" ]] && drill_args+=(--cluster "$cluster")
[[ -n "$drill_cc" ]] && drill_args+=(--command-config "$drill_cc")
[[ -n "$topics" ]] && drill_args+=(--topics "$topics")
[[ -n "$rf" ]] && drill_args+=(--replication-factor "$rf")
exec "$KDR" "${drill_args[@]}"
