"""Options: shipped defaults, then a user file, then WARTA_* variables."""

from __future__ import annotations

import pytest

from warta.config import Options, load_options
from warta.errors import ConfigError


def test_shipped_defaults_match_the_dataclass():
    assert load_options(env={}) == Options()


def test_user_file_then_environment(tmp_path):
    user = tmp_path / "warta.toml"
    user.write_text('max_input_bytes = 1_000\nlanguages = ["id", "en"]\ndebug = true\n')
    options = load_options(user, env={})
    assert (options.max_input_bytes, options.languages, options.debug) == (1000, ("id", "en"), True)
    options = load_options(user, env={"WARTA_MAX_INPUT_BYTES": "2000", "WARTA_DEBUG": "no"})
    assert (options.max_input_bytes, options.debug) == (2000, False)
    assert load_options(env={"WARTA_CONFIG": str(user)}).max_input_bytes == 1000


@pytest.mark.parametrize(
    ("content", "env", "message"),
    [
        ("colour = 'blue'\n", {}, "unknown option 'colour'"),
        ("max_input_bytes = [\n", {}, "cannot read config file"),
        ("", {"WARTA_MAX_INPUT_BYTES": "lots"}, "must be an integer"),
    ],
)
def test_bad_configuration_is_a_clear_error(tmp_path, content, env, message):
    user = tmp_path / "warta.toml"
    user.write_text(content)
    with pytest.raises(ConfigError, match=message):
        load_options(user, env=env)


def test_size_limit_applies_to_the_cli(tmp_path):
    from typer.testing import CliRunner

    from warta.cli import app

    page = tmp_path / "big.txt"
    page.write_text("Judul Berita\n\n" + "Kalimat panjang tentang sesuatu. " * 100)
    config = tmp_path / "warta.toml"
    config.write_text("max_input_bytes = 500\n")
    result = CliRunner().invoke(app, ["process", str(page), "--no-db", "--config", str(config)])
    assert result.exit_code == 1
    assert "input.too_large" in result.output
