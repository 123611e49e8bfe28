#!/usr/bin/env bash
# Regeneration drill: on a scratch copy of the repository, edit the spec the way a user would, build,
# run the tests, and check that only the public-API snapshot test fails (naming the change) and that a
# new property reaches `impact-submissions list --demo --format json`.
#   bash .ci/drill.sh [EDIT...]     EDIT: string integer date-time number (a new optional property),
#                                   status type errortype (a new enum value), errorreason (a new code).
#   Default: string status. Set DRILL_ACCEPT=1 to also accept the snapshot and check that all is green.
set -uo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
edits=("$@")
[ ${#edits[@]} -eq 0 ] && edits=(string status)

scratch="$(mktemp -d /tmp/impact-drill.XXXXXX)"
trap 'rm -rf "$scratch"' EXIT
(cd "$repo" && git ls-files -z | xargs -0 tar -cf - ) | tar -xf - -C "$scratch"
cd "$scratch"

echo "== drill: editing a copy of the spec: ${edits[*]}"
python3 - openapi/impact-api-submissions.yaml "${edits[@]}" <<'PY'
import sys
path, edits = sys.argv[1], sys.argv[2:]
lines = open(path).read().split("\n")

def block(name, indent):
    """[start, end) of the mapping key `name:` at `indent` spaces."""
    start = lines.index(" " * indent + name + ":")
    end = start + 1
    while end < len(lines) and (lines[end].strip() == "" or len(lines[end]) - len(lines[end].lstrip()) > indent):
        end += 1
    return start, end

def append_to_list(schema, key, item):
    s, e = block(schema, 4)
    k = next(i for i in range(s, e) if lines[i] == "      " + key + ":")
    j = k + 1
    while j < e and lines[j].startswith("        - "):
        j += 1
    lines.insert(j, "        - " + item)

properties = {
    "string":    ("DrillText", ["type: string", "nullable: true"], "drill-text"),
    "integer":   ("DrillCount", ["type: integer", "format: int64", "nullable: true"], "42"),
    "date-time": ("DrillDate", ["type: string", "format: date-time", "nullable: true"], '"2024-05-06T07:08:09-07:00"'),
    "number":    ("DrillAmount", ["type: number", "format: double", "nullable: true"], "12.5"),
}
values = {"status": ("SubmissionStatus", "On Hold", "OnHold"), "type": ("SubmissionType", "Adjustment", "Adjustment"),
          "errortype": ("SubmissionErrorType", "Drill Error", "DrillError")}
for edit in edits:
    if edit in properties:
        name, schema, example = properties[edit]
        s, e = block("ApiSubmission", 4)
        while lines[e - 1].strip() == "":
            e -= 1
        lines[e:e] = ["        " + name + ":"] + ["          " + x for x in schema] + [
            "          description: A field impact.com added (regeneration drill).", "          example: " + example]
    elif edit in values:
        schema, value, member = values[edit]
        append_to_list(schema, "enum", value)
        append_to_list(schema, "x-enumNames", member)
    elif edit == "errorreason":
        append_to_list("ErrorReason", "enum", "DRILL_REASON")
        append_to_list("ErrorReason", "x-enumNames", "DrillReason")
        append_to_list("ErrorReason", "x-enum-descriptions", '"A code impact.com added (regeneration drill)."')
    else:
        sys.exit("unknown drill edit: " + edit)
open(path, "w").write("\n".join(lines))
PY
[ $? -eq 0 ] || exit 1
git -C "$repo" diff --no-index --stat "$repo/openapi/impact-api-submissions.yaml" openapi/impact-api-submissions.yaml | tail -1

echo "== drill: build"
dotnet build Generated.sln -m:1 -nologo -v:q > build.log 2>&1 || { tail -30 build.log; echo "drill: the edited spec does not build"; exit 1; }

echo "== drill: test"
dotnet test Generated.sln --no-build --logger trx --results-directory "$scratch/results" > test.log 2>&1
python3 - "$scratch/results" "${edits[@]}" <<'PY'
import sys, glob, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
failed, passed = [], 0
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    root = ET.parse(path).getroot()
    for r in root.iterfind(".//t:UnitTestResult", ns):
        if r.get("outcome") == "Passed":
            passed += 1
        elif r.get("outcome") != "NotExecuted":
            message = "".join(r.find(".//t:Message", ns).itertext()) if r.find(".//t:Message", ns) is not None else ""
            failed.append((r.get("testName"), message))
print(f"drill: {passed} passed, {len(failed)} failed")
for name, _ in failed:
    print("  failed:", name)
others = [n for n, _ in failed if "PublicApiSnapshotTests" not in n]
snap = [m for n, m in failed if "PublicApiSnapshotTests" in n]
if others:
    sys.exit("drill: tests other than the public-API snapshot failed")
if not snap:
    sys.exit("drill: the public-API snapshot test did not fail: the change is not visible in the public surface")
names = {"string": "DrillText", "integer": "DrillCount", "date-time": "DrillDate", "number": "DrillAmount",
         "status": "OnHold", "type": "Adjustment", "errortype": "DrillError", "errorreason": "DrillReason"}
for edit in sys.argv[2:]:
    if not any(names[edit] in m for m in snap):
        sys.exit(f"drill: the snapshot failure does not name {names[edit]}")
    print(f"drill: the snapshot failure names {names[edit]}")
PY
[ $? -eq 0 ] || exit 1

cli="src/Impact.ApiSubmissions.Cli/bin/Debug/net8.0/Impact.ApiSubmissions.Cli.dll"
for edit in "${edits[@]}"; do
    case "$edit" in
        string)    expect='"DrillText": "drill-text"' ;;
        integer)   expect='"DrillCount": 42' ;;
        date-time) expect='"DrillDate": "2024-05-06T07:08:09-07:00"' ;;
        number)    expect='"DrillAmount": 12.5' ;;
        *) continue ;;
    esac
    json="$(dotnet "$cli" list --demo --format json --max 2)" || { echo "drill: list --demo failed"; exit 1; }
    if ! grep -qF "$expect" <<<"$json"; then
        echo "$json" | head -25
        echo "drill: list --demo --format json does not show $expect"
        exit 1
    fi
    echo "drill: list --demo --format json shows $expect"
    field="$(cut -d'"' -f2 <<<"$expect")"
    dotnet "$cli" list --demo --format csv --max 1 | head -1 | tr -d '\r' | tr ',' '\n' | grep -qx "$field" \
        || { echo "drill: the csv header misses $field"; exit 1; }
    batch="$(grep -m1 -o '"BatchId": "[^"]*"' <<<"$json" | cut -d'"' -f4)"
    dotnet "$cli" get --demo "$batch" | grep -q "$field" || { echo "drill: get misses $field"; exit 1; }
    echo "drill: the csv header and get show $field"
done
for edit in "${edits[@]}"; do
    case "$edit" in
        status) help="$(dotnet "$cli" list --help)"; grep -q '"On Hold"' <<<"$help" && echo 'drill: list --help lists "On Hold" for --status' || { echo "drill: --status help misses the new value"; exit 1; } ;;
    esac
done

if [ "${DRILL_ACCEPT:-0}" = "1" ]; then
    echo "== drill: accept the snapshot, then everything must pass"
    IMPACT_ACCEPT_API=1 dotnet test Generated.sln --no-build --filter "FullyQualifiedName~PublicApi" > accept.log 2>&1
    dotnet build Generated.sln -m:1 -nologo -v:q > build2.log 2>&1 || { tail -20 build2.log; exit 1; }
    dotnet test Generated.sln --no-build > test2.log 2>&1 || { grep -E "Failed |Passed!|Failed!" test2.log; echo "drill: not green after accepting the snapshot"; exit 1; }
    grep -E "Passed!|Failed!" test2.log | sed 's/^/drill: /'
fi
echo "drill: passed"
