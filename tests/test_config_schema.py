"""The JSON Schema of the configuration (``schema/config.schema.json``, ``tfagenda schema --config``)."""

from __future__ import annotations

import tomllib

import pytest
from conftest import REPO, run
from jsonschema import Draft202012Validator

from tfagenda.config import config_json_schema, config_schema_text

SCHEMA_FILE = REPO / "schema" / "config.schema.json"


def test_committed_config_schema_is_current() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == config_schema_text(), (
        "regenerate it: tfagenda schema --config > schema/config.schema.json"
    )


def test_schema_command_prints_it() -> None:
    result = run("schema", "--config")
    assert result.exit_code == 0
    assert result.stdout == config_schema_text()


def test_config_schema_is_valid() -> None:
    Draft202012Validator.check_schema(config_json_schema())


GOOD = """
agenda-dir = "meetings"
select = ["T", "O001"]
ignore = ["S002"]
extend-select = ["I001"]
include = ["*.yaml"]
exclude = ["drafts/**"]
[per-file-ignores]
"old/*.yaml" = ["T001"]
[severity]
O001 = "error"
[policy]
gap-tolerance = 5
slot-tolerance = 10
"""


def test_a_full_config_is_valid() -> None:
    assert list(Draft202012Validator(config_json_schema()).iter_errors(tomllib.loads(GOOD))) == []


@pytest.mark.parametrize(
    "text",
    ['agenda_dir = "x"', 'selct = ["T"]', 'severity = {O001 = "fatal"}', "policy = {gap-tolerance = -1}"],
)
def test_mistakes_are_invalid(text: str) -> None:
    assert list(Draft202012Validator(config_json_schema()).iter_errors(tomllib.loads(text)))


def test_the_schema_is_documented_for_editors() -> None:
    docs = (REPO / "docs" / "schema.md").read_text(encoding="utf-8")
    assert "config.schema.json" in docs
    assert "#:schema" in docs
