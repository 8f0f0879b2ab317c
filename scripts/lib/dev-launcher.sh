# shellcheck shell=bash
# Shared by scripts/kdr and scripts/kdr-agent (developer launchers): runs a main class from a module's build in
# this checkout (target/<artifact>-*.jar + target/lib/*). The distribution's bin/ launchers are the ones to deploy.
# Usage (from a launcher): launch APP MODULE ARTIFACT MAIN_CLASS "$@"
# JVM options: JAVA_OPTS, KDR_OPTS or KDR_JAVA_OPTS, e.g. KDR_OPTS="-Xmx2g".

launch() {
  local app=$1 module=$2 artifact=$3 main=$4
  shift 4
  local root target jar="" candidate java_cmd="java"
  root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
  target="$root/$module/target"
  for candidate in "$target"/"$artifact"-*.jar; do
    case "$candidate" in
      *-sources.jar|*-javadoc.jar|*-tests.jar) ;;
      *) [ -f "$candidate" ] && jar="$candidate" ;;
    esac
  done
  if [ -z "$jar" ] || [ ! -d "$target/lib" ]; then
    echo "$app: error: $module is not built (no $target/$artifact-*.jar and $target/lib/):" \
         "run 'mvn -B -pl $module -am package -DskipTests' in $root" >&2
    exit 2
  fi
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    java_cmd="$JAVA_HOME/bin/java"
  fi
  # shellcheck disable=SC2086 # the option variables are lists of JVM arguments
  exec "$java_cmd" ${JAVA_OPTS:-} ${KDR_OPTS:-} ${KDR_JAVA_OPTS:-} -cp "$jar:$target/lib/*" "$main" "$@"
}
