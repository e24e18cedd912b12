"""`candor check` via click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from workers.checks.cli import check_command

CLAIM = "Stem cells cure arthritis with no side effects. Book your consultation today."


def test_files_json(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(f"<html><body><p>{CLAIM}</p><script>bad()</script></body></html>")
    (tmp_path / "b.txt").write_text(CLAIM)
    (tmp_path / "c.md").write_text(f"# Title\n\n**{CLAIM}**")
    res = CliRunner().invoke(
        check_command, [str(tmp_path / n) for n in ("a.html", "b.txt", "c.md")] + ["--format", "json"]
    )
    assert res.exit_code == 0, res.output
    lines = [json.loads(x) for x in res.output.splitlines()]
    assert [Path(x["file"]).name for x in lines] == ["a.html", "b.txt", "c.md"]
    for x in lines:
        assert x["decision"] in {"needs_review", "reject"}
        assert any(f["category"] == "cure" for f in x["checks"][1]["findings"])


def test_text_report(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(CLAIM)
    res = CliRunner().invoke(check_command, [str(p)])
    assert res.exit_code == 0
    for needle in ("risk disclosure", "harms: absent", "OC-CURE", "why:", "try:", "overclaim"):
        assert needle in res.output, needle


def test_jsonl_stdin_with_bad_lines() -> None:
    stream = "\n".join(
        [
            json.dumps({"id": "a1", "body": CLAIM}),
            "this is not json",
            json.dumps({"id": "a2", "body": f"<p>{CLAIM}</p>", "content_type": "text/html", "title": "T"}),
            json.dumps({"id": "a3", "body": "x", "content_type": "application/pdf"}),
            json.dumps({"id": "a4"}),
            json.dumps([1, 2]),
            "",
        ]
    )
    res = CliRunner().invoke(check_command, ["--jsonl", "-"], input=stream)
    assert res.exit_code == 0, res.output
    out = [json.loads(x) for x in res.output.splitlines()]
    assert [x.get("id") for x in out] == ["a1", None, "a2", "a3", "a4", None]
    assert out[0]["decision"] in {"needs_review", "reject"} and "error" not in out[0]
    assert "error" in out[1] and "error" in out[3] and "error" in out[4] and "error" in out[5]
    assert "UnsupportedContentType" in out[3]["error"]
    assert out[2]["ruleset"]


def test_jsonl_file(tmp_path: Path) -> None:
    p = tmp_path / "in.jsonl"
    p.write_text(json.dumps({"id": 7, "body": CLAIM}) + "\n")
    res = CliRunner().invoke(check_command, ["--jsonl", str(p)])
    assert res.exit_code == 0
    assert json.loads(res.output)["id"] == 7


def test_missing_file_is_reported_not_crashed(tmp_path: Path) -> None:
    res = CliRunner().invoke(check_command, [str(tmp_path / "nope.txt"), "--format", "json"])
    assert res.exit_code == 0
    assert "error" in json.loads(res.output)
