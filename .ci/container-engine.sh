#!/usr/bin/env bash
# Gives this machine a Docker-API container engine for the container tests, and takes it away again.
#
# For throwaway CI machines only: run as root, it installs packages with apt, rewrites Podman's
# configuration under /etc/containers and keeps state under /run. On a workstation use Docker (or
# your own Podman) instead; the tests need nothing but a Docker API (DOCKER_HOST).
#
#   eval "$(bash .ci/container-engine.sh start)"   # prints the export lines to eval; logs go to stderr
#   bash .ci/container-engine.sh env               # prints the export lines again (engine already started)
#   bash .ci/container-engine.sh stop              # stops what start started, by PID
#
# Where `docker info` already works (a developer's machine with Docker), start does nothing and prints
# nothing. Otherwise (the build machines: docker CLI but no engine, no container registry) it installs
# Podman from Debian's packages, configures it rootful (storage under /var/lib/containers, the
# overlay storage driver where the kernel allows it, vfs otherwise; cgroupfs, runc and a file event
# log, so no systemd is needed), serves the Docker API
# on unix:///run/podman/podman.sock, and makes the two local base images that
# docker/Dockerfile needs in place of the public ones it cannot pull:
#   localhost/cognito-sync-mock-ci/debian-base:bookworm  (debootstrap minbase, imported)  -> BASE_IMAGE
#   localhost/cognito-sync-mock-ci/jdk:17                (the above + openjdk-17-jdk-headless, and
#                                                         binutils: Debian's jlink --strip-debug runs objcopy) -> JDK_IMAGE
# The printed settings point Docker clients and Testcontainers at that socket (Ryuk off: its image
# cannot be pulled; the tiny image Testcontainers probes bind mounts with is the local base), and
# name the local bases for the container tests' image build.
# It also installs the AWS CLI (Debian's awscli) when no `aws` is on PATH.
# Idempotent: a second start finds everything in place and returns in about a second.
set -euo pipefail

SOCK_DIR=/run/podman
SOCK="$SOCK_DIR/podman.sock"
STATE_DIR=/run/cognito-sync-mock-ci
PID_FILE="$STATE_DIR/podman-service.pid"
LOG_FILE="$STATE_DIR/podman-service.log"
BASE_IMAGE=localhost/cognito-sync-mock-ci/debian-base:bookworm
JDK_IMAGE=localhost/cognito-sync-mock-ci/jdk:17

log() { echo "container-engine: $*" >&2; }

print_env() {
  cat <<EOF
export DOCKER_HOST=unix://$SOCK
export TESTCONTAINERS_RYUK_DISABLED=true
export TESTCONTAINERS_HOST_OVERRIDE=localhost
export TESTCONTAINERS_TINYIMAGE_CONTAINER_IMAGE=$BASE_IMAGE
export COGNITO_SYNC_MOCK_BUILD_BASE_IMAGE=$BASE_IMAGE
export COGNITO_SYNC_MOCK_BUILD_JDK_IMAGE=$JDK_IMAGE
EOF
}

our_service_running() {
  [[ -f "$PID_FILE" ]] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null
}

socket_answers() {
  curl -fsS --max-time 5 --unix-socket "$SOCK" http://d/_ping >/dev/null 2>&1
}

