#!/usr/bin/env bash
# Regeneration drill: on one scratch copy of the repository, edit the spec the way a user would, build, run
# the tests, and check the README's "Regenerating" promises:
#   - the README walkthrough's own YAML block (SubmissionSource), pasted as written at the END of the
#     ApiSubmission schema's properties; a date-time property with a 30-character name at the TOP; an integer
#     and a number in the MIDDLE; a Status value between two others; an ErrorReason code in the middle of its list;
#   - it builds (every existing caller of the public API still compiles), the public-API snapshot is the only
#     failing test, and its message names each change and the one command that accepts it;
#   - that command, run as the README writes it, exits 0 without noise, and the snapshot then passes;
#   - the new properties reach `list --format json`, `--format csv` and `get`; the new Status value `--help`.
# One scratch build covers every case: each more would cost a full build and test run.
set -uo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
started=$SECONDS

scratch="$(mktemp -d /tmp/impact-drill.XXXXXX)"
trap 'rm -rf "$scratch"' EXIT
(cd "$repo" && git ls-files -z | xargs -0 tar -cf - ) | tar -xf - -C "$scratch"
cd "$scratch"

long_name="DrillAttributionChannelDetails"   # 30 characters: wider than every field name the CLI shows today
echo "== drill: editing a copy of the spec (top, middle and end of ApiSubmission's properties; enum values in the middle)"
python3 - openapi/impact-api-submissions.yaml README.md "$long_name" <<'PY'
import re, sys
path, readme, long_name = sys.argv[1:4]
lines = open(path).read().split("\n")

def block(name, indent, start=0, end=None):
    """[start, end) of the mapping key `name:` at `indent` spaces, searched in lines[start:end]."""
    end = len(lines) if end is None else end
    s = lines.index(" " * indent + name + ":", start, end)
    e = s + 1
    while e < len(lines) and (lines[e].strip() == "" or len(lines[e]) - len(lines[e].lstrip()) > indent):
        e += 1
    while lines[e - 1].strip() == "":
        e -= 1
    return s, e

def keys(start, end, indent):
    """Line numbers of the keys at `indent` spaces in lines[start:end]."""
    return [i for i in range(start, end) if re.match(" " * indent + r"[^ #-][^:]*:", lines[i])]

def insert_in_list(schema, key, at, item):
    s, e = block(schema, 4)
    k, ke = block(key, 6, s, e)
    items = [i for i in range(k + 1, ke) if lines[i].startswith("        - ")]
    lines.insert(items[at] if at < len(items) else ke, "        - " + item)

# The README walkthrough's YAML block, exactly as written.
text = open(readme).read()
walkthrough = text[text.index("### Walkthrough: impact.com adds a field"):]
readme_block = re.search(r"```yaml\n(.*?)```", walkthrough, re.S).group(1).rstrip("\n").split("\n")

def prop(name, schema, example):
    return ["        " + name + ":"] + ["          " + x for x in schema] + [
        "          description: A field impact.com added (regeneration drill).", "          example: " + example]

top = prop(long_name, ["type: string", "format: date-time", "nullable: true"], '"2024-05-06T07:08:09-07:00"')
middle = prop("DrillCount", ["type: integer", "format: int64", "nullable: true"], "42") + \
         prop("DrillAmount", ["type: number", "format: double", "nullable: true"], "12.5")

