from __future__ import annotations

import stat

from core import paths


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_override_puts_everything_under_one_folder(furikaeri_home):
    for location in (paths.data_dir(), paths.cache_dir(), paths.config_dir(), paths.recordings_dir(),
                     paths.models_dir()):
        assert furikaeri_home in location.parents
        assert location.is_dir()
        assert _mode(location) == 0o700
    assert paths.database_path().parent == paths.data_dir()


def test_platform_folders_without_override(tmp_path, monkeypatch):
    monkeypatch.delenv(paths.HOME_ENV)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    assert paths.data_dir() == tmp_path / "xdg-data" / "Furikaeri"
    assert paths.cache_dir() == tmp_path / "xdg-cache" / "Furikaeri"
    assert paths.config_dir() == tmp_path / "xdg-config" / "Furikaeri"
    assert _mode(paths.data_dir()) == 0o700


def test_existing_data_folder_is_made_private(furikaeri_home):
    loose = furikaeri_home / "data"
    loose.mkdir(mode=0o755)
    loose.chmod(0o755)
    assert _mode(paths.data_dir()) == 0o700


def test_private_file_creation(tmp_path):
    target = tmp_path / "secret.txt"
    paths.create_private_file(target)
    assert target.exists() and _mode(target) == 0o600


def test_atomic_write_handles_names_at_the_length_limit(tmp_path):
    from core.fsutil import atomic_write_text

    target = tmp_path / ("面" * 83 + ".txt")  # 253 bytes of UTF-8
    assert len(target.name.encode()) <= 255
    atomic_write_text(target, "振り返り")
    assert target.read_text("utf-8") == "振り返り"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