apt_install() {
  # apt-get update once per run, and only when something is missing
  if [[ -z "${APT_UPDATED:-}" ]]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

install_packages() {
  local missing=()
  command -v podman >/dev/null || missing+=(podman)
  command -v runc >/dev/null || missing+=(runc)
  command -v conmon >/dev/null || missing+=(conmon)
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  command -v curl >/dev/null || missing+=(curl)
  command -v iptables >/dev/null || missing+=(iptables)
  dpkg -s netavark >/dev/null 2>&1 || missing+=(netavark aardvark-dns)
  dpkg -s uidmap >/dev/null 2>&1 || missing+=(uidmap)
  dpkg -s slirp4netns >/dev/null 2>&1 || missing+=(slirp4netns)
  if ((${#missing[@]})); then
    log "installing ${missing[*]}"
    apt_install "${missing[@]}"
  fi
}

install_awscli() {
  if ! command -v aws >/dev/null 2>&1 || ! aws --version >/dev/null 2>&1; then
    log "installing awscli"
    apt_install awscli
  fi
}

write_if_changed() { # path content
  local path=$1 content=$2
  if [[ ! -f "$path" ]] || [[ "$(cat "$path")" != "$content" ]]; then
    mkdir -p "$(dirname "$path")"
    printf '%s\n' "$content" >"$path"
  fi
}

storage_driver() {
  # overlay makes a container in about 0.1 s where vfs copies the whole image (10 s and more for
  # this one); where the kernel or sandbox refuses overlay mounts, vfs still works
  local probe
  probe=$(mktemp -d)
  if podman --storage-driver overlay --root "$probe/root" --runroot "$probe/run" info >/dev/null 2>&1; then
    echo overlay
  else
    echo vfs
  fi
  podman --storage-driver overlay --root "$probe/root" --runroot "$probe/run" system reset -f >/dev/null 2>&1 || true
  rm -rf "$probe"
}

configure_podman() {
  local hard driver
  hard=$(ulimit -Hn)
  if [[ -f /etc/containers/storage.conf ]] && grep -q 'written by .ci/container-engine.sh' /etc/containers/storage.conf; then
    driver=$(sed -n 's/^driver = "\(.*\)"/\1/p' /etc/containers/storage.conf)
  else
    driver=$(storage_driver)
  fi
  # one storage directory per driver: Podman refuses a store made by another driver
  write_if_changed /etc/containers/storage.conf "# written by .ci/container-engine.sh
[storage]
driver = \"$driver\"
runroot = \"/run/containers/storage-$driver\"
graphroot = \"/var/lib/containers/storage-$driver\""
  write_if_changed /etc/containers/containers.conf "# written by .ci/container-engine.sh
[containers]
default_ulimits = [\"nofile=$hard:$hard\", \"nproc=32768:32768\"]

[engine]
cgroup_manager = \"cgroupfs\"
events_logger = \"file\"
runtime = \"runc\"
exit_command_delay = 5"
}

start_service() {
  if our_service_running && socket_answers; then
    return
  fi
  mkdir -p "$STATE_DIR" "$SOCK_DIR"
  rm -f "$SOCK"
  log "starting podman system service on $SOCK"
  # setsid: its own session, so the caller's job control and terminal signals do not reach it;
  # all three standard streams redirected, so $(...) around this script does not wait for it
  # BUILDAH_FORMAT=docker: images built through the API keep HEALTHCHECK (the OCI format drops it)
  BUILDAH_FORMAT=docker setsid podman system service --time=0 "unix://$SOCK" </dev/null >"$LOG_FILE" 2>&1 &
  echo $! >"$PID_FILE"
  for _ in $(seq 1 100); do
    if socket_answers; then return; fi
    if ! our_service_running; then break; fi
    sleep 0.2
  done
  log "podman service did not come up; its log:"
  cat "$LOG_FILE" >&2 || true
  exit 1
}

debian_mirror() {
  # the mirror apt is set up with, so debootstrap goes where apt goes
  local uri
  uri=$(grep -hsE '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v security | head -1 || true)
  if [[ -z "$uri" ]]; then
    uri=$(grep -hsE '^deb ' /etc/apt/sources.list 2>/dev/null | awk '{print $2}' | grep -v security | head -1 || true)
  fi
  echo "${uri:-http://deb.debian.org/debian}"
}

make_base_images() {
  if ! podman image exists "$BASE_IMAGE"; then
    local dir
    dir=$(mktemp -d /var/tmp/csm-debootstrap.XXXXXX)
    log "debootstrap --variant=minbase bookworm (about 35 s)"
    debootstrap --variant=minbase bookworm "$dir" "$(debian_mirror)" >"$STATE_DIR/debootstrap.log" 2>&1 \
      || { tail -20 "$STATE_DIR/debootstrap.log" >&2; exit 1; }
    chmod 755 "$dir" # mktemp made it 0700, and it becomes the image's /
    # the apt lists and caches only make the image bigger
    rm -rf "$dir"/var/lib/apt/lists/* "$dir"/var/cache/apt/*.bin "$dir"/var/cache/apt/archives/*.deb
    tar -C "$dir" -c . | podman import --quiet - "$BASE_IMAGE" >/dev/null
    rm -rf "$dir"
  fi
  if ! podman image exists "$JDK_IMAGE"; then
    log "building $JDK_IMAGE (Debian's openjdk-17-jdk-headless)"
    local ctx
    ctx=$(mktemp -d)
    cat >"$ctx/Containerfile" <<EOF
FROM $BASE_IMAGE
RUN apt-get update -qq \\
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openjdk-17-jdk-headless binutils >/dev/null \\
 && rm -rf /var/lib/apt/lists/*
ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
ENV PATH=/usr/lib/jvm/java-17-openjdk-amd64/bin:\$PATH
EOF
    podman build --quiet --format docker --network=host -t "$JDK_IMAGE" "$ctx" >"$STATE_DIR/jdk-image.log" 2>&1 \
      || { tail -20 "$STATE_DIR/jdk-image.log" >&2; rm -rf "$ctx"; exit 1; }
    rm -rf "$ctx"
  fi
}

cmd_start() {
  if ! our_service_running && command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
    log "a container engine already answers 'docker info'; nothing to do"
    install_awscli
    return
  fi
  if [[ $EUID -ne 0 ]]; then
    log "no container engine, and installing Podman needs root"
    exit 1
  fi
  install_packages
  install_awscli
  configure_podman
  start_service
  make_base_images
  print_env
}

cmd_stop() {
  if our_service_running; then
    local pid
    pid=$(cat "$PID_FILE")
    # containers that Testcontainers left behind (Ryuk is off), then the service itself
    podman ps -aq --filter label=org.testcontainers=true 2>/dev/null | xargs -r podman rm -f >/dev/null 2>&1 || true
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    log "podman service stopped"
  fi
  rm -f "$PID_FILE" "$SOCK"
  # The overlay driver bind-mounts its own directory; once no conmon is left (they linger
  # exit_command_delay = 5 s after their container), nothing uses it.
  local m=/var/lib/containers/storage-overlay/overlay
  if awk -v m="$m" '$5 == m {found=1} END {exit !found}' /proc/self/mountinfo; then
    for _ in $(seq 1 80); do pgrep -x conmon >/dev/null || break; sleep 0.1; done
    if ! pgrep -x conmon >/dev/null && ! pgrep -x podman >/dev/null; then
      umount "$m" 2>/dev/null || true
    fi
  fi
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  env) if our_service_running; then print_env; fi ;;
  *) echo "usage: $0 start|stop|env" >&2; exit 2 ;;
esac