s, e = block("ApiSubmission", 4)
p, pe = block("properties", 6, s, e)
props = keys(p + 1, pe, 8)
# Bottom up, so the earlier line numbers stay valid.
lines[pe:pe] = readme_block
lines[props[len(props) // 2]:props[len(props) // 2]] = middle
lines[p + 1:p + 1] = top

# A Status value between Queued and In Progress.
insert_in_list("SubmissionStatus", "enum", 1, "On Hold")
insert_in_list("SubmissionStatus", "x-enumNames", 1, "OnHold")
# An ErrorReason code in the middle of the documented ones.
s, e = block("ErrorReason", 4)
k, ke = block("enum", 6, s, e)
middle_code = len([i for i in range(k + 1, ke) if lines[i].startswith("        - ")]) // 2
insert_in_list("ErrorReason", "enum", middle_code, "DRILL_REASON")
insert_in_list("ErrorReason", "x-enumNames", middle_code, "DrillReason")
insert_in_list("ErrorReason", "x-enum-descriptions", middle_code, '"A code impact.com added (regeneration drill)."')
open(path, "w").write("\n".join(lines))
PY
[ $? -eq 0 ] || exit 1
git -C "$repo" diff --no-index --stat "$repo/openapi/impact-api-submissions.yaml" openapi/impact-api-submissions.yaml | tail -1

echo "== drill: build"
dotnet build Generated.sln -m:1 -nologo -v:q > build.log 2>&1 || { grep -E "error" build.log | sort -u | head -30; echo "drill: the edited spec does not build"; exit 1; }

echo "== drill: test"
dotnet test Generated.sln --no-build --logger trx --results-directory "$scratch/results" > test.log 2>&1
accept="$(grep -o 'IMPACT_ACCEPT_API=1 dotnet test [^`]*' README.md | sort -u)"
[ "$(wc -l <<<"$accept")" -eq 1 ] || { echo "drill: the README gives more than one accept command:"; echo "$accept"; exit 1; }
python3 - "$scratch/results" "$long_name" "$accept" <<'PY'
import sys, glob, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
results, long_name, accept = sys.argv[1:4]
failed, passed = [], 0
for path in glob.glob(results + "/**/*.trx", recursive=True):
    root = ET.parse(path).getroot()
    for r in root.iterfind(".//t:UnitTestResult", ns):
        if r.get("outcome") == "Passed":
            passed += 1
        elif r.get("outcome") != "NotExecuted":
            message = "".join(r.find(".//t:Message", ns).itertext()) if r.find(".//t:Message", ns) is not None else ""
            failed.append((r.get("testName"), message))
print(f"drill: {passed} passed, {len(failed)} failed")
for name, message in failed:
    print("  failed:", name)
    if "PublicApiSnapshotTests" not in name:
        print("   ", message[:1500].replace("\n", "\n    "))
others = [n for n, _ in failed if "PublicApiSnapshotTests" not in n]
snap = "\n".join(m for n, m in failed if "PublicApiSnapshotTests" in n)
if others:
    sys.exit("drill: tests other than the public-API snapshot failed")
if not snap:
    sys.exit("drill: the public-API snapshot test did not fail: the change is not visible in the public surface")
expected = ["+ public string? SubmissionSource { get; }", "+ public System.DateTimeOffset? " + long_name + " { get; }",
            "+ public long? DrillCount { get; }", "+ public double? DrillAmount { get; }",
            "OnHold { get; }", "DrillReason { get; }", accept]
for text in expected:
    if text not in snap:
        print(snap[:3000])
        sys.exit(f"drill: the snapshot failure does not show {text}")
    print(f"drill: the snapshot failure shows {text}")
PY
[ $? -eq 0 ] || exit 1

echo "== drill: accept the snapshot with the README's command"
bash -c "$accept" > accept.log 2>&1
accept_status=$?
if [ "$accept_status" -ne 0 ] || grep -q "No test matches" accept.log; then
    tail -30 accept.log
    echo "drill: '$accept' exited $accept_status or printed noise"
    exit 1
fi
dotnet test tests/Impact.ApiSubmissions.Tests --no-build --filter "FullyQualifiedName~PublicApiSnapshotTests" > after.log 2>&1 \
    || { tail -30 after.log; echo "drill: the snapshot still fails after accepting it"; exit 1; }
echo "drill: '$accept' exits 0 and the snapshot then passes (every other test passed above)"

cli="src/Impact.ApiSubmissions.Cli/bin/Debug/net8.0/Impact.ApiSubmissions.Cli.dll"
json="$(dotnet "$cli" list --demo --format json --max 2)" || { echo "drill: list --demo failed"; exit 1; }
csv_header="$(dotnet "$cli" list --demo --format csv --max 1 | head -1 | tr -d '\r' | tr ',' '\n')"
batch="$(grep -m1 -o '"BatchId": "[^"]*"' <<<"$json" | cut -d'"' -f4)"
shown="$(dotnet "$cli" get --demo "$batch")"
for expect in '"SubmissionSource": "API v14"' "\"$long_name\": \"2024-05-06T07:08:09-07:00\"" '"DrillCount": "42"' '"DrillAmount": "12.5"'; do
    field="$(cut -d'"' -f2 <<<"$expect")"
    grep -qF "$expect" <<<"$json" || { echo "$json" | head -30; echo "drill: list --demo --format json does not show $expect"; exit 1; }
    grep -qx "$field" <<<"$csv_header" || { echo "drill: the csv header misses $field"; exit 1; }
    grep -q "^$field " <<<"$shown" || { echo "$shown" | head -30; echo "drill: get misses $field"; exit 1; }
    echo "drill: list --format json shows $expect; the csv header and get show $field"
done
dotnet "$cli" list --help | grep -q '"On Hold"' || { echo "drill: list --help misses the new Status value"; exit 1; }
echo 'drill: list --help lists "On Hold" for --status'
echo "drill: passed in $((SECONDS - started)) s"
