"""What installs the app into a desktop (issue 19): icon, Linux desktop entry and AppStream metadata, the macOS
and Windows recipes, and the build workflow.

The freedesktop validators (``desktop-file-validate``, ``appstreamcli``; Debian's desktop-file-utils and
appstream, which .ci/run installs) skip the tests that need them when missing, and fail them under ``CI``.
"""

from __future__ import annotations

import configparser
import json
import os
import plistlib
import re
import shutil
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from tests.audio_rig import skip_or_fail

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))
import icons  # noqa: E402

APP_ID = "io.github.furikaeri.Furikaeri"
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
MACOS = ROOT / "packaging" / "macos"
VERSION_INFO = ROOT / "packaging" / "windows" / "version_info.txt"
WORKFLOW = ROOT / ".github" / "workflows" / "build.yml"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")  # kana or kanji


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        skip_or_fail(f"{name} is not installed (Debian: desktop-file-utils, appstream)")
    return path


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive: Name[ja]
    parser.read_string(DESKTOP.read_text("utf-8"))
    return parser["Desktop Entry"]


def _metainfo() -> ET.Element:
    return ET.parse(METAINFO).getroot()


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE and data[12:16] == b"IHDR", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


# --- Linux: the desktop entry and the AppStream metadata ------------------------------------------------------


