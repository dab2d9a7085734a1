#!/usr/bin/env bash
# Checks what the build needs on a fresh machine: JDK 17+ and Maven. Everything else comes from Maven Central.
set -euo pipefail
command -v java >/dev/null || { echo "java not found: install JDK 17 or newer" >&2; exit 1; }
command -v mvn >/dev/null || { echo "mvn not found: install Apache Maven 3.6.3 or newer" >&2; exit 1; }
java -version 2>&1 | sed -n 1p
mvn -v 2>/dev/null | sed -n 1p
