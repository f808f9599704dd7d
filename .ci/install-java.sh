#!/usr/bin/env bash
# Install a Java runtime Apache Spark 4 supports (17 or 21) for the Spark tests
# (tests/batch/): Debian's OpenJDK 17 headless JRE. Idempotent and quiet: does nothing when a
# java of version 17 or newer is already on the PATH (or under JAVA_HOME).
set -euo pipefail
java_major() {
    "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1
}
for candidate in "${JAVA_HOME:-}/bin/java" "$(command -v java || true)"; do
    if [ -x "$candidate" ] && [ "$(java_major "$candidate")" -ge 17 ] 2>/dev/null; then
        exit 0
    fi
done
if [ "$(id -u)" -ne 0 ]; then
    echo "Spark needs Java 17 or 21: run 'sudo bash .ci/install-java.sh' or install a JRE" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq openjdk-17-jre-headless >/dev/null
java -version