def test_the_desktop_entry_passes_desktop_file_validate_without_a_remark():
    result = subprocess.run([_tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0 and not (result.stdout + result.stderr).strip(), result.stdout + result.stderr


def test_the_desktop_entry_speaks_english_and_japanese_and_opens_no_terminal():
    entry = _desktop_entry()
    assert entry["Type"] == "Application" and entry["Terminal"] == "false"
    for key in ("Name", "GenericName", "Comment", "Keywords"):
        assert entry[key] and not JAPANESE.search(entry[key]), key
        assert JAPANESE.search(entry[f"{key}[ja]"]), f"{key}[ja] has no Japanese"
    assert "面接" in entry["Keywords[ja]"].split(";") and "interview" in entry["Keywords"].split(";")


def test_the_metainfo_passes_appstreamcli_pedantically_apart_from_the_ids_capital():
    result = subprocess.run([_tool("appstreamcli"), "validate", "--no-net", "--explain", "--pedantic", str(METAINFO)],
                            capture_output=True, text=True, timeout=60)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    # Every remark (E/W/I/P: <component>:<line>: <tag>): only the reverse-DNS ID's capital F, which the desktop
    # file's name, the Wayland app id and the macOS bundle id share; Flathub asks for exactly this form.
    remarks = set(re.findall(r"^([EWIP]): \S+: (\S+)", output, re.MULTILINE))
    expected = {("P", "cid-contains-uppercase-letter")}
    version = re.search(r"(\d+)\.\d+", subprocess.run([_tool("appstreamcli"), "--version"], capture_output=True,
                                                       text=True, timeout=60).stdout)
    assert version, "appstreamcli --version said no version"
    if int(version.group(1)) >= 1:
        # AppStream 1.0 replaced <developer_name> with <developer>, which 0.16 (Debian 12's, .ci/run's) does
        # not know: the older tag is kept, and 1.0 only notes it.
        expected.add(("I", "developer-name-tag-deprecated"))
    assert remarks <= expected, output


def test_the_metainfo_says_everything_in_english_and_japanese():
    root = _metainfo()
    assert root.get("type") == "desktop-application" and root.findtext("id") == APP_ID

    def pairs(parent: ET.Element, tag: str) -> tuple[list[str], list[str]]:
        elements = parent.findall(tag)
        return ([e.text or "" for e in elements if e.get(XML_LANG) is None],
                [e.text or "" for e in elements if e.get(XML_LANG) == "ja"])

    for parent, tag in [(root, "name"), (root, "summary"), (root, "developer_name"),
                        *((shot, "caption") for shot in root.iter("screenshot")),
                        *((description, "p") for description in root.iter("description")),
                        *((description, "ul/li") for description in root.iter("description"))]:
        english, japanese = pairs(parent, tag)
        assert len(english) == len(japanese), f"<{tag}>: {len(english)} English, {len(japanese)} Japanese"
        assert all(JAPANESE.search(text) for text in japanese), japanese
        assert not any(JAPANESE.search(text) for text in english if tag != "name"), english
    assert len(root.findall("screenshots/screenshot")) >= 2
    assert root.find("content_rating").get("type") == "oars-1.1"
    assert root.findtext("project_license") == "MIT" and root.findtext("metadata_license") == "CC0-1.0"
    assert {c.text for c in root.iter("control")} >= {"keyboard", "pointing"}


def test_the_metainfos_release_is_the_projects_version():
    releases = _metainfo().findall("releases/release")
    assert releases and releases[0].get("version") == VERSION
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", releases[0].get("date", ""))


def test_every_screenshot_url_names_a_committed_picture_of_the_size_it_states():
    images = list(_metainfo().iter("image"))
    prefix = "https://raw.githubusercontent.com/furikaeri/furikaeri/main/"
    assert len(images) >= 4
    for image in images:
        url = image.text or ""
        assert url.startswith(prefix + "docs/screenshots/") and url.endswith(".png"), url
        local = ROOT / url.removeprefix(prefix)
        assert local.is_file(), f"{url}: no {local.relative_to(ROOT)} in the repository"
        assert _png_size(local.read_bytes()) == (int(image.get("width", 0)), int(image.get("height", 0))), url
        assert local.stem.endswith("_ja" if image.get(XML_LANG) == "ja" else "_en"), url


def test_the_desktop_entry_and_the_metainfo_name_the_same_launcher_binary_and_icon():
    entry, root = _desktop_entry(), _metainfo()
    assert root.findtext("launchable[@type='desktop-id']") == DESKTOP.name
    assert entry["Icon"] == root.findtext("id") == DESKTOP.name.removesuffix(".desktop")
    assert entry["Exec"].split()[0] == entry["TryExec"] == root.findtext("provides/binary") == "furikaeri"
    # The app takes no file arguments (any argument is a command-line command): no %f/%F/%u/%U.
    assert "%" not in entry["Exec"]


def test_the_running_app_carries_the_desktop_files_name_window_class_and_icon():
    """What Qt sets, read from the app as it starts (in its own process: the test's QApplication stays as it is):
    X11's WM_CLASS class is the application name (StartupWMClass), Wayland's app id the desktop file name."""
    script = (
        "import json, sys\n"
        "from gui.app import build_application\n"
        "app = build_application(sys.argv[:1])\n"
        "icon = app.windowIcon()\n"
        "print('REPORT ' + json.dumps({'name': app.applicationName(), 'desktop': app.desktopFileName(),\n"
        "    'null': icon.isNull(), 'pixmap': icon.pixmap(48, 48).width()}))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    lines = [line for line in done.stdout.splitlines() if line.startswith("REPORT ")]
    assert lines, done.stdout + done.stderr
    report = json.loads(lines[0].removeprefix("REPORT "))
    entry = _desktop_entry()
    assert report["name"] == entry["StartupWMClass"]
    assert report["desktop"] == DESKTOP.name.removesuffix(".desktop")
    assert not report["null"] and report["pixmap"] == 48


def test_ci_installs_the_validators():
    packages = re.search(r"APT_PACKAGES=\((.*?)\n\)", (ROOT / ".ci" / "run").read_text("utf-8"), re.DOTALL)
    assert packages
    words = {word for line in packages.group(1).splitlines() for word in line.split("#")[0].split()}
    assert {"desktop-file-utils", "appstream"} <= words


# --- The icon ---------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("icons")
    icons.render_all(out)
    return out


def test_every_hicolor_size_renders_the_icon_with_content(qapp, rendered):
    from PySide6.QtGui import QImage

    assert sorted(p.parent.parent.name for p in rendered.glob("hicolor/*/apps/*.png")) == sorted(
        f"{n}x{n}" for n in icons.HICOLOR_SIZES)
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        image = QImage(str(rendered / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"))
        assert (image.width(), image.height()) == (size, size)
        alphas = [image.pixelColor(x, y).alpha() for y in range(size) for x in range(size)]
        opaque = sum(alpha == 255 for alpha in alphas) / len(alphas)
        assert opaque > 0.6, f"{size} px: only {opaque:.0%} of it drawn"
        assert image.pixelColor(0, 0).alpha() == 0  # the tile's rounded corner: the icon has a shape
        colours = {image.pixelColor(x, y).name() for y in range(size) for x in range(size) if image.pixelColor(
            x, y).alpha() == 255}
        assert "#ffffff" in colours and len(colours) >= 3, f"{size} px: {sorted(colours)[:5]}"  # bubble on a tile
    scalable = rendered / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert scalable.read_bytes() == icons.SVG.read_bytes()


def test_the_icon_svg_is_self_contained_svg_1_1():
    text = icons.SVG.read_text("utf-8")
    root = ET.fromstring(text)
    assert root.tag == "{http://www.w3.org/2000/svg}svg" and root.get("version") == "1.1"
    assert "<text" not in text and "href" not in text and "<image" not in text  # no text, nothing from outside


def test_the_windows_ico_holds_a_png_for_each_size(qapp, rendered):
    data = (rendered / "furikaeri.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind, count) == (0, 1, len(icons.ICO_SIZES))
    sizes = []
    for index in range(count):
        width, height, _colours, _reserved, planes, bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index: 22 + 16 * index])
        width, height = width or 256, height or 256
        assert (planes, bits) == (1, 32) and offset + length <= len(data)
        assert _png_size(data[offset: offset + length]) == (width, height)
        sizes.append(width)
    assert sizes == [16, 24, 32, 48, 64, 128, 256]
    assert _qt_reads(rendered / "furikaeri.ico") == [(n, n) for n in sizes]  # a second reader agrees


def test_the_macos_icns_holds_a_png_for_each_type(qapp, rendered):
    data = (rendered / "furikaeri.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    found, position = {}, 8
    while position < len(data):
        kind, length = data[position: position + 4], struct.unpack(">I", data[position + 4: position + 8])[0]
        assert length > 8 and position + length <= len(data)
        found[kind.decode("ascii")] = _png_size(data[position + 8: position + length])
        position += length
    assert found == {"icp4": (16, 16), "icp5": (32, 32), "icp6": (64, 64), "ic07": (128, 128), "ic08": (256, 256),
                     "ic09": (512, 512), "ic10": (1024, 1024), "ic11": (32, 32), "ic12": (64, 64),
                     "ic13": (256, 256), "ic14": (512, 512)}
    assert sorted(_qt_reads(rendered / "furikaeri.icns")) == sorted(found.values())


def _qt_reads(path: Path) -> list[tuple[int, int]]:
    from PySide6.QtGui import QImageReader

    reader = QImageReader(str(path))
    sizes = []
    for index in range(reader.imageCount()):
        assert reader.jumpToImage(index)
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        sizes.append((image.width(), image.height()))
    return sizes


def test_an_ico_entry_larger_than_256_px_is_refused():
    with pytest.raises(ValueError, match="1 to 256"):
        icons.ico_bytes({512: PNG_SIGNATURE})


# --- macOS and Windows recipes ------------------------------------------------------------------------------------


def test_the_macos_info_plist_names_the_app_its_version_and_why_it_asks_for_the_microphone():
    info = plistlib.loads((MACOS / "Info.plist").read_bytes())
    assert info["CFBundleIdentifier"] == APP_ID and info["CFBundleName"] == "Furikaeri"
    assert info["CFBundleShortVersionString"] == info["CFBundleVersion"] == VERSION
    assert info["CFBundleDevelopmentRegion"] == "en" and info["CFBundleLocalizations"] == ["en", "ja"]
    assert info["NSHighResolutionCapable"] is True
    assert re.fullmatch(r"\d+\.\d+", info["LSMinimumSystemVersion"])
    assert "record" in info["NSMicrophoneUsageDescription"] and not JAPANESE.search(info[
        "NSMicrophoneUsageDescription"])
    assert info["CFBundleIconFile"] == "furikaeri.icns"  # what packaging/icons.py writes


def test_the_japanese_microphone_text_is_a_valid_strings_file():
    text = (MACOS / "ja.lproj" / "InfoPlist.strings").read_bytes().decode("utf-8")
    without_comments = re.sub(r"/\*.*?\*/", "", text, flags=re.DOTALL)
    entries = re.findall(r'^\s*"([^"]+)"\s*=\s*"((?:[^"\\]|\\.)*)"\s*;\s*$', without_comments, re.MULTILINE)
    assert len(entries) == len([line for line in without_comments.splitlines() if line.strip()]), text
    strings = dict(entries)
    assert "録音" in strings["NSMicrophoneUsageDescription"]
    info = plistlib.loads((MACOS / "Info.plist").read_bytes())
    assert set(strings) <= set(info)  # only keys Info.plist has are translated


def test_the_entitlements_allow_the_microphone_under_the_hardened_runtime():
    entitlements = plistlib.loads((MACOS / "entitlements.plist").read_bytes())
    assert entitlements["com.apple.security.device.audio-input"] is True
    assert all(value is True for value in entitlements.values())
    # Each one is explained (packaging/macos/README.md); library validation stays on.
    explained = (MACOS / "README.md").read_text("utf-8")
    assert all(f"`{key}`" in explained for key in entitlements)
    assert "com.apple.security.cs.disable-library-validation" not in entitlements


def test_the_windows_version_resource_loads_in_pyinstaller_and_says_0_1_0_0(monkeypatch):
    import PyInstaller.compat

    # PyInstaller's reader module imports win32api at the top but only uses it to write into an .exe, which
    # only happens on Windows; elsewhere the name is missing, so an empty stand-in lets the reader load.
    if not hasattr(PyInstaller.compat, "win32api"):
        monkeypatch.setattr(PyInstaller.compat, "win32api", None, raising=False)
    from PyInstaller.utils.win32 import versioninfo

    info = versioninfo.load_version_info_from_text_file(str(VERSION_INFO))
    major, minor, patch = (int(part) for part in VERSION.split("."))
    assert (info.ffi.fileVersionMS, info.ffi.fileVersionLS) == (major << 16 | minor, patch << 16)
    tables = {table.name: {s.name: s.val for s in table.kids} for table in info.kids[0].kids}
    assert set(tables) == {"040904B0", "041104B0"}  # English (US) and Japanese, Unicode
    for strings in tables.values():
        assert strings["FileVersion"] == f"{VERSION}.0" and strings["ProductVersion"] == VERSION
        assert strings["ProductName"] == "Furikaeri" and strings["OriginalFilename"] == "furikaeri.exe"
        assert strings["CompanyName"] and strings["FileDescription"] and strings["LegalCopyright"]
    assert JAPANESE.search(tables["041104B0"]["FileDescription"])
    raw = info.toRaw()  # the bytes PyInstaller writes into furikaeri.exe
    assert "furikaeri.exe".encode("utf-16-le") in raw and "振り返り".encode("utf-16-le") in raw


# --- The build workflow ---------------------------------------------------------------------------------------


def test_the_build_workflow_builds_on_three_systems_and_keeps_dist():
    workflow = yaml.safe_load(WORKFLOW.read_text("utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert {"push", "pull_request", "workflow_dispatch"} <= set(triggers)
    job = workflow["jobs"]["build"]
    assert set(job["strategy"]["matrix"]["os"]) == {"ubuntu-latest", "macos-latest", "windows-latest"}
    steps = job["steps"]
    uses = [step.get("uses", "").split("@")[0] for step in steps]
    assert uses.count("actions/checkout") == 1 and "astral-sh/setup-uv" in uses
    runs = [step.get("run", "") for step in steps]
    assert any(run.strip() == "uv run packaging/build.py" for run in runs)
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["with"]["path"].rstrip("/") == "dist"
    sign = next(step for step in steps if "codesign" in step.get("run", ""))
    assert sign["if"] == "runner.os == 'macOS'"
    entitlements = re.search(r"--entitlements (\S+)", sign["run"])
    assert entitlements and (ROOT / entitlements.group(1)).is_file()
    assert "--options runtime" in sign["run"] and "dist/Furikaeri.app" in sign["run"]
