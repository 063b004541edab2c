#!/usr/bin/env bash
# Run a throw-away three-node OpenSearch 2.x cluster on loopback for integration tests.
#
#   bash .ci/opensearch.sh start    # fetch (if needed), unpack, start the nodes not running, wait for green
#   bash .ci/opensearch.sh status   # show node processes and cluster health
#   bash .ci/opensearch.sh stop     # stop every node and wait for them to exit
#   bash .ci/opensearch.sh kill-node N   # SIGKILL node N (a node failure; `start` brings it back)
#   bash .ci/opensearch.sh fetch    # only fetch and unpack the distribution
#   bash .ci/opensearch.sh cache-dir  # print the folder holding the distribution and the nodes
#   bash .ci/opensearch.sh state-dir  # print the folder holding the nodes' data, logs and temp files
#   bash .ci/opensearch.sh urls     # every node's http URL, comma-separated
#
# Distribution: the "integ-test-zip" from Maven Central (no bundled JDK, no security
# plugin -> plain http, no auth). Fetched with Maven into ~/.m2 and copied to the cache.
# That zip carries only the transport module, so the analysis-common module (stemmers,
# ascii folding, pattern tokenizer: what the release analyzer needs) and the parent-join module (the
# join field of copy representatives) are fetched from Maven Central too
# (org.opensearch.plugin:analysis-common:<ver> and parent-join-client:<ver> jars) and installed as modules.
#
# Layout (all under $OPENSEARCH_CACHE_DIR, default <repo>/.cache/opensearch, git-ignored; when run as root
# in a checkout other users cannot reach, /var/tmp/release-search-opensearch-<hash of the checkout's path>):
#   opensearch-<ver>.zip               cached distribution
#   opensearch-<ver>/                  unpacked OPENSEARCH_HOME (shared, read-only)
#   nodes/node-N/{config,data,logs,tmp}, nodes/node-N.pid, nodes/node-N.console.log
# (OPENSEARCH_PROFILE=test: node-N's data, logs and tmp in /dev/shm/release-search-opensearch-<hash of the cache
# folder>/node-N instead, when /dev/shm has room; OPENSEARCH_RAM_DIR: another tmpfs, or empty for the cache folder;
# `stop` removes the data there unless OPENSEARCH_KEEP_DATA=1)
#
# Nodes: node-N http 127.0.0.1:920(N-1), transport 930(N-1); all three cluster-manager-eligible and data
# nodes, cluster name "releases-test". Losing any one node (the elected manager included) leaves a voting
# majority of two: the others elect a manager within seconds and the cluster stays usable (yellow).
# To simulate a node failure: bash .ci/opensearch.sh kill-node 1 (then `start` to bring it back).
# Loopback only, so OpenSearch's production bootstrap checks (vm.max_map_count etc.)
# are not enforced.
#
# Env overrides: OPENSEARCH_VERSION (default 2.19.6), OPENSEARCH_HEAP (default 384m per node),
# OPENSEARCH_HTTP_PORT / OPENSEARCH_TRANSPORT_PORT (node-1's ports, the others take the next ones; a second
# cluster beside the first needs other ports and its own OPENSEARCH_CACHE_DIR),
# OPENSEARCH_KEEP_DATA=1 (keep indices when all nodes start: by default a fresh start is an empty cluster),
# OPENSEARCH_CACHE_DIR, OPENSEARCH_USER (user to run as when invoked as root, default
# "opensearch"), OPENSEARCH_START_TIMEOUT (seconds, default 180), JAVA_HOME,
# OPENSEARCH_PROFILE: "full" (default: OpenSearch's own JVM and thread settings, what benchmarks measure) or
# "test" (nodes that live for one test run: see test_profile below; .ci/run uses it).
set -euo pipefail

