# Sourced by ./mvnw, .ci/run and simulator-cli/comptoir-sim (POSIX sh).
# Comptoir compiles for Java 21. When JAVA_HOME (or the java on PATH) is older than 21,
# look for a JDK >= 21 in the usual places, preferring the newest (Temurin 25 here).
comptoir_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}
comptoir_pick_jdk() {
  _cur=""
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    _cur="$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then
    _cur="$(command -v java)"
  fi
  if [ -n "$_cur" ]; then
    _v="$(comptoir_java_major "$_cur")"
    if [ -n "$_v" ] && [ "$_v" -ge 21 ]; then
      return 0
    fi
  fi
  for _d in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25* /usr/lib/jvm/*25* \
            /usr/lib/jvm/temurin-2[1-9]* /usr/lib/jvm/*-2[1-9]* /usr/lib/jvm/*; do
    [ -x "$_d/bin/javac" ] || continue
    _v="$(comptoir_java_major "$_d/bin/java")"
    if [ -n "$_v" ] && [ "$_v" -ge 21 ]; then
      JAVA_HOME="$_d"
      export JAVA_HOME
      return 0
    fi
  done
  echo "Comptoir needs a JDK >= 21; set JAVA_HOME to one." >&2
  return 1
}
