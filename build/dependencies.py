#!/usr/bin/env python3
"""Lists every NuGet and npm package NewsPortal uses, with its licence, into docs/dependencies.md.

    python3 build/dependencies.py           # write docs/dependencies.md
    python3 build/dependencies.py --check   # CI: fail when what ships has a GPL, AGPL or SSPL licence or one this
                                            # script cannot name, or when docs/dependencies.md is not current

What ships: the NuGet packages in the published site's deps.json (build the site first: dotnet build) and the npm
packages bundled into wwwroot/lib/newsroom-editor (every package in the editor's lockfile but esbuild, which only
builds it). What does not ship: the test projects' packages and tests/quality's npm packages; they are listed too.
LGPL is allowed (libvips is loaded dynamically and replaceable; see THIRD-PARTY-NOTICES.md).
"""
import json
import pathlib
import re
import sys
import xml.etree.ElementTree as ET

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "dependencies.md"
WEB = ROOT / "src" / "NewsPortal.Web"
TEST_PROJECTS = ["NewsPortal.UnitTests", "NewsPortal.IntegrationTests", "NewsPortal.TopologyTests", "NewsPortal.BrowserTests"]

# Packages whose nuspec names a licence file instead of an SPDX expression: the licence that file states, as read by a
# person for that exact version (a new version is "unknown" until someone reads its file again). Both come with
# Microsoft.Data.SqlClient, which the product's SQL Server provider requires; both are Windows-only native parts.
KNOWN = {
    ("Microsoft.Data.SqlClient.SNI.runtime", "6.0.3"):
        "Microsoft Software License Terms (free; redistributable with an application; LICENSE.txt in the package)",
    ("Microsoft.Identity.Client.NativeInterop", "0.20.6"):
        "Microsoft Software License Terms (free; redistributable with an application; LICENSE in the package)",
}
FORBIDDEN = re.compile(r"(?<![L])\b(A?GPL|SSPL)", re.IGNORECASE)


def fail(message):
    print(f"dependencies: {message}", file=sys.stderr)
    sys.exit(1)


def package_folder():
    assets = json.loads((WEB / "obj" / "project.assets.json").read_text())
    return pathlib.Path(next(iter(assets["packageFolders"])))


def nuget_licence(folder, name, version):
    if (name, version) in KNOWN:
        return KNOWN[(name, version)]
    base = folder / name.lower() / version.lower()
    nuspecs = list(base.glob("*.nuspec"))
    if not nuspecs:
        return "unknown (package not restored)"
    root = ET.parse(nuspecs[0]).getroot()
    ns = {"n": root.tag.split("}")[0].strip("{")} if root.tag.startswith("{") else {"n": ""}
    meta = root.find("n:metadata", ns) if ns["n"] else root.find("metadata")
    find = (lambda tag: meta.find(f"n:{tag}", ns)) if ns["n"] else (lambda tag: meta.find(tag))
    licence = find("license")
    if licence is not None and licence.get("type") == "expression" and licence.text:
        return licence.text.strip()
    if licence is not None and licence.get("type") == "file" and licence.text:
        return f"file: {licence.text.strip()}"
    url = find("licenseUrl")
    if url is not None and url.text:
        match = re.match(r"https?://licenses\.nuget\.org/(.+)", url.text.strip())
        return match.group(1) if match else f"unknown ({url.text.strip()})"
    return "unknown"


def shipped_nuget(folder):
    deps_files = sorted((WEB / "bin").glob("*/net*/NewsPortal.Web.deps.json"), key=lambda p: p.stat().st_mtime)
    if not deps_files:
        fail("no NewsPortal.Web.deps.json under src/NewsPortal.Web/bin: build the site first (dotnet build)")
    libraries = json.loads(deps_files[-1].read_text())["libraries"]
    return sorted(
        (key.split("/")[0], key.split("/")[1])
        for key, value in libraries.items()
        if value["type"] == "package"
    )


