#!/usr/bin/env bash
# The farm on a cluster (standalone, YARN, Kubernetes) through spark-submit, with the application
# jar (Spark itself is provided by the cluster).
#
#   submit/spark-submit.sh <conf> --master spark://host:7077 [spark-submit options] [-- farm options]
#
# Everything before `--` goes to spark-submit (--deploy-mode, --executor-memory, --conf k=v, …);
# everything after it to the farm command (e.g. --set sweep.replicates=1000). The farm command is
# $FARM_COMMAND (default: run). Uses $SPARK_HOME/bin/spark-submit when SPARK_HOME is set, else
# spark-submit on the PATH, else Spark's SparkSubmit class from the Maven-made spark-home (for
# standalone clusters reachable from this machine).
# In cluster deploy mode the conf file is shipped with --files and read from the driver's working
# directory; `output` must then be a path every node can reach (HDFS, S3, a shared mount).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
if [[ $# -lt 1 || "$1" == -* ]]; then
  echo "usage: submit/spark-submit.sh <conf> --master <url> [spark-submit options] [-- farm options]" >&2
  exit 2
fi
conf="$1"; shift
if [[ ! -r "$conf" ]]; then
  echo "error: cannot read sweep file '$conf'" >&2
  exit 2
fi
submit_args=(); farm_args=(); seen_dashes=0; conf_arg="$conf"
for a in "$@"; do
  if (( seen_dashes )); then farm_args+=("$a");
  elif [[ "$a" == "--" ]]; then seen_dashes=1;
  else submit_args+=("$a"); fi
done
for ((i = 0; i < ${#submit_args[@]}; i++)); do
  if [[ "${submit_args[i]}" == "--deploy-mode" && "${submit_args[i+1]:-}" == "cluster" ]] \
      || [[ "${submit_args[i]}" == "--deploy-mode=cluster" ]]; then
    conf_arg="$(basename "$conf")"
  fi
done
farm_build_if_missing
if [[ -n "${SPARK_HOME:-}" && -x "$SPARK_HOME/bin/spark-submit" ]]; then
  launcher=("$SPARK_HOME/bin/spark-submit")
elif command -v spark-submit > /dev/null; then
  launcher=(spark-submit)
else
  read -r -a opens <<< "$(farm_java_opens)"
  launcher=(java "${opens[@]}" -cp "$FARM_SPARK_HOME/jars/*" org.apache.spark.deploy.SparkSubmit)
fi
exec "${launcher[@]}" --class org.collapsefarm.jobs.Farm --name "collapse-farm $(basename "$conf" .conf)" \
  --files "$conf" "${submit_args[@]}" \
  "$FARM_JAR" "${FARM_COMMAND:-run}" "$conf_arg" "${farm_args[@]}"
