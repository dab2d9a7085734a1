#!/usr/bin/env bash
# Runs ./shelfwise check-model, as an operator would, on bring-your-own models crafted to break the upload check
# (external data with absolute and ../ paths, graphs ignoring `exclude`, NaN scores, truncated, wrong shapes and
# types, oversize, custom operator domains, local functions, subgraphs) and on valid exports of our own. The files
# are written by test code (io.shelfwise.recommend.upload.CraftedModels in the engine's test classes) into a temporary
# folder. Prints file -> exit status -> verdict; exits 1 if a crafted file is accepted or a valid one refused.
#   scripts/check-crafted-models.sh [--keep DIR]     (--keep: write the files to DIR and leave them there)
set -euo pipefail
cd "$(dirname "$0")/.."

keep=""
if [[ "${1:-}" == "--keep" ]]; then
    keep="${2:?--keep needs a folder}"
fi

engine=plugin-core/engine/target
cli=plugin-core/cli/target
if [[ ! -f "$cli/shelfwise-cli-0.1.0-SNAPSHOT.jar" || ! -f "$cli/cli-classpath.txt" \
      || ! -f "$engine/test-classes/io/shelfwise/recommend/upload/CraftedModels.class" ]]; then
    echo "Building the engine with its test classes, and the command line..." >&2
    mvn -B -q -ntp install -DskipTests -pl plugin-core/cli -am
fi

if [[ -n "$keep" ]]; then
    dir="$keep"; mkdir -p "$dir"
else
    dir="$(mktemp -d)"; trap 'rm -rf "$dir"' EXIT
fi
java -cp "$engine/test-classes:$engine/classes:$(cat "$cli/cli-classpath.txt")" io.shelfwise.recommend.upload.CraftedModels "$dir" >&2

failures=0
printf '%-32s %-5s %-9s %-9s %s\n' file exit verdict expected "first error"
while read -r file expected options; do
    # shellcheck disable=SC2086  # options are words such as --max-megabytes 1
    if output="$(./shelfwise check-model "$dir/$file" --strategy crafted --catalogue "$dir/catalogue.txt" \
                 $options 2>"$dir/$file.stderr")"; then
        status=0
    else
        status=$?
    fi
    verdict="$(printf '%s\n' "$output" | sed -n 's/^verdict: \([a-z]*\).*/\1/p' | tail -n 1)"
    reason="$(printf '%s\n' "$output" | sed -n 's/^ERROR *//p' | head -n 1 | cut -c1-70)"
    want_status=1; [[ "$expected" == accepted ]] && want_status=0
    mark=""
    if [[ "$status" != "$want_status" || "$verdict" != "$expected" ]]; then
        mark="  <-- FAILED"
        failures=$((failures + 1))
        printf '%s\n' "$output" >&2
        cat "$dir/$file.stderr" >&2
    fi
    printf '%-32s %-5s %-9s %-9s %s%s\n' "$file" "$status" "${verdict:-none}" "$expected" "$reason" "$mark"
done < "$dir/expected.txt"

if [[ "$failures" -gt 0 ]]; then
    echo "check-crafted-models: $failures file(s) not judged as expected" >&2
    exit 1
fi
echo "check-crafted-models: every crafted model refused, every valid export accepted"