VERSION="${OPENSEARCH_VERSION:-2.19.6}"
HEAP="${OPENSEARCH_HEAP:-384m}"
PROFILE="${OPENSEARCH_PROFILE:-full}"
[[ "$PROFILE" == full || "$PROFILE" == test ]] || { echo "OPENSEARCH_PROFILE must be full or test" >&2; exit 2; }
RUN_USER="${OPENSEARCH_USER:-opensearch}"
START_TIMEOUT="${OPENSEARCH_START_TIMEOUT:-180}"
LAUNCH_TIMEOUT="${OPENSEARCH_LAUNCH_TIMEOUT:-30}"  # seconds for a launched node's JVM to appear
CLUSTER_NAME="releases-test"
HOST="127.0.0.1"
NODES=(1 2 3)
HTTP_BASE="${OPENSEARCH_HTTP_PORT:-9200}"
TRANSPORT_BASE="${OPENSEARCH_TRANSPORT_PORT:-9300}"
declare -A HTTP_PORTS TRANSPORT_PORTS
for n in "${NODES[@]}"; do
  HTTP_PORTS[$n]=$((HTTP_BASE + n - 1))
  TRANSPORT_PORTS[$n]=$((TRANSPORT_BASE + n - 1))
done
# Every node is cluster-manager-eligible and all three bootstrap the first election: the voting
# configuration holds three, so any two of them are a majority and losing any one node (the elected
# manager included) leaves a cluster that elects a new manager and keeps accepting writes.
ROLE="[cluster_manager, data, ingest]"
ARTIFACT="org.opensearch.distribution.integ-test-zip:opensearch:${VERSION}:zip"
ANALYSIS_ARTIFACT="org.opensearch.plugin:analysis-common:${VERSION}"
JOIN_ARTIFACT="org.opensearch.plugin:parent-join-client:${VERSION}"
DEP_PLUGIN="org.apache.maven.plugins:maven-dependency-plugin:3.6.1"

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Whether other users may pass through every folder from / down to $1.
world_traversable() {
  local dir="$1" perms
  while [[ -n "$dir" && "$dir" != "/" ]]; do
    perms="$(stat -c %A "$dir" 2>/dev/null)" || return 1
    [[ "${perms:9:1}" == [xt] ]] || return 1
    dir="$(dirname "$dir")"
  done
}
DEFAULT_CACHE_DIR="$REPO_ROOT/.cache/opensearch"
if [[ -z "${OPENSEARCH_CACHE_DIR:-}" && "$(id -u)" -eq 0 ]] && ! world_traversable "$REPO_ROOT"; then
  # The nodes run as an unprivileged user, who cannot reach a checkout inside a private folder (a
  # `mktemp -d` clone): keep this checkout's cluster in /var/tmp instead, one folder per checkout.
  DEFAULT_CACHE_DIR="/var/tmp/release-search-opensearch-$(printf '%s' "$REPO_ROOT" | md5sum | cut -c1-12)"
fi
CACHE_DIR="${OPENSEARCH_CACHE_DIR:-$DEFAULT_CACHE_DIR}"
ZIP="$CACHE_DIR/opensearch-${VERSION}.zip"
OS_HOME="$CACHE_DIR/opensearch-${VERSION}"
NODES_DIR="$CACHE_DIR/nodes"