def test_nuget(shipped):
    seen = set(shipped)
    names = set()
    for project in TEST_PROJECTS:
        assets = ROOT / "tests" / project / "obj" / "project.assets.json"
        if not assets.exists():
            continue
        for key, value in json.loads(assets.read_text())["libraries"].items():
            if value["type"] == "package":
                name, version = key.split("/")
                if (name, version) not in seen:
                    names.add((name, version))
    return sorted(names)


def npm(lockfile):
    packages = json.loads(lockfile.read_text())["packages"]
    rows = []
    for path, value in packages.items():
        if not path:
            continue
        name = path.split("node_modules/")[-1]
        rows.append((name, value.get("version", "?"), value.get("license", "unknown")))
    return sorted(set(rows))


def main():
    check = "--check" in sys.argv[1:]
    folder = package_folder()
    shipped = [(n, v, nuget_licence(folder, n, v)) for n, v in shipped_nuget(folder)]
    tests = [(n, v, nuget_licence(folder, n, v)) for n, v in test_nuget([(n, v) for n, v, _ in shipped])]
    editor = npm(WEB / "ClientApp" / "editor" / "package-lock.json")
    bundled = [r for r in editor if not (r[0] == "esbuild" or r[0].startswith("@esbuild/"))]
    build_tools = [r for r in editor if r not in bundled]
    quality_lock = ROOT / "tests" / "quality" / "package-lock.json"
    quality = npm(quality_lock) if quality_lock.exists() else []

    problems = [
        f"{n} {v}: {lic}" for n, v, lic in shipped + bundled
        if FORBIDDEN.search(lic) or lic.startswith("unknown") or lic.startswith("file:")
    ]

    lines = [
        "# Dependencies and their licences",
        "",
        "Generated by `python3 build/dependencies.py` from the build's `NewsPortal.Web.deps.json`, the test projects'",
        "`project.assets.json` and the npm lockfiles; `.ci/run` runs it with `--check`, which fails when anything that ships",
        "has a GPL, AGPL or SSPL licence or one the script cannot name, or when this page is out of date. NewsPortal itself",
        "is MIT (`LICENSE`). The native libvips inside NetVips.Native is LGPL, loaded dynamically: see",
        "`THIRD-PARTY-NOTICES.md`.",
        "",
        f"## Ships with the site: NuGet ({len(shipped)})",
        "",
        "| package | version | licence |",
        "| --- | --- | --- |",
        *[f"| {n} | {v} | {lic} |" for n, v, lic in shipped],
        "",
        f"## Ships with the site: npm, bundled into `wwwroot/lib/newsroom-editor` ({len(bundled)})",
        "",
        "| package | version | licence |",
        "| --- | --- | --- |",
        *[f"| {n} | {v} | {lic} |" for n, v, lic in bundled],
        "",
        f"## Builds the editor bundle, does not ship ({len(build_tools)})",
        "",
        "| package | version | licence |",
        "| --- | --- | --- |",
        *[f"| {n} | {v} | {lic} |" for n, v, lic in build_tools],
        "",
        f"## Tests only, does not ship: NuGet ({len(tests)}) and npm ({len(quality)})",
        "",
        "| package | version | licence |",
        "| --- | --- | --- |",
        *[f"| {n} | {v} | {lic} |" for n, v, lic in tests + quality],
        "",
    ]
    text = "\n".join(lines)

    if problems:
        fail("what ships has a licence that is not allowed or not known:\n  " + "\n  ".join(problems))
    if check:
        if not OUT.exists() or OUT.read_text() != text:
            fail(f"{OUT.relative_to(ROOT)} is out of date: run python3 build/dependencies.py and commit it")
        print(f"dependencies: {len(shipped)} NuGet and {len(bundled)} npm packages ship; licences allowed; page current")
        return
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(text)
    print(f"dependencies: wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
