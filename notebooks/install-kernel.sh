#!/usr/bin/env bash
# Installs the "collapse-farm" Jupyter kernel: the rapaio Java kernel (JShell, from Maven Central)
# with the farm's application jar and Spark's jars on its class path, Spark 4.2's module flags
# (--add-opens …, from the root pom), headless AWT for XChart and the farm's quiet log4j2 config,
# and notebooks/kernel-fix/ (a start-up race of the kernel, fixed) before the kernel's jar.
#
# Usage: notebooks/install-kernel.sh [KERNELS_DIR]
#   KERNELS_DIR defaults to "$(jupyter --data-dir)/kernels" (your own Jupyter); notebooks/run.sh
#   passes a folder under notebooks/target/ instead, so CI leaves your home untouched.
# Re-run it after rebuilding with a different version: the kernel spec names the jars it found.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../submit/env.sh"

RJK_VERSION=3.0.1
RJK_JAR="$here/target/kernel/rapaio-jupyter-kernel-$RJK_VERSION.jar"
KERNEL_NAME=collapse-farm

command -v jupyter >/dev/null || {
  echo "error: jupyter not found; install the Debian packages jupyter-core jupyter-nbconvert python3-nbclient python3-ipykernel" >&2
  exit 1
}
kernels_dir="${1:-$(jupyter --data-dir)/kernels}"

farm_build_if_missing
if [[ ! -f "$RJK_JAR" ]]; then
  echo "fetching io.github.padreati:rapaio-jupyter-kernel:$RJK_VERSION from Maven Central …" >&2
  (cd "$here" && mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="io.github.padreati:rapaio-jupyter-kernel:$RJK_VERSION" \
    -DoutputDirectory="$here/target/kernel") >&2
fi

# The kernel's one fix (notebooks/kernel-fix/: its message loops could end before they began, a
# lost start), compiled to classes that go before the kernel's jar.
fix="$here/target/kernel/fix"
javac -d "$fix" "$here"/kernel-fix/org/rapaio/jupyter/kernel/channels/*.java

# rapaio splits RJK_CLASSPATH at ';' (not ':') and expands globs in each entry.
classpath="$FARM_JAR;$FARM_SPARK_HOME/jars/*.jar"

read -r -a opens <<< "$(farm_java_opens)"
mkdir -p "$kernels_dir/$KERNEL_NAME"
python3 - "$kernels_dir/$KERNEL_NAME/kernel.json" "$fix:$RJK_JAR" "$classpath" \
  "$FARM_ROOT/jobs/src/main/resources/log4j2.properties" "${opens[@]}" <<'PY'
import json, sys
path, kernel_classpath, classpath, log4j, *opens = sys.argv[1:]
spec = {
    "argv": ["java", *opens, "-Djava.awt.headless=true", f"-Dlog4j2.configurationFile={log4j}",
             "-cp", kernel_classpath, "org.rapaio.jupyter.kernel.MainApp", "{connection_file}"],
    "display_name": "Java (collapse-farm)",
    "language": "java",
    "interrupt_mode": "message",
    "env": {"RJK_CLASSPATH": classpath, "SPARK_LOCAL_IP": "127.0.0.1"},
}
with open(path, "w") as out:
    json.dump(spec, out, indent=1)
PY
echo "kernel '$KERNEL_NAME' installed in $kernels_dir/$KERNEL_NAME" >&2