log() { echo "[opensearch.sh] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# OPENSEARCH_PROFILE=test: the nodes' data, logs and temp files in RAM (a tmpfs, OPENSEARCH_RAM_DIR, default /dev/shm,
# when it is there, writable and has RAM_MIN_KB free; set it empty to keep them on disk). A test cluster's nodes fsync
# their translog on every bulk request and commit segments with fsync, and each file they create costs an inode on
# the disk's file system: in a suite run, 2.7 of the nodes' 8.5 kernel CPU-s were file system work (docs/testing.md).
# Nodes are killed as processes (the node-loss tests), never the machine, so RAM keeps what an fsync would have
# kept. One folder per cluster (by cache folder); once made it is used again, so a restarted node finds its data.
RAM_MIN_KB=$((2 * 1024 * 1024))
ram_state_root() {
  local ram="${OPENSEARCH_RAM_DIR-/dev/shm}" dir free
  [[ "$PROFILE" == test && -n "$ram" && -d "$ram" && -w "$ram" ]] || return 0
  dir="$ram/release-search-opensearch-$(printf '%s' "$CACHE_DIR" | md5sum | cut -c1-12)"
  if [[ ! -d "$dir" ]]; then
    free="$(df -Pk "$ram" 2>/dev/null | awk 'NR == 2 {print $4}')"
    ((${free:-0} >= RAM_MIN_KB)) || return 0
  fi
  echo "$dir"
}
STATE_ROOT="$(ram_state_root)"
STATE_ROOT="${STATE_ROOT:-$NODES_DIR}"

node_dir() { echo "$NODES_DIR/node-$1"; }
state_dir() { echo "$STATE_ROOT/node-$1"; }  # node N's data, logs and tmp (node_dir holds its config)
pid_file() { echo "$NODES_DIR/node-$1.pid"; }
console_log() { echo "$NODES_DIR/node-$1.console.log"; }
main_log() { echo "$(state_dir "$1")/logs/${CLUSTER_NAME}.log"; }

# PID of node N if it is alive and really an OpenSearch process of this node, else empty.
# Falls back to scanning /proc when the pid file is missing (the JVM writes it a few
# seconds after launch and removes it on exit).
node_pid() {
  local f pid c
  f="$(pid_file "$1")"
  if [[ -s "$f" ]]; then
    pid="$(tr -dc '0-9' <"$f")"
    if [[ -n "$pid" ]] && is_node_proc "$pid" "$1"; then echo "$pid"; return 0; fi
  fi
  for c in /proc/[0-9]*; do
    pid="${c#/proc/}"
    if is_node_proc "$pid" "$1"; then echo "$pid"; return 0; fi
  done
}

# is_node_proc PID N: PID is a java process started with node N's config dir. The process name is read with a
# shell builtin first: a command run for every process on the machine made each scan cost 2 ms of CPU a process.
is_node_proc() {
  local comm exe
  read -r comm 2>/dev/null <"/proc/$1/comm" || return 1
  [[ "$comm" == java ]] || return 1
  exe="$(readlink "/proc/$1/exe" 2>/dev/null)" || return 1
  [[ "$exe" == */java ]] || return 1
  tr '\0' '\n' <"/proc/$1/cmdline" 2>/dev/null | grep -qxF -- "-Dopensearch.path.conf=$(node_dir "$2")/config"
}

port_in_use() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

find_java_home() {
  if [[ -n "${OPENSEARCH_JAVA_HOME:-}" ]]; then echo "$OPENSEARCH_JAVA_HOME"; return; fi
  if [[ -n "${JAVA_HOME:-}" && -x "${JAVA_HOME}/bin/java" ]]; then echo "$JAVA_HOME"; return; fi
  local java
  java="$(command -v java)" || die "java not found (need JDK 11+; set JAVA_HOME)"
  java="$(readlink -f "$java")"
  dirname "$(dirname "$java")"
}

# mvn_get ARTIFACT M2_PATH: make sure Maven has the artifact in ~/.m2.
mvn_get() {
  [[ -s "$2" ]] && return 0
  command -v mvn >/dev/null || die "mvn not found and $2 not in ~/.m2"
  log "downloading $1 via Maven ..."
  local t0=$SECONDS
  # Run outside the repo so no stray pom.xml is picked up.
  (cd "$(mktemp -d)" && mvn -q -B -Dstyle.color=never "${DEP_PLUGIN}:get" -Dartifact="$1" -Dtransitive=false 2>&1 | sed -e "s/\x1b\[[0-9;]*m//g" >&2) \
    || die "mvn dependency:get $1 failed"
  log "download took $((SECONDS - t0))s"
  [[ -s "$2" ]] || die "artifact not found at $2 after mvn"
}

fetch() {
  [[ -s "$ZIP" ]] && return 0
  mkdir -p "$CACHE_DIR"
  local m2="${HOME}/.m2/repository/org/opensearch/distribution/integ-test-zip/opensearch/${VERSION}/opensearch-${VERSION}.zip"
  mvn_get "$ARTIFACT" "$m2"
  cp "$m2" "$ZIP.tmp" && mv "$ZIP.tmp" "$ZIP"
}

# A module as the full distribution ships it: its jar plus a descriptor.
# install_module NAME ARTIFACT JAR_NAME CLASSNAME DESCRIPTION
install_module() {
  local dir="$OS_HOME/modules/$1"
  [[ -s "$dir/plugin-descriptor.properties" ]] && return 0
  local jar="${HOME}/.m2/repository/org/opensearch/plugin/$3/${VERSION}/$3-${VERSION}.jar"
  mvn_get "$2" "$jar"
  rm -rf "$dir.tmp" && mkdir -p "$dir.tmp"
  cp "$jar" "$dir.tmp/"
  {
    echo "description=$5"
    echo "version=${VERSION}"
    echo "name=$1"
    echo "classname=$4"
    echo "java.version=11"
    echo "opensearch.version=${VERSION}"
    echo "custom.foldername="
    echo "extended.plugins="
    echo "has.native.controller=false"
  } >"$dir.tmp/plugin-descriptor.properties"
  chmod -R a+rX "$dir.tmp"
  mv "$dir.tmp" "$dir"
  log "installed module $1 ${VERSION}"
}

# analysis-common: the pattern tokenizer the release analyzer needs (its painless extension stays unused:
# the integ-test zip has no lang-painless). parent-join: the join field that marks each copy group's
# representative (indexer/backends/opensearch/representatives.py).
install_modules() {
  install_module analysis-common "$ANALYSIS_ARTIFACT" analysis-common \
    org.opensearch.analysis.common.CommonAnalysisPlugin 'Adds "built in" analyzers to OpenSearch.'
  install_module parent-join "$JOIN_ARTIFACT" parent-join-client \
    org.opensearch.join.ParentJoinPlugin 'This module adds the support parent-child queries and aggregations'
}

unpack() {
  [[ -x "$OS_HOME/bin/opensearch" ]] && return 0
  log "unpacking $ZIP ..."
  local tmp="$CACHE_DIR/.unpack.$$"
  rm -rf "$tmp" && mkdir -p "$tmp"
  if command -v unzip >/dev/null; then
    unzip -q "$ZIP" -d "$tmp"
  else
    python3 -m zipfile -e "$ZIP" "$tmp"
    chmod +x "$tmp/opensearch-${VERSION}"/bin/*
  fi
  rm -rf "$OS_HOME"
  mv "$tmp/opensearch-${VERSION}" "$OS_HOME"
  rmdir "$tmp"
  chmod -R a+rX "$OS_HOME"
}

# OpenSearch refuses to run as root ("can not run opensearch as root").
ensure_user() {
  [[ "$(id -u)" -eq 0 ]] || return 0
  if ! id -u "$RUN_USER" >/dev/null 2>&1; then
    log "creating system user $RUN_USER"
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$RUN_USER"
  fi
}

# Run a command as the unprivileged user (or as-is when not root).
as_user() {
  if [[ "$(id -u)" -eq 0 ]]; then
    runuser -u "$RUN_USER" -- "$@"
  else
    "$@"
  fi
}

write_node_config() {
  local n=$1 d s
  d="$(node_dir "$n")"
  s="$(state_dir "$n")"
  mkdir -p "$d/config" "$s/data" "$s/logs" "$s/tmp"
  cp "$OS_HOME/config/log4j2.properties" "$d/config/"
  local m seeds="" managers=""
  for m in "${NODES[@]}"; do
    seeds+="${seeds:+, }\"${HOST}:${TRANSPORT_PORTS[$m]}\""
    managers+="${managers:+, }\"node-${m}\""
  done
  mkdir -p "$d/config/jvm.options.d"
  # Per-node jvm.options: node-local gc log / heap dump / error file paths.
  sed -e "s#^-XX:HeapDumpPath=.*#-XX:HeapDumpPath=$s/data#" \
      -e "s#^-XX:ErrorFile=.*#-XX:ErrorFile=$s/logs/hs_err_pid%p.log#" \
      -e "s#file=logs/gc.log#file=$s/logs/gc.log#" \
      "$OS_HOME/config/jvm.options" >"$d/config/jvm.options"
  rm -f "$d/config/jvm.options.d/test-node.options"
  if [[ "$PROFILE" == test ]]; then test_profile "$d"; fi
  cat >"$d/config/opensearch.yml" <<EOF
# generated by .ci/opensearch.sh -- test cluster, loopback only
cluster.name: ${CLUSTER_NAME}
node.name: node-${n}
network.host: ${HOST}
http.port: ${HTTP_PORTS[$n]}
transport.port: ${TRANSPORT_PORTS[$n]}
discovery.seed_hosts: [${seeds}]
cluster.initial_cluster_manager_nodes: [${managers}]
node.roles: ${ROLE}
path.data: ${s}/data
path.logs: ${s}/logs
# CI disks are often >85% full; do not let disk watermarks block replica allocation
# or flip indices read-only.
cluster.routing.allocation.disk.threshold_enabled: false
# A hung node (not a killed one: its connections close at once) is noticed in seconds, not half a minute.
cluster.fault_detection.follower_check.timeout: 5s
cluster.fault_detection.leader_check.timeout: 5s
EOF
  if [[ "$PROFILE" == test ]]; then
    cat >>"$d/config/opensearch.yml" <<EOF
# OPENSEARCH_PROFILE=test: thread pools sized for one processor (three nodes share a small machine with the
# tests), and no circuit breaker reading the real heap use, which a serial collector leaves high until it runs.
node.processors: 1
indices.breaker.total.use_real_memory: false
# Nothing polled or tracked that a test run never reads: search backpressure (it checks the node every second and
# the CPU of every search task), per-task CPU tracking and the query groups' enforcement loop.
search_backpressure.mode: disabled
task_resource_tracking.enabled: false
wlm.query_group.enforcement_interval: 60000
# No shard moved for balance: an index a test builds keeps the copies it was given, so a test counting its
# recoveries counts only its own (a rebalance after another test's build added relocations: a flaky count).
cluster.routing.rebalance.enable: none
# Nodes checked every 5 s, not every second, and no GC monitor: an idle cluster's CPU 1.3-1.5 -> 0.85 s a minute.
# A killed node (what the node-loss tests do) is noticed at once by its closed connections, whatever the interval.
cluster.fault_detection.follower_check.interval: 5s
cluster.fault_detection.leader_check.interval: 5s
monitor.jvm.gc.enabled: false
EOF
  fi
}

# OPENSEARCH_PROFILE=test: JVM flags for nodes that live for one test run, where compiling and collecting cost
# more CPU than the code they speed up. C1 only (no C2 compiler threads: most of a fresh node's CPU), a serial
# collector (no G1 threads), no pre-touched heap and no GC log, and no bytecode verification of OpenSearch's own
# jars (a quarter of a node's start: 4.1 -> 3.1 CPU-s, green 13 -> 10 s after a restart). Measured over the suite:
# see docs/testing.md.
test_profile() {
  local d=$1
  sed -i -e '/UseG1GC/d' -e '/G1ReservePercent/d' -e '/InitiatingHeapOccupancyPercent/d' -e '/-Xlog:gc/d' \
    "$d/config/jvm.options"
  cat >"$d/config/jvm.options.d/test-node.options" <<EOF
-XX:+UseSerialGC
-XX:TieredStopAtLevel=1
-XX:-AlwaysPreTouch
-XX:+UnlockDiagnosticVMOptions
-XX:-BytecodeVerificationRemote
EOF
}

start_node() {
  local n=$1 d s pid
  d="$(node_dir "$n")"
  s="$(state_dir "$n")"
  pid="$(node_pid "$n")"
  if [[ -n "$pid" ]]; then
    log "node-$n already running (pid $pid)"
    return 0
  fi
  local p
  for p in "${HTTP_PORTS[$n]}" "${TRANSPORT_PORTS[$n]}"; do
    port_in_use "$p" && die "port $HOST:$p already in use by something else (not node-$n from $NODES_DIR)"
  done
  rm -f "$(pid_file "$n")"
  write_node_config "$n"
  [[ "$(id -u)" -eq 0 ]] && chown -R "$RUN_USER:" "$d" "$s" "$NODES_DIR"
  local java_home java opts
  java_home="$(find_java_home)"
  java="$java_home/bin/java"
  [[ -x "$java" ]] || start_failed "no java at $java (set JAVA_HOME)"
  log "starting node-$n (http ${HTTP_PORTS[$n]}, transport ${TRANSPORT_PORTS[$n]}, heap $HEAP, profile $PROFILE)"
  # The node's JVM is launched here as bin/opensearch launches it (the options from the distribution's own parser,
  # the same command line), without the script's other JVMs: a Java version check run twice, a `java -version` run
  # twice and the keystore tool asking whether a keystore we never create has a password: 1.2-1.3 -> 0.2-0.3 CPU-s
  # beside the node a start (a node-loss test's restart included). The node runs in OPENSEARCH_HOME, as there.
  opts="$(cd "$OS_HOME" && OPENSEARCH_PATH_CONF="$d/config" OPENSEARCH_TMPDIR="$s/tmp" OPENSEARCH_JAVA_OPTS="-Xms$HEAP -Xmx$HEAP ${OPENSEARCH_EXTRA_JAVA_OPTS:-}" \
    "$java" -Xshare:auto -cp "$OS_HOME/lib/*" org.opensearch.tools.launchers.JvmOptionsParser "$d/config")" \
    || start_failed "node-$n: the JVM options of $d/config do not parse"
  # setsid: the node leaves the caller's session and process group, so a test run killed as a group (a node-loss
  # test restarts a node) does not take the nodes it restarted down with it. The JVM runs in the background of a
  # shell that exits at once (bin/opensearch -d does the same), the node's pid file written by the node itself.
  (
    cd "$OS_HOME"
    # shellcheck disable=SC2086  # opts: one JVM option a word, as bin/opensearch passes them
    as_user setsid env -u JAVA_TOOL_OPTIONS -u JAVA_OPTS \
      OPENSEARCH_PATH_CONF="$d/config" \
      OPENSEARCH_TMPDIR="$s/tmp" \
      HOSTNAME="${HOSTNAME:-$(hostname)}" \
      bash -c '"$@" </dev/null &' launch "$java" -Xshare:auto $opts \
      -Dopensearch.path.home="$OS_HOME" -Dopensearch.path.conf="$d/config" \
      -Dopensearch.distribution.type=zip -Dopensearch.bundled_jdk=false \
      -cp "$OS_HOME/lib/*" org.opensearch.bootstrap.OpenSearch -d -p "$(pid_file "$n")" \
      >"$(console_log "$n")" 2>&1 </dev/null 9>&-  # the node must not inherit the start/stop lock
  ) || start_failed "node-$n failed to launch"
  # The launch returns before the background shell has exec'd the JVM (su, setsid, env, bash: each its own exec):
  # until then no process is the node's, and a check right away took a node being born for one that had exited
  # (a loaded machine widened the window). Wait for the JVM to appear; one that never does has not started.
  local deadline=$((SECONDS + LAUNCH_TIMEOUT))
  until [[ -n "$(node_pid "$n")" ]]; do
    ((SECONDS < deadline)) || start_failed "node-$n exited during startup (no JVM of its after ${LAUNCH_TIMEOUT}s)"
    sleep 0.2
  done
}

dump_logs() {
  local n
  for n in "${NODES[@]}"; do
    log "---- node-$n console ($(console_log "$n")) ----"
    tail -n 20 "$(console_log "$n")" >&2 2>/dev/null || true
    log "---- node-$n log ($(main_log "$n")) ----"
    tail -n 60 "$(main_log "$n")" >&2 2>/dev/null || true
  done
}

# Print logs, stop whatever was started, exit non-zero.
start_failed() {
  dump_logs
  log "ERROR: $*"
  cmd_stop
  exit 1
}

wait_green() {
  local deadline=$((SECONDS + START_TIMEOUT)) n query
  query="_cluster/health?wait_for_status=green&wait_for_nodes=${#NODES[@]}&timeout=5s"
  while ((SECONDS < deadline)); do
    for n in "${NODES[@]}"; do
      [[ -n "$(node_pid "$n")" ]] || start_failed "node-$n is not running (exited during startup)"
    done
    for n in "${NODES[@]}"; do  # any node answers for the cluster
      if curl -fsS --max-time 10 "http://$HOST:${HTTP_PORTS[$n]}/$query" >/dev/null 2>&1; then
        return 0
      fi
    done
    sleep 1
  done
  start_failed "cluster not green with ${#NODES[@]} nodes after ${START_TIMEOUT}s"
}

cmd_start() {
  local t0=$SECONDS n
  command -v curl >/dev/null || die "curl is required"
  fetch
  unpack
  install_modules
  ensure_user
  mkdir -p "$NODES_DIR"
  if [[ "$(id -u)" -eq 0 ]]; then
    # the unprivileged user must be able to reach the cache dir
    as_user test -r "$OS_HOME/lib" \
      || die "user $RUN_USER cannot read $OS_HOME (parent dir not world-traversable?); set OPENSEARCH_CACHE_DIR"
  fi
  # A fresh start is a fresh, empty cluster: indices left by interrupted test runs (half-built ones with
  # no replica are red for good) would otherwise keep it from ever turning green. Restarting one node
  # of a running cluster (the node-failure test) keeps its data. OPENSEARCH_KEEP_DATA=1 keeps it always.
  local running=0
  for n in "${NODES[@]}"; do [[ -z "$(node_pid "$n")" ]] || running=1; done
  if [[ "$running" == 0 && "${OPENSEARCH_KEEP_DATA:-0}" != 1 ]]; then
    for n in "${NODES[@]}"; do
      rm -rf "$(node_dir "$n")/data" "$(state_dir "$n")/data"
    done
    log "fresh cluster: data of earlier runs removed"
  fi
  for n in "${NODES[@]}"; do start_node "$n"; done
  wait_green
  log "cluster ${CLUSTER_NAME} green with ${#NODES[@]} nodes ($(cmd_urls)) in $((SECONDS - t0))s"
}

cmd_urls() {
  local n out=""
  for n in "${NODES[@]}"; do out+="${out:+,}http://$HOST:${HTTP_PORTS[$n]}"; done
  echo "$out"
}

# SIGKILL one node (a crash: no goodbye to the cluster); `start` brings it back with its data.
cmd_kill_node() {
  local n="${1:-}" pid
  [[ -n "${HTTP_PORTS[$n]:-}" ]] || die "kill-node needs a node number (${NODES[*]})"
  pid="$(node_pid "$n")"
  [[ -n "$pid" ]] || { log "node-$n is not running"; return 0; }
  log "killing node-$n (pid $pid)"
  kill -KILL "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  rm -f "$(pid_file "$n")"
}

cmd_stop() {
  local n pid pids=()
  for n in "${NODES[@]}"; do
    pid="$(node_pid "$n")"
    if [[ -n "$pid" ]]; then
      log "stopping node-$n (pid $pid)"
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$n:$pid")
    fi
  done
  local deadline=$((SECONDS + 60)) entry
  for entry in "${pids[@]}"; do
    n="${entry%%:*}"; pid="${entry#*:}"
    while kill -0 "$pid" 2>/dev/null; do
      if ((SECONDS >= deadline)); then
        log "node-$n (pid $pid) did not exit after SIGTERM; sending SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
        sleep 1
        break
      fi
      sleep 0.5
    done
  done
  for n in "${NODES[@]}"; do rm -f "$(pid_file "$n")"; done
  # Data kept in RAM is given back when the cluster stops (its logs stay), unless it is to be kept.
  if [[ "$STATE_ROOT" != "$NODES_DIR" && "${OPENSEARCH_KEEP_DATA:-0}" != 1 ]]; then
    for n in "${NODES[@]}"; do rm -rf "$(state_dir "$n")/data"; done
  fi
  log "stopped"
}

cmd_status() {
  local n pid rc=0
  for n in "${NODES[@]}"; do
    pid="$(node_pid "$n")"
    if [[ -n "$pid" ]]; then
      echo "node-$n: running (pid $pid, http $HOST:${HTTP_PORTS[$n]})"
    else
      echo "node-$n: not running"; rc=3
    fi
  done
  for n in "${NODES[@]}"; do
    if curl -fsS --max-time 5 "http://$HOST:${HTTP_PORTS[$n]}/_cluster/health?pretty" 2>/dev/null; then
      curl -fsS --max-time 5 "http://$HOST:${HTTP_PORTS[$n]}/_cat/nodes?v&h=name,ip,port,http_address,node.role,cluster_manager" 2>/dev/null || true
      break
    fi
  done
  return $rc
}

# One start/stop at a time (a test restarting a killed node while another run starts the cluster must not
# see half-started nodes, take a port for a conflict and stop everything).
serialized() {
  mkdir -p "$CACHE_DIR"
  exec 9>"$CACHE_DIR/.opensearch.sh.lock"
  flock -w "$((START_TIMEOUT + 120))" 9 || die "another opensearch.sh start/stop did not finish"
  "$@"
}

case "${1:-}" in
  start) serialized cmd_start ;;
  stop) serialized cmd_stop ;;
  status) cmd_status ;;
  cache-dir) echo "$CACHE_DIR" ;;  # where the cluster lives: tests find node pids there
  state-dir) echo "$STATE_ROOT" ;;  # where the nodes' data, logs and temp files are (node-N/ in it)
  urls) cmd_urls ;;
  fetch) fetch; unpack; install_modules ;;
  kill-node) serialized cmd_kill_node "${2:-}" ;;
  restart) serialized cmd_stop; cmd_start ;;
  *) echo "usage: $0 {start|stop|status|restart|kill-node N|fetch|urls|cache-dir|state-dir}" >&2; exit 2 ;;
esac
